package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;

class KMeansTest {

    private static KMeansResult fit(double[] x, int n, int d, KMeansOptions o) {
        return KMeans.fit(x, n, d, o, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void oneTwoOrThreeThreadsGiveIdenticalLabelsOnTheCreditCardData() {
        CreditCardFixture cc = CreditCardFixture.load();
        KMeansOptions o = new KMeansOptions(4, 10, 300, 1e-4, 42, 1);
        KMeansResult one = fit(cc.x, cc.n, cc.d, o);
        for (int t : new int[] {2, 3}) {
            KMeansResult other = fit(cc.x, cc.n, cc.d, o.withThreads(t));
            assertArrayEquals(one.labels(), other.labels(), "threads " + t);
            assertEquals(one.inertia(), other.inertia(), 0.0, "threads " + t);
            assertArrayEquals(one.centroids(), other.centroids(), 0.0);
        }
    }

    @Test
    void splittingOneRestartAcrossThreadsChangesNothing() {
        // n_init 1 < threads: the rows of one restart are split across the threads
        Synthetic s = Synthetic.blobs(200_000, 5, 6, 3.0, 11);
        KMeansOptions o = new KMeansOptions(6, 1, 300, 1e-4, 5, 1);
        KMeansResult one = fit(s.x, s.n, s.d, o);
        KMeansResult two = fit(s.x, s.n, s.d, o.withThreads(2));
        assertArrayEquals(one.labels(), two.labels());
        assertEquals(one.inertia(), two.inertia(), 0.0);
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void everyBoundingSchemeGivesPlainLloydsLabels() {
        // The bounds only skip distances that cannot change a label; big data switches Elkan to Hamerly
        // for memory, which must not change any result.
        Synthetic s = Synthetic.blobs(20_000, 6, 8, 2.0, 17);
        KMeansOptions o = new KMeansOptions(8, 3, 300, 1e-4, 23, 2);
        KMeansResult lloyd = KMeans.fit(s.x, s.n, s.d, o, null, null, KMeans.Algo.LLOYD);
        for (KMeans.Algo a : new KMeans.Algo[] {KMeans.Algo.HAMERLY, KMeans.Algo.ELKAN, KMeans.Algo.AUTO}) {
            KMeansResult r = KMeans.fit(s.x, s.n, s.d, o, null, null, a);
            assertArrayEquals(lloyd.labels(), r.labels(), a.name());
            assertEquals(lloyd.inertia(), r.inertia(), 0.0, a.name());
        }
        assertEquals(KMeans.Algo.ELKAN, KMeans.Algo.choose(10, 8950));
        assertEquals(KMeans.Algo.HAMERLY, KMeans.Algo.choose(10, 1_000_000));
    }

    @Test
    void seedingRestartsInLockstepOrOneByOneGivesTheSameBits() {
        // Lockstep seeding (big data) shares each pass over the rows among restarts and uses the blocked
        // distance kernel; one-by-one seeding (small data) is row by row. Both must pick the same centres.
        // k = 7 and 10 draw 3 and 4 candidates per step: the potentials are summed four candidates at a time
        // across restarts, and Hamerly's seeding moves only the rows the candidate pass marked.
        Synthetic s = Synthetic.blobs(30_000, 7, 6, 1.5, 29);
        for (KMeans.Algo a : new KMeans.Algo[] {KMeans.Algo.HAMERLY, KMeans.Algo.ELKAN}) {
            for (int threads : new int[] {1, 2}) {
                int k = threads == 1 ? 7 : 10;
                KMeansOptions o = new KMeansOptions(k, 5, 300, 1e-4, 31, threads);
                KMeansResult one = KMeans.fit(s.x, s.n, s.d, o, null, null, a, false);
                KMeansResult lock = KMeans.fit(s.x, s.n, s.d, o, null, null, a, true);
                assertArrayEquals(one.labels(), lock.labels(), a + ", threads " + threads);
                assertEquals(one.inertia(), lock.inertia(), 0.0);
                assertArrayEquals(one.centroids(), lock.centroids(), 0.0);
                assertEquals(one.iterations(), lock.iterations());
            }
        }
    }

    @Test
    void sameSeedSameLabelsAndTheInputIsNotModified() {
        Synthetic s = Synthetic.blobs(3000, 4, 5, 4.0, 3);
        double[] before = s.x.clone();
        KMeansOptions o = new KMeansOptions(5, 4, 300, 1e-4, 99, 2);
        KMeansResult a = fit(s.x, s.n, s.d, o);
        KMeansResult b = fit(s.x, s.n, s.d, o);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.inertia(), b.inertia(), 0.0);
        assertArrayEquals(before, s.x, 0.0);
    }

    @Test
    void wellSeparatedBlobsAreRecoveredWhateverTheRowOrder() {
        Synthetic s = Synthetic.blobs(2000, 3, 4, 1.0, 21);
        KMeansOptions o = new KMeansOptions(4, 5, 300, 1e-4, 7, 2);
        KMeansResult base = fit(s.x, s.n, s.d, o);
        assertTrue(Synthetic.samePartition(base.labels(), s.truth), "blobs recovered");

        int[] perm = permutation(s.n, 8);
        double[] px = new double[s.x.length];
        for (int i = 0; i < s.n; i++) {
            System.arraycopy(s.x, perm[i] * s.d, px, i * s.d, s.d);
        }
        int[] pl = fit(px, s.n, s.d, o).labels();
        int[] back = new int[s.n];
        for (int i = 0; i < s.n; i++) {
            back[perm[i]] = pl[i];
        }
        assertTrue(Synthetic.samePartition(base.labels(), back), "row permutation");
    }

    @Test
    void permutingColumnsDoesNotChangeThePartition() {
        Synthetic s = Synthetic.blobs(2000, 5, 4, 1.0, 22);
        KMeansOptions o = new KMeansOptions(4, 5, 300, 1e-4, 7, 2);
        int[] cols = {3, 0, 4, 2, 1};
        double[] px = new double[s.x.length];
        for (int i = 0; i < s.n; i++) {
            for (int f = 0; f < s.d; f++) {
                px[i * s.d + f] = s.x[i * s.d + cols[f]];
            }
        }
        assertTrue(Synthetic.samePartition(fit(s.x, s.n, s.d, o).labels(), fit(px, s.n, s.d, o).labels()));
    }

    @Test
    void clustersAreNumberedBySizeLargestFirst() {
        Synthetic s = Synthetic.blobs(5000, 2, 5, 1.0, 30);
        KMeansResult r = fit(s.x, s.n, s.d, new KMeansOptions(5, 3, 300, 1e-4, 1, 2));
        int[] sizes = r.sizes();
        int[] counted = new int[5];
        for (int l : r.labels()) {
            counted[l]++;
        }
        assertArrayEquals(counted, sizes);
        for (int c = 1; c < 5; c++) {
            assertTrue(sizes[c - 1] >= sizes[c], Arrays.toString(sizes));
        }
        assertEquals(s.n, Arrays.stream(sizes).sum());
    }

    @Test
    void kAboveTheDistinctRowsIsAPlainError() {
        // 9 distinct customers, each repeated 5 times
        double[] x = new double[45 * 2];
        for (int i = 0; i < 45; i++) {
            x[2 * i] = i % 9;
            x[2 * i + 1] = (i % 9) * 0.5;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(x, 45, 2, KMeansOptions.of(12, 1)));
        assertEquals("k = 12 is more than the 9 distinct customers in the data; choose k at most 9", e.getMessage());
        // k = 9 is fine and puts each distinct row in its own cluster
        KMeansResult r = fit(x, 45, 2, KMeansOptions.of(9, 1));
        assertEquals(0.0, r.inertia(), 1e-12);
        assertEquals(9, KMeans.distinctRows(x, 45, 2));
    }

    @Test
    void missingValuesAreRejectedWithAMessage() {
        double[] x = {1, 2, Double.NaN, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(x, 4, 1, KMeansOptions.of(2, 1)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void anEmptyClusterTakesTheFarthestPointAsScikitLearnDoes() {
        // Both points sets are nearer the first centre, so the second starts empty; scikit-learn moves
        // the point farthest from its centre (11) into it, and Lloyd then splits {0, 1} from {10, 11}.
        double[] x = {0, 1, 10, 11};
        KMeansResult r = KMeans.fitFromCenters(x, 4, 1, new double[] {0, 100}, 300, 1e-4);
        assertTrue(r.emptyRefilled() >= 1);
        assertTrue(Synthetic.samePartition(new int[] {0, 0, 1, 1}, r.labels()));
        assertEquals(1.0, r.inertia(), 1e-12);
        double[] c = r.centroids();
        Arrays.sort(c);
        assertArrayEquals(new double[] {0.5, 10.5}, c, 1e-12);
    }

    @Test
    void kOneGivesTheMeanAndTheTotalSumOfSquares() {
        double[] x = {1, 2, 3, 4, 5, 6};
        KMeansResult r = fit(x, 3, 2, KMeansOptions.of(1, 1));
        assertArrayEquals(new double[] {3, 4}, r.centroids(), 1e-12);
        assertEquals(16.0, r.inertia(), 1e-12);
    }

    @Test
    void cancellingFromAnotherThreadStopsALongFit() throws Exception {
        double[] x = Synthetic.uniform(300_000, 10, 4);
        CancellationToken token = new CancellationToken();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ProgressListener listener = (f, m) -> {
            if (m.contains("iteration")) {
                running.countDown();
                try {
                    // hold this worker until the test thread has cancelled, so the fit cannot finish first
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<KMeansResult> f = ex.submit(() -> KMeans.fit(x, 300_000, 10,
                    new KMeansOptions(10, 10, 300, 0.0, 1, 2), listener, token));
            assertTrue(running.await(60, TimeUnit.SECONDS), "the fit reported an iteration");
            long t0 = System.nanoTime();
            token.cancel();
            cancelled.countDown();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
            assertInstanceOf(CancelledException.class, e.getCause());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 5, "cancelled after " + seconds + " s");
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new KMeansOptions(0, 1, 1, 1e-4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> fit(new double[5], 2, 3, KMeansOptions.of(1, 1)));
        assertFalse(KMeansOptions.of(3, 1).threads() < 1);
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
