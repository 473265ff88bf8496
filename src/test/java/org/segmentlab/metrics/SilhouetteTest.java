package org.segmentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.DoubleAccumulator;

import org.junit.jupiter.api.Test;
import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;

class SilhouetteTest {

    /** The textbook definition, O(n^2) with every distance computed twice; the reference. */
    private static double[] naive(double[] x, int d, int[] rows, int[] labels, int k) {
        int m = rows.length;
        double[] s = new double[m];
        for (int a = 0; a < m; a++) {
            double[] sum = new double[k];
            int[] cnt = new int[k];
            for (int b = 0; b < m; b++) {
                double q = 0;
                for (int f = 0; f < d; f++) {
                    double t = x[rows[a] * d + f] - x[rows[b] * d + f];
                    q += t * t;
                }
                sum[labels[rows[b]]] += Math.sqrt(q);
                cnt[labels[rows[b]]]++;
            }
            int own = labels[rows[a]];
            if (cnt[own] == 1) {
                s[a] = 0;
                continue;
            }
            double ai = sum[own] / (cnt[own] - 1);
            double bi = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && cnt[c] > 0) {
                    bi = Math.min(bi, sum[c] / cnt[c]);
                }
            }
            s[a] = (bi - ai) / Math.max(ai, bi);
        }
        return s;
    }

    private static double[] data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-3, 3);
        }
        return x;
    }

    private static int[] labels(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextInt(k);
        }
        return l;
    }

    @Test
    void matchesTheDefinitionIncludingASingletonCluster() {
        int n = 301;
        int d = 5;
        double[] x = data(n, d, 1);
        int[] lab = labels(n, 4, 2);
        for (int i = 0; i < n; i++) {
            if (lab[i] == 4 - 1) {
                lab[i] = 0;
            }
        }
        lab[77] = 3; // alone in cluster 3
        int[] rows = Silhouette.allRows(n);
        double[] got = Silhouette.samples(x, n, d, rows, lab, 4, 2, CancellationToken.NONE);
        double[] want = naive(x, d, rows, lab, 4);
        assertEquals(0.0, got[77]);
        for (int i = 0; i < n; i++) {
            assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), "row " + i);
        }
    }

    @Test
    void onASampleOnlyTheSampledRowsCountAndAbsentClustersAreIgnored() {
        int n = 500;
        int d = 3;
        double[] x = data(n, d, 3);
        int[] lab = labels(n, 5, 4);
        lab[10] = 5; // cluster 5 only has a row outside the sample
        int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 == 0 && i != 10).toArray();
        double[] got = Silhouette.samples(x, n, d, rows, lab, 6, 1, CancellationToken.NONE);
        double[] want = naive(x, d, rows, lab, 6);
        assertArrayEquals(want, got, 1e-12);
    }

    @Test
    void sweepEqualsOneLabellingAtATimeAndThreadsDoNotMatter() {
        int n = 1000;
        int d = 7;
        double[] x = data(n, d, 5);
        int[][] labs = {labels(n, 2, 6), labels(n, 3, 7), labels(n, 8, 8)};
        int[] ks = {2, 3, 8};
        int[] rows = Silhouette.allRows(n);
        double[][] one = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 1, CancellationToken.NONE);
        double[][] two = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 2, CancellationToken.NONE);
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(one[l], two[l], 0.0);
            assertArrayEquals(one[l], Silhouette.samples(x, n, d, rows, labs[l], ks[l], 3, CancellationToken.NONE), 0.0);
        }
    }

    @Test
    void inputsAreValidatedAndCancellationIsHonoured() {
        double[] x = data(10, 2, 1);
        int[] lab = labels(10, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> Silhouette.samples(x, 10, 2, new int[] {3, 2}, lab, 2, 1, CancellationToken.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> Silhouette.samples(x, 10, 2, Silhouette.allRows(10), lab, 1, 1, CancellationToken.NONE));
        CancellationToken t = new CancellationToken();
        t.cancel();
        assertThrows(CancelledException.class,
                () -> Silhouette.samples(x, 10, 2, Silhouette.allRows(10), lab, 2, 2, t));
    }

    @Test
    void symmetricPassIsTheSameForAnyThreadCountAndAgreesWithTheOneSidedPass() {
        int n = 1100; // 9 tiles of 128, the last one partial: every lane gets work, and a ragged block
        int d = 6;
        double[] x = data(n, d, 11);
        int[][] labs = {labels(n, 2, 12), labels(n, 4, 13), labels(n, 9, 14)};
        int[] ks = {2, 4, 9};
        int[] rows = Silhouette.allRows(n);
        double[][] one = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 1, CancellationToken.NONE);
        double[][] two = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 2, CancellationToken.NONE);
        double[][] five = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 5, CancellationToken.NONE);
        double[][] oneSided = Silhouette.samplesForSweep(x, n, d, rows, labs, ks, 2, null, CancellationToken.NONE,
                false);
        for (int l = 0; l < labs.length; l++) {
            assertArrayEquals(one[l], two[l], 0.0, "1 vs 2 threads, labelling " + l);
            assertArrayEquals(one[l], five[l], 0.0, "1 vs 5 threads, labelling " + l);
            double[] want = naive(x, d, rows, labs[l], ks[l]);
            for (int i = 0; i < n; i++) {
                assertEquals(want[i], one[l][i], 1e-12, "labelling " + l + " row " + i);
                assertEquals(want[i], oneSided[l][i], 1e-12, "one-sided, labelling " + l + " row " + i);
            }
        }
    }

    @Test
    void progressIsReportedDuringThePassAndEndsAtOne() {
        int n = 900;
        double[] x = data(n, 3, 21);
        java.util.List<Double> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (boolean symmetric : new boolean[] {true, false}) {
            seen.clear();
            Silhouette.samplesForSweep(x, n, 3, Silhouette.allRows(n), new int[][] {labels(n, 3, 22)}, new int[] {3},
                    2, (f, m) -> seen.add(f), CancellationToken.NONE, symmetric);
            assertTrue(seen.size() >= 5, "several updates, got " + seen.size());
            double max = 0;
            for (double f : seen) {
                assertTrue(f > 0 && f <= 1, "fraction " + f);
                max = Math.max(max, f);
            }
            assertEquals(1.0, max, 1e-12);
        }
    }

    @Test
    void cancellingFromTheProgressListenerStopsThePass() {
        int n = 2000;
        double[] x = data(n, 4, 31);
        CancellationToken t = new CancellationToken();
        int[] calls = new int[1];
        assertThrows(CancelledException.class, () -> Silhouette.samplesForSweep(x, n, 4, Silhouette.allRows(n),
                new int[][] {labels(n, 3, 32)}, new int[] {3}, 1, (f, m) -> {
                    calls[0]++;
                    t.cancel();
                }, t));
        assertEquals(1, calls[0], "no work after the first update");
    }

    /** Seeded points around k centres in [-5, 5]^d, with unit noise. */
    static double[] clustered(int n, int d, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = r.nextDouble(-5, 5);
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(k);
            for (int f = 0; f < d; f++) {
                x[i * d + f] = centres[c * d + f] + r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aMatrixInSeveralBlocksGivesTheSameSilhouettesAsTheFlatArray() {
        int n = 9_001; // blocks of 2,048 rows: four full and a partial fifth (809 rows)
        int d = 5;
        double[] flat = clustered(n, d, 4, 41);
        double[] before = flat.clone();
        Matrix blocked = Matrix.copyOf(flat, n, d, 2048);
        assertEquals(5, blocked.blockCount());
        int[][] labs = {labels(n, 3, 42), labels(n, 6, 43)};
        int[] ks = {3, 6};
        // A sample over every block, with the rows either side of each block boundary and the last row.
        SplittableRandom r = new SplittableRandom(44);
        int[] rows = java.util.stream.IntStream.range(0, n)
                .filter(i -> i % 2048 == 0 || i % 2048 == 2047 || i == n - 1 || r.nextInt(4) == 0).toArray();
        assertTrue(rows.length > 2000 && rows.length < 2600, "sample of " + rows.length);

        double[][] want = Silhouette.samplesForSweep(flat, n, d, rows, labs, ks, 1, CancellationToken.NONE);
        for (int threads : new int[] {1, 2}) {
            double[][] got = Silhouette.samplesForSweep(blocked, rows, labs, ks, threads, CancellationToken.NONE);
            double[][] oneSided = Silhouette.samplesForSweep(blocked, rows, labs, ks, threads, null,
                    CancellationToken.NONE, false);
            double[][] wantOneSided = Silhouette.samplesForSweep(flat, n, d, rows, labs, ks, threads, null,
                    CancellationToken.NONE, false);
            for (int l = 0; l < labs.length; l++) {
                assertArrayEquals(want[l], got[l], 0.0, threads + " threads, labelling " + l);
                assertArrayEquals(wantOneSided[l], oneSided[l], 0.0,
                        "one-sided, " + threads + " threads, labelling " + l);
                assertArrayEquals(want[l], Silhouette.samples(blocked, rows, labs[l], ks[l], threads,
                        CancellationToken.NONE), 0.0, "samples, " + threads + " threads, labelling " + l);
            }
        }
        DoubleAccumulator progress = new DoubleAccumulator(Math::max, 0.0); // updated from the workers
        double[][] withProgress = Silhouette.samplesForSweep(blocked, rows, labs, ks, 2,
                (f, m) -> progress.accumulate(f), CancellationToken.NONE);
        assertArrayEquals(want[1], withProgress[1], 0.0);
        assertEquals(1.0, progress.get(), 1e-12);
        assertArrayEquals(before, flat, 0.0, "the caller's array is not modified");
    }

    @Test
    void theScoreOverAllRowsOfABlockedMatrixEqualsTheFlatOne() {
        int n = 5_000; // two full blocks of 2,048 and a partial third
        int d = 3;
        double[] flat = clustered(n, d, 3, 51);
        Matrix blocked = Matrix.copyOf(flat, n, d, 2048);
        int[] lab = labels(n, 3, 52);
        double want = Silhouette.score(flat, n, d, lab, 3, 1, CancellationToken.NONE);
        assertEquals(want, Silhouette.score(blocked, lab, 3, 1, CancellationToken.NONE));
        assertEquals(want, Silhouette.score(blocked, lab, 3, 2, CancellationToken.NONE));
        assertEquals(want, Silhouette.score(Matrix.wrap(flat, n, d), lab, 3, 2, CancellationToken.NONE));
    }

    @Test
    void aFlatArrayOfTheWrongLengthIsRefusedAsBefore() {
        double[] x = data(10, 2, 1);
        int[] lab = labels(11, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Silhouette.samples(x, 11, 2, Silhouette.allRows(11), lab, 2, 1, CancellationToken.NONE));
        assertEquals("the data array holds 20 values, not 11 x 2", e.getMessage());
    }
}
