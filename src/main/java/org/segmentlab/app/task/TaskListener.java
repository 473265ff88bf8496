package org.segmentlab.app.task;

/**
 * What happens on the FX thread as a task advances. Every method is called on the thread the
 * {@link TaskRunner} publishes on (the FX thread for {@link FxTaskRunner}); exactly one of
 * {@link #succeeded}, {@link #failed} and {@link #cancelled} is called, once.
 */
public interface TaskListener<T> {

    /** Coalesced: at most one call per FX pulse, with the latest values. */
    default void progress(double fraction, String message) {
    }

    void succeeded(T result);

    void failed(Throwable error);

    default void cancelled() {
    }
}
