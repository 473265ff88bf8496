package org.segmentlab.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.segmentlab.progress.CancelledException;

class ProgressCoalescerTest {

    /** Stands in for the FX queue: runnables wait until the test "pulses". */
    private static final class Queued implements java.util.concurrent.Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable r) {
            queue.add(r);
        }

        synchronized Runnable poll() {
            return queue.poll();
        }

        synchronized int size() {
            return queue.size();
        }

        void drain() {
            for (Runnable r = poll(); r != null; r = poll()) {
                r.run();
            }
        }
    }

    @Test
    void manyUpdatesBetweenPulsesBecomeOneWithTheLatestValue() {
        Queued fx = new Queued();
        List<String> seen = new ArrayList<>();
        ProgressCoalescer p = new ProgressCoalescer(fx, (f, m) -> seen.add(f + " " + m));
        for (int i = 1; i <= 10_000; i++) {
            p.update(i / 10_000.0, "row " + i);
        }
        assertEquals(1, fx.size(), "one runLater scheduled, not ten thousand");
        fx.drain();
        assertEquals(List.of("1.0 row 10000"), seen);
        p.update(0.5, "again");
        fx.drain();
        assertEquals("0.5 again", seen.get(1));
        p.update(0.6, "scheduled before close");
        p.close();
        p.update(0.7, "late");
        fx.drain();
        assertEquals(List.of("1.0 row 10000", "0.5 again", "0.6 scheduled before close"), seen, "nothing reported after close");
    }

    @Test
    void theFxRunnerPublishesOutcomesOnThePublisherOnly() throws Exception {
        Queued fx = new Queued();
        ExecutorService workers = Executors.newSingleThreadExecutor();
        FxTaskRunner runner = new FxTaskRunner(workers, fx);
        List<String> events = new ArrayList<>();
        TaskListener<Integer> listener = new TaskListener<>() {
            @Override
            public void progress(double fraction, String message) {
                events.add("progress " + message);
            }

            @Override
            public void succeeded(Integer result) {
                events.add("ok " + result);
            }

            @Override
            public void failed(Throwable error) {
                events.add("failed " + error.getMessage());
            }

            @Override
            public void cancelled() {
                events.add("cancelled");
            }
        };
        runner.submit("sum", (p, c) -> {
            p.update(0.5, "half");
            return 42;
        }, listener);
        runner.submit("boom", (p, c) -> {
            throw new IllegalStateException("boom");
        }, listener);
        TaskHandle h = runner.submit("stopped", (p, c) -> {
            c.cancel();
            c.throwIfCancelled();
            return 0;
        }, listener);
        runner.submit("raced", (p, c) -> {
            c.cancel(); // a cancel that arrives after the last check: the result is dropped
            return 1;
        }, listener);
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(events.isEmpty(), "nothing is published from a worker thread");
        fx.drain();
        assertEquals(List.of("progress half", "ok 42", "failed boom", "cancelled", "cancelled"), events);
        assertTrue(h.isCancelled());
    }

    @Test
    void theDirectRunnerTreatsCancelledExceptionAsCancel() {
        List<String> events = new ArrayList<>();
        new DirectTaskRunner().submit("x", (p, c) -> {
            throw new CancelledException();
        }, new TaskListener<Object>() {
            @Override
            public void succeeded(Object result) {
                events.add("ok");
            }

            @Override
            public void failed(Throwable error) {
                events.add("failed");
            }

            @Override
            public void cancelled() {
                events.add("cancelled");
            }
        });
        assertEquals(List.of("cancelled"), events);
    }
}
