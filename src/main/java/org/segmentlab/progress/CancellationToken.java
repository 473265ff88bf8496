package org.segmentlab.progress;

/**
 * A cancellation flag shared between the thread that asks for cancellation and the worker that
 * checks it. Long algorithms call {@link #throwIfCancelled()} at least once per iteration.
 */
public class CancellationToken {

    /** A token that is never cancelled, for callers that do not need cancellation. */
    public static final CancellationToken NONE = new CancellationToken() {
        @Override
        public void cancel() {
            throw new UnsupportedOperationException("CancellationToken.NONE cannot be cancelled");
        }
    };

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException if {@link #cancel()} has been called */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
