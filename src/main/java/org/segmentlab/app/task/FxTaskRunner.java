package org.segmentlab.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.WorkerThreads;

/**
 * Runs tasks on a small pool of daemon worker threads and publishes progress (coalesced) and
 * outcomes with {@link Platform#runLater}. Close it when the application stops.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService workers;
    private final Executor publisher;

    public FxTaskRunner() {
        this(Executors.newFixedThreadPool(2, WorkerThreads.numbered("segmentlab-worker-")), Platform::runLater);
    }

    /** @param publisher where listeners are called; {@code Platform::runLater} in the app */
    public FxTaskRunner(ExecutorService workers, Executor publisher) {
        this.workers = workers;
        this.publisher = publisher;
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
        CancellationToken token = new CancellationToken();
        ProgressCoalescer progress = new ProgressCoalescer(publisher, listener::progress);
        workers.execute(() -> {
            // The task's name in thread dumps and log records says what a busy worker is doing.
            Thread.currentThread().setName("segmentlab-worker: " + name);
            T result;
            try {
                result = task.call(progress, token);
            } catch (Throwable t) {
                progress.close();
                // Failures are logged by the listener, which knows what the user was doing.
                boolean cancelled = TaskOutcomes.isCancellation(t, token.isCancelled());
                publisher.execute(() -> {
                    if (cancelled) {
                        listener.cancelled();
                    } else {
                        listener.failed(t);
                    }
                });
                return;
            }
            progress.close();
            publisher.execute(() -> {
                if (token.isCancelled()) {
                    listener.cancelled();
                } else {
                    listener.succeeded(result);
                }
            });
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                token.cancel();
            }

            @Override
            public boolean isCancelled() {
                return token.isCancelled();
            }
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
