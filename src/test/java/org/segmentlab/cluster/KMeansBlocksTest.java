package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * The prepared matrix of a large file is kept in blocks of rows (Matrix); k-means must give exactly what
 * it gives on the one flat array, down to the last bit, whichever path (seeding one by one or in lockstep,
 * Hamerly or Elkan, rows split across threads or restarts in parallel) reads the rows. The data have
 * 10,001 rows in blocks of 2,048, so the last block is partial.
 */
class KMeansBlocksTest {

    private static final Synthetic S = Synthetic.blobs(10_001, 5, 6, 2.5, 23);
    private static final Matrix BLOCKS = Matrix.copyOf(S.x, S.n, S.d, 2048);

    private static void assertSame(KMeansResult flat, KMeansResult blocks, String what) {
        assertArrayEquals(flat.labels(), blocks.labels(), what);
        assertArrayEquals(flat.centroids(), blocks.centroids(), 0.0, what);
        assertEquals(flat.inertia(), blocks.inertia(), 0.0, what);
        assertEquals(flat.iterations(), blocks.iterations(), what);
    }

    @Test
    void theTestMatrixReallyHasSeveralBlocks() {
        assertEquals(5, BLOCKS.blockCount());
        assertTrue(BLOCKS.block(4).length < 2048 * S.d);
    }

    @Test
    void everyPathGivesTheFlatArraysResultBitForBit() {
        for (KMeans.Algo algo : new KMeans.Algo[] {KMeans.Algo.HAMERLY, KMeans.Algo.ELKAN, KMeans.Algo.LLOYD}) {
            for (boolean lockstep : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 2}) {
                    for (int nInit : new int[] {1, 4}) {
                        KMeansOptions o = new KMeansOptions(6, nInit, 300, 1e-4, 7, threads);
                        String what = algo + " lockstep " + lockstep + " threads " + threads + " n_init " + nInit;
                        KMeansResult flat = KMeans.fit(S.x, S.n, S.d, o, ProgressListener.NONE, CancellationToken.NONE,
                                algo, lockstep);
                        KMeansResult blocks = KMeans.fit(BLOCKS, o, ProgressListener.NONE, CancellationToken.NONE,
                                algo, lockstep);
                        assertSame(flat, blocks, what);
                    }
                }
            }
        }
    }

    @Test
    void emptyClusterRefillReadsTheRightRowAcrossBlocks() {
        // Two centres far outside the data start empty and are refilled with the farthest rows, which
        // may sit in any block.
        double[] start = new double[3 * S.d];
        java.util.Arrays.fill(start, S.d, 3 * S.d, 1e6);
        KMeansResult flat = KMeans.fitFromCenters(S.x, S.n, S.d, start, 300, 1e-4);
        KMeansResult blocks = KMeans.fitFromCenters(BLOCKS, start, 300, 1e-4);
        assertTrue(flat.emptyRefilled() > 0, "the test must exercise the refill");
        assertSame(flat, blocks, "refill");
    }

    @Test
    void seedingAndDistinctRowChecksReadEveryBlock() {
        assertArrayEquals(KMeans.plusPlusCenters(S.x, S.n, S.d, 5, 3, 2), KMeans.plusPlusCenters(BLOCKS, 5, 3, 2), 0.0);
        assertEquals(KMeans.distinctRows(S.x, S.n, S.d), KMeans.distinctRows(BLOCKS));
        assertEquals(KMeans.meanVariance(S.x, S.n, S.d, CancellationToken.NONE),
                KMeans.meanVariance(BLOCKS, CancellationToken.NONE), 0.0);

        // Two distinct rows, one in the first block and one in the last: k = 3 is refused, k = 2 is not.
        int n = 5000;
        Matrix two = Matrix.zeros(n, 2, 2048);
        two.set(n - 1, 0, 1.0);
        assertEquals(2, KMeans.distinctRows(two));
        KMeans.requireDistinctRows(two, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KMeans.requireDistinctRows(two, 3));
        assertTrue(e.getMessage().contains("2 distinct customers"), e.getMessage());
    }
}
