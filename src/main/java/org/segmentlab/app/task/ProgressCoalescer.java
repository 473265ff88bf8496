package org.segmentlab.app.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.segmentlab.progress.ProgressListener;

/**
 * A thread-safe {@link ProgressListener} that forwards at most one update at a time to the publishing
 * executor: workers may report millions of times, the FX thread sees the latest value once per pulse.
 * The latest update is kept in an {@link AtomicReference}; a new {@code runLater} is scheduled only
 * when none is pending.
 */
public final class ProgressCoalescer implements ProgressListener {

    private record Update(double fraction, String message) {
    }

    private final Executor publisher;
    private final BiConsumer<Double, String> sink;
    private final AtomicReference<Update> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param publisher where updates are delivered ({@code Platform::runLater} in the app)
     * @param sink      receives (fraction, message) on the publisher's thread
     */
    public ProgressCoalescer(Executor publisher, BiConsumer<Double, String> sink) {
        this.publisher = publisher;
        this.sink = sink;
    }

    @Override
    public void update(double fraction, String message) {
        if (closed) {
            return;
        }
        latest.set(new Update(fraction, message));
        if (pending.compareAndSet(false, true)) {
            publisher.execute(this::deliver);
        }
    }

    private void deliver() {
        pending.set(false);
        Update u = latest.getAndSet(null);
        // Delivered even after close(): it was scheduled before the outcome, and the publisher runs in
        // order, so it still arrives before the listener hears the task is done.
        if (u != null) {
            sink.accept(u.fraction(), u.message());
        }
    }

    /** Updates reported from now on are dropped (the task has finished). */
    public void close() {
        closed = true;
    }
}
