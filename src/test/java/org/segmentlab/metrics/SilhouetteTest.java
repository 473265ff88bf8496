package org.segmentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
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
}
