package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BlockDistancesTest {

    /** The blocked kernel must give sq4's bits for every width (the groups of 8, 4 and the tail). */
    @Test
    void blockedDistancesHaveExactlyTheBitsOfTheRowByRowKernel() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int d = 1; d <= 27; d++) {
            int n = 300;
            int k = 5;
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                // mixed magnitudes so that a different summation order would show in the last bits
                x[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 4));
            }
            double[] c = new double[k * d];
            for (int i = 0; i < c.length; i++) {
                c[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 4));
            }
            BlockDistances b = new BlockDistances(d);
            double[][] out = new double[k][BlockDistances.ROWS];
            for (int from = 0; from < n; from += BlockDistances.ROWS) {
                int m = Math.min(BlockDistances.ROWS, n - from);
                b.load(x, from * d, m);
                b.distances(c, 1, k - 1, out);
                for (int j = 0; j < k - 1; j++) {
                    for (int r = 0; r < m; r++) {
                        double want = KMeans.sq4(x, (from + r) * d, c, (1 + j) * d, d);
                        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[j][r]),
                                "d = " + d + ", row " + (from + r) + ", centre " + (1 + j));
                    }
                }
            }
            int[] rows = {n - 1, 3, 17, 0, 150};
            b.gather(x, 0, rows, rows.length);
            b.distances(c, 0, k, out);
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < rows.length; r++) {
                    assertEquals(KMeans.sq4(x, rows[r] * d, c, j * d, d), out[j][r], 0.0);
                }
            }
        }
    }
}
