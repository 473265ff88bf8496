package org.segmentlab.app.task;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Hands a piece of work to the JavaFX application thread from any thread: {@link #supply} without waiting,
 * {@link #call} waiting for the value. Called on the FX thread, the work runs at once (waiting for a later pulse
 * there would never end). For work that must touch nodes, such as rendering a chart for a file; long work does
 * not belong on the FX thread at all ({@link TaskRunner}). Nothing is modified but what the work modifies.
 */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs {@code work} on the FX thread, at once if called there, else in a coming pulse. The future completes
     * with its value, or exceptionally with what it threw.
     */
    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        };
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
        return f;
    }

    /**
     * Runs {@code work} on the FX thread and waits as long as it takes for its value. On the FX thread it is simply
     * called, and what it throws passes through unwrapped.
     *
     * @throws ExecutionException   what the work threw, as the cause (from another thread)
     * @throws InterruptedException if the waiting thread was interrupted (the work may still run)
     */
    public static <T> T call(Supplier<T> work) throws InterruptedException, ExecutionException {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        return supply(work).get();
    }

    /**
     * {@link #call(Supplier)} that gives up after {@code timeout}.
     *
     * @throws TimeoutException if the value did not come in time (the work may still run later)
     */
    public static <T> T call(Supplier<T> work, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        return supply(work).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} on the FX thread at the start of the {@code pulses}-th pulse from now (1: the next), for
     * work that should let the window draw what just changed first. Call on the FX thread.
     */
    public static void afterPulses(int pulses, Runnable work) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= pulses) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }
}
