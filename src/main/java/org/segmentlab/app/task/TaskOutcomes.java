package org.segmentlab.app.task;

import org.segmentlab.progress.CancelledException;

/** Shared rule of both runners: what counts as a cancellation rather than a failure. */
final class TaskOutcomes {

    private TaskOutcomes() {
    }

    static boolean isCancellation(Throwable t, boolean tokenCancelled) {
        if (t instanceof CancelledException || t instanceof InterruptedException) {
            return true;
        }
        // Some I/O reports an interrupt or a closed channel when a cancelled task is stopped: that is
        // still the user's cancel, not an error to show.
        return tokenCancelled;
    }
}
