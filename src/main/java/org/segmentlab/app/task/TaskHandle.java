package org.segmentlab.app.task;

/** A submitted task: it can be cancelled (its token is set; the worker stops at its next check). */
public interface TaskHandle {

    void cancel();

    boolean isCancelled();

    /** A handle for nothing, so callers need no null checks. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
