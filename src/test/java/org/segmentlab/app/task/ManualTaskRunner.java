package org.segmentlab.app.task;

import java.util.ArrayList;
import java.util.List;
import org.segmentlab.progress.CancellationToken;

/**
 * A runner that queues tasks until the test runs them, in any order: lets a test finish an older
 * load after a newer one, as a slow worker would.
 */
public final class ManualTaskRunner implements TaskRunner {

    private final List<Job<?>> pending = new ArrayList<>();
    private final boolean racy;

    public ManualTaskRunner() {
        this(false);
    }

    /**
     * @param racy true: a finished task publishes success even when cancelled meanwhile, as happens
     *             when the cancel arrives after the worker's last check; the view model must still
     *             drop the stale result
     */
    public ManualTaskRunner(boolean racy) {
        this.racy = racy;
    }

    private static final class Job<T> implements TaskHandle {
        final BackgroundTask<T> task;
        final TaskListener<T> listener;
        final CancellationToken token = new CancellationToken();

        Job(BackgroundTask<T> task, TaskListener<T> listener) {
            this.task = task;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            token.cancel();
        }

        @Override
        public boolean isCancelled() {
            return token.isCancelled();
        }

        /** Runs like a worker that ignores the token until it is done, then publishes as FxTaskRunner does. */
        void run(boolean racy) {
            T result;
            try {
                result = task.call(listener::progress, CancellationToken.NONE);
            } catch (Throwable t) {
                if (TaskOutcomes.isCancellation(t, token.isCancelled())) {
                    listener.cancelled();
                } else {
                    listener.failed(t);
                }
                return;
            }
            if (token.isCancelled() && !racy) {
                listener.cancelled();
            } else {
                listener.succeeded(result);
            }
        }
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        Job<T> job = new Job<>(task, listener);
        pending.add(job);
        return job;
    }

    public int pending() {
        return pending.size();
    }

    /** Runs the i-th pending task (0 = oldest) to completion and publishes its outcome. */
    public void run(int i) {
        pending.remove(i).run(racy);
    }

    public boolean wasCancelled(int i) {
        return pending.get(i).isCancelled();
    }
}
