package org.segmentlab.app;

/**
 * Runs an action after a quiet period: every {@link #restart} starts the wait again, so a burst of
 * edits writes once. The window uses a {@code PauseTransition} on the FX thread; view-model tests
 * fire it by hand.
 */
@FunctionalInterface
public interface AutosaveTimer {

    /** Never fires: no autosave (the default until a window installs a timer). */
    AutosaveTimer NONE = action -> { };

    /** (Re)starts the wait; when it ends without another restart, runs {@code action} on the FX thread. */
    void restart(Runnable action);
}
