package org.segmentlab.app.task;

import org.segmentlab.progress.CancellationToken;

/**
 * Runs each task synchronously on the calling thread, publishing progress and the outcome directly.
 * For view-model tests: no FX toolkit, no threads, deterministic order.
 */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        CancellationToken token = new CancellationToken();
        Handle handle = new Handle(token);
        T result;
        try {
            result = task.call(listener::progress, token);
        } catch (Throwable t) {
            if (TaskOutcomes.isCancellation(t, token.isCancelled())) {
                listener.cancelled();
            } else {
                listener.failed(t);
            }
            return handle;
        }
        if (token.isCancelled()) {
            listener.cancelled();
        } else {
            listener.succeeded(result);
        }
        return handle;
    }

    private record Handle(CancellationToken token) implements TaskHandle {
        @Override
        public void cancel() {
            token.cancel();
        }

        @Override
        public boolean isCancelled() {
            return token.isCancelled();
        }
    }
}
