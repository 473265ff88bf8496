package org.segmentlab.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.cluster.Synthetic;
import org.segmentlab.metrics.ClusterScores;
import org.segmentlab.metrics.Silhouette;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

class KSweepTest {

    private static final KMeansOptions BASE = new KMeansOptions(1, 3, 300, 1e-4, 42, 2);

    @Test
    void everyKIsFittedAndScoredLikeSeparateCalls() {
        Synthetic s = Synthetic.blobs(1500, 4, 4, 1.5, 9);
        List<Double> fractions = new ArrayList<>();
        SweepResult r = KSweep.run(s.x, s.n, s.d, 1, 6, BASE, SilhouetteMode.AUTO,
                (f, m) -> { synchronized (fractions) { fractions.add(f); } }, CancellationToken.NONE);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, r.ks());
        assertFalse(r.silhouetteSampled());
        assertEquals(s.n, r.silhouetteRows().length);
        SweepEntry one = r.entry(1);
        assertTrue(Double.isNaN(one.silhouette()));
        assertNull(one.silhouetteSamples());
        for (int k = 2; k <= 6; k++) {
            SweepEntry e = r.entry(k);
            KMeansResult alone = KMeans.fit(s.x, s.n, s.d, BASE.withK(k), ProgressListener.NONE, CancellationToken.NONE);
            assertArrayEquals(alone.labels(), e.labels());
            double sil = Silhouette.score(s.x, s.n, s.d, alone.labels(), k, 1, CancellationToken.NONE);
            assertEquals(sil, e.silhouette(), 0.0);
            assertEquals(ClusterScores.calinskiHarabasz(s.x, s.n, s.d, alone.labels(), k), e.calinskiHarabasz(), 0.0);
            assertEquals(ClusterScores.daviesBouldin(s.x, s.n, s.d, alone.labels(), k), e.daviesBouldin(), 0.0);
        }
        // four well-separated blobs: both criteria point at 4
        assertEquals(OptionalInt.of(4), r.bestSilhouetteK());
        assertEquals(OptionalInt.of(4), r.kneeK());
        assertTrue(r.fitSeconds() > 0 && r.silhouetteSeconds() > 0);
        assertEquals(1.0, fractions.get(fractions.size() - 1), 0.0);
        assertThrows(java.util.NoSuchElementException.class, () -> r.entry(7));
    }

    @Test
    void largeDataUsesASeededSortedSampleForSilhouettes() {
        Synthetic s = Synthetic.blobs(25_000, 2, 3, 1.0, 10);
        KMeansOptions base = new KMeansOptions(1, 1, 50, 1e-4, 7, 2);
        SweepResult a = KSweep.run(s.x, s.n, s.d, 2, 3, base, SilhouetteMode.AUTO, null, null);
        assertTrue(a.silhouetteSampled());
        int[] rows = a.silhouetteRows();
        assertEquals(SilhouetteMode.AUTO_SAMPLE, rows.length);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] > rows[i - 1]);
        }
        assertEquals(rows.length, a.entry(2).silhouetteSamples().length);
        SweepResult b = KSweep.run(s.x, s.n, s.d, 2, 3, base, SilhouetteMode.AUTO, null, null);
        assertArrayEquals(rows, b.silhouetteRows());
        assertEquals(a.entry(3).silhouette(), b.entry(3).silhouette(), 0.0);
        SweepResult off = KSweep.run(s.x, s.n, s.d, 2, 3, base, SilhouetteMode.OFF, null, null);
        assertEquals(0, off.silhouetteRows().length);
        assertTrue(Double.isNaN(off.entry(2).silhouette()));
        assertTrue(off.bestSilhouetteK().isEmpty());
    }

    @Test
    void tooLargeKStopsBeforeAnyFit() {
        double[] x = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i % 3;
        }
        List<String> messages = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KSweep.run(x, 40, 1, 1, 5, BASE, SilhouetteMode.AUTO, (f, m) -> messages.add(m), null));
        assertEquals("k = 5 is more than the 3 distinct customers in the data; choose k at most 3", e.getMessage());
        assertTrue(messages.isEmpty(), "no fit started: " + messages);
    }

    @Test
    void resultsHandOutCopies() {
        Synthetic s = Synthetic.blobs(300, 2, 2, 1.0, 1);
        SweepResult r = KSweep.run(s.x, s.n, s.d, 2, 2, BASE, SilhouetteMode.EXACT, null, null);
        r.silhouetteRows()[0] = 99;
        r.entry(2).silhouetteSamples()[0] = 99;
        assertEquals(0, r.silhouetteRows()[0]);
        assertTrue(r.entry(2).silhouetteSamples()[0] <= 1);
    }

    /** 300,000 x 10 rows of overlapping blobs: large enough that a pass over all rows takes a while. */
    private static final Synthetic BIG = Synthetic.blobs(300_000, 10, 6, 25.0, 77);

    @Test
    void cancellingWhileTheScoresRunStopsInsideCalinskiHarabasz() {
        // The listener cancels as the scores start, on the sweep's own thread: only the checks inside
        // Calinski-Harabasz / Davies-Bouldin can stop it before the sweep returns.
        CancellationToken token = new CancellationToken();
        ProgressListener listener = (f, m) -> {
            if (m.startsWith("Calinski")) {
                token.cancel();
            }
        };
        assertThrows(org.segmentlab.progress.CancelledException.class, () -> KSweep.run(BIG.x, BIG.n, BIG.d, 2, 2,
                new KMeansOptions(1, 1, 5, 1e-4, 3, 2), SilhouetteMode.OFF, listener, token));
    }

    @Test
    void cancellingDuringASweepOnManyRowsStopsPromptly() throws Exception {
        CancellationToken token = new CancellationToken();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        ProgressListener listener = (f, m) -> {
            if (m.contains("k = 3") && m.contains("iteration")) {
                running.countDown();
                try {
                    // hold the sweep until the test thread has cancelled, so it cannot finish first
                    cancelled.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<SweepResult> f = ex.submit(() -> KSweep.run(BIG.x, BIG.n, BIG.d, 1, 6,
                    new KMeansOptions(1, 2, 300, 0.0, 5, 2), SilhouetteMode.sample(2000), listener, token));
            assertTrue(running.await(120, java.util.concurrent.TimeUnit.SECONDS), "the sweep reached k = 3");
            long t0 = System.nanoTime();
            token.cancel();
            cancelled.countDown();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof org.segmentlab.progress.CancelledException, "cause " + e.getCause());
            double seconds = (System.nanoTime() - t0) / 1e9;
            // 100 ms is the goal on a quiet machine; the bound is loose for a loaded 2-core CI runner.
            assertTrue(seconds < 2, "cancelled after " + seconds + " s");
        } finally {
            ex.shutdownNow();
        }
    }
}
