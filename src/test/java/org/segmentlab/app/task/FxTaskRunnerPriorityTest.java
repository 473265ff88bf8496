package org.segmentlab.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The task runner's workers, and every thread an analysis starts on them, run below the FX thread. */
class FxTaskRunnerPriorityTest {

    @Test
    void workersAndTheThreadsTheyStartRunBelowTheWindow() throws InterruptedException {
        ThreadFactory factory = FxTaskRunner.daemonThreads();
        AtomicInteger inherited = new AtomicInteger(-1);
        Thread worker = factory.newThread(() -> {
            // as KMeans, Silhouette and the CSV loader make their pools: a plain thread from the worker
            Thread pool = new Thread(() -> { });
            inherited.set(pool.getPriority());
        });
        assertTrue(worker.isDaemon(), "a worker never keeps the JVM alive");
        assertEquals(Thread.MIN_PRIORITY, worker.getPriority());
        worker.start();
        worker.join();
        assertEquals(Thread.MIN_PRIORITY, inherited.get(), "threads started by a worker inherit its priority");
        assertTrue(Thread.MIN_PRIORITY < Thread.NORM_PRIORITY, "the FX thread runs at the normal priority");
    }
}
