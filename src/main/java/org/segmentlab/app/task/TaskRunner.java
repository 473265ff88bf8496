package org.segmentlab.app.task;

/**
 * The one way the app runs background work (loading, summaries, analyses). Results, failures and
 * progress are delivered to the listener on the publishing thread (the FX thread in the app), so
 * workers never touch the scene graph. Tests use {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    /** Starts {@code task}; {@code name} is used in thread names and log lines. */
    <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener);
}
