package org.segmentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;

class ClusterScoresTest {

    // Three clusters in the plane; the first two share the centroid (0, 0).
    private static final double[] X = {-1, 0, 1, 0, 0, -2, 0, 2, 10, 0, 12, 0};
    private static final int[] L = {0, 0, 1, 1, 2, 2};

    @Test
    void daviesBouldinSkipsCoincidingCentroidsAsScikitLearn() {
        // spreads 1, 2, 1; centroid distances 0 (ignored), 11, 11: (2/11 + 3/11 + 3/11) / 3
        // (scikit-learn 1.2.1 gives 0.24242424242424243 for these points)
        assertEquals(8.0 / 33, ClusterScores.daviesBouldin(X, 6, 2, L, 3), 1e-15);
    }

    @Test
    void calinskiHarabaszByHand() {
        // overall mean (11/3, 0); between = 2 (11/3)^2 * 2 + 2 (22/3)^2; within = 2 + 8 + 2
        double between = 4 * Math.pow(11.0 / 3, 2) + 2 * Math.pow(22.0 / 3, 2);
        double expected = between * (6 - 3) / (12 * (3 - 1));
        assertEquals(expected, ClusterScores.calinskiHarabasz(X, 6, 2, L, 3), 1e-12);
        assertEquals(20.166666666666668, expected, 1e-12); // scikit-learn 1.2.1's figure
    }

    @Test
    void degenerateCases() {
        int[] one = {0, 0, 0, 0, 0, 0};
        assertTrue(Double.isNaN(ClusterScores.calinskiHarabasz(X, 6, 2, one, 1)));
        assertTrue(Double.isNaN(ClusterScores.daviesBouldin(X, 6, 2, one, 2)));
        // two clusters of repeated points: zero spread -> CH 1 and DB 0, as scikit-learn
        double[] x = {1, 1, 5, 5};
        int[] l = {0, 0, 1, 1};
        assertEquals(1.0, ClusterScores.calinskiHarabasz(x, 4, 1, l, 2));
        assertEquals(0.0, ClusterScores.daviesBouldin(x, 4, 1, l, 2));
    }

    @Test
    void aMatrixInSeveralBlocksGivesTheSameScoresAsTheFlatArray() {
        int n = 10_001; // blocks of 2,048 rows: four full and a partial fifth (1,809 rows)
        int d = 4;
        double[] flat = SilhouetteTest.clustered(n, d, 5, 61);
        double[] before = flat.clone();
        Matrix blocked = Matrix.copyOf(flat, n, d, 2048);
        assertEquals(5, blocked.blockCount());
        SplittableRandom r = new SplittableRandom(62);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(5); // cluster 5 of k = 6 stays empty
        }
        double ch = ClusterScores.calinskiHarabasz(flat, n, d, labels, 6);
        double db = ClusterScores.daviesBouldin(flat, n, d, labels, 6);
        assertTrue(ch > 0 && db > 0, "CH " + ch + ", DB " + db);
        assertEquals(ch, ClusterScores.calinskiHarabasz(blocked, labels, 6));
        assertEquals(ch, ClusterScores.calinskiHarabasz(blocked, labels, 6, new CancellationToken()));
        assertEquals(ch, ClusterScores.calinskiHarabasz(flat, n, d, labels, 6, null));
        assertEquals(db, ClusterScores.daviesBouldin(blocked, labels, 6));
        assertEquals(db, ClusterScores.daviesBouldin(blocked, labels, 6, new CancellationToken()));
        assertEquals(db, ClusterScores.daviesBouldin(flat, n, d, labels, 6, null));
        assertArrayEquals(before, flat, 0.0, "the caller's array is not modified");
    }

    @Test
    void wrongSizesAreRefusedWithTheSameMessageForBothForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterScores.calinskiHarabasz(X, 5, 2, new int[5], 3));
        assertEquals("expected 5 x 2 values and 5 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterScores.daviesBouldin(Matrix.wrap(X, 6, 2), new int[5], 3));
        assertEquals("expected 6 x 2 values and 6 labels", e.getMessage());
        CancellationToken t = new CancellationToken();
        t.cancel();
        assertThrows(CancelledException.class,
                () -> ClusterScores.calinskiHarabasz(Matrix.wrap(X, 6, 2), L, 3, t));
    }
}
