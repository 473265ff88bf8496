package org.segmentlab.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;

/**
 * Analysis threads wait for a busy FX thread, and only for a busy one. The FX thread is a queue this test runs
 * by hand and the clock is set by hand, so "busy" is exact; the waiting itself is real and ends when the probe
 * runs.
 */
class WindowFirstTest {

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final WindowFirst windowFirst = new WindowFirst(r -> {
        synchronized (fxQueue) {
            fxQueue.add(r);
        }
    }, clock::get, () -> false, true);

    private int runFx() {
        int n = 0;
        while (true) {
            Runnable r;
            synchronized (fxQueue) {
                r = fxQueue.poll();
            }
            if (r == null) {
                return n;
            }
            r.run();
            n++;
        }
    }

    @Test
    void anIdleWindowCostsNoWaitAndOneProbeAtATime() {
        assertFalse(windowFirst.giveWay(), "the first check only sends a probe");
        assertFalse(windowFirst.giveWay());
        clock.addAndGet(WindowFirst.BUSY_NANOS - 1);
        assertFalse(windowFirst.giveWay(), "a probe younger than the busy limit is no reason to wait");
        assertEquals(1, runFx(), "one probe waits at a time");

        clock.addAndGet(1);
        assertFalse(windowFirst.giveWay());
        assertEquals(0, runFx(), "probes are at least PROBE_EVERY_NANOS apart");
        clock.addAndGet(WindowFirst.PROBE_EVERY_NANOS);
        assertFalse(windowFirst.giveWay());
        assertEquals(1, runFx());
    }

    @Test
    void aBusyWindowHoldsTheCheckingThreadUntilItIsFreeAgain() throws Exception {
        assertFalse(windowFirst.giveWay());
        clock.addAndGet(WindowFirst.BUSY_NANOS);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(windowFirst::giveWay);
        assertFalse(waitedWithin(waited, 200), "the worker must wait while the probe has not run");
        runFx();
        assertTrue(waited.get(5, TimeUnit.SECONDS), "it reports that it waited");
    }

    @Test
    void aThreadWaitsAtMostAsLongAsItLastRan() throws Exception {
        assertFalse(windowFirst.giveWay());
        clock.addAndGet(WindowFirst.BUSY_NANOS);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
            boolean w = windowFirst.giveWay();
            // The window stays busy: the next check of the same thread, right away, must not wait again.
            return w && !windowFirst.giveWay();
        });
        assertFalse(waitedWithin(first, 100));
        clock.addAndGet(20_000_000L); // the worker waited 20 ms by the clock
        runFx();
        assertTrue(first.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaitEndsAfterTheLongestWaitEvenIfTheWindowStaysBusy() throws Exception {
        assertFalse(windowFirst.giveWay());
        clock.addAndGet(WindowFirst.BUSY_NANOS);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(windowFirst::giveWay);
        assertFalse(waitedWithin(waited, 100));
        clock.addAndGet(WindowFirst.MAX_WAIT_NANOS);
        assertTrue(waited.get(5, TimeUnit.SECONDS), "the wait gives up without the probe running");
    }

    @Test
    void theFxThreadNeverWaitsForItself() {
        WindowFirst onFx = new WindowFirst(fxQueue::add, clock::get, () -> true, true);
        assertFalse(onFx.giveWay());
        clock.addAndGet(WindowFirst.MAX_WAIT_NANOS);
        assertFalse(onFx.giveWay());
        assertTrue(fxQueue.isEmpty(), "no probe is sent from the FX thread");
    }

    @Test
    void tokensStillCancelAndADisabledOneNeverProbes() {
        CancellationToken token = windowFirst.newToken();
        token.throwIfCancelled();
        token.cancel();
        assertThrows(CancelledException.class, token::throwIfCancelled);

        Queue<Runnable> offQueue = new ArrayDeque<>();
        WindowFirst off = new WindowFirst(offQueue::add, clock::get, () -> false, false);
        CancellationToken plain = off.newToken();
        plain.throwIfCancelled();
        clock.addAndGet(WindowFirst.MAX_WAIT_NANOS);
        plain.throwIfCancelled();
        assertTrue(offQueue.isEmpty());
    }

    @Test
    void aCancelDuringTheWaitIsSeenAsSoonAsItEnds() throws Exception {
        CancellationToken token = windowFirst.newToken();
        token.throwIfCancelled();
        clock.addAndGet(WindowFirst.BUSY_NANOS);
        CompletableFuture<Void> check = CompletableFuture.runAsync(token::throwIfCancelled);
        assertFalse(waitedWithin(check, 100));
        token.cancel();
        runFx();
        Exception e = assertThrows(Exception.class, () -> check.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancelledException, () -> "cancelled, not " + e.getCause());
    }

    /** Whether the future completed within {@code millis}: a bounded wait for a thing that must not happen. */
    private static boolean waitedWithin(CompletableFuture<?> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }
}
