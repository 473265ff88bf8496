package org.segmentlab.progress;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of every background job (loading, the analysis and its pools, the scatter's index and rasters,
 * image encoding): daemons, so they never keep the process alive, at {@link #PRIORITY}, below the JavaFX
 * thread's normal priority. On a machine with few cores the window's thread then wins a core it competes for
 * with the analysis (on Linux the launcher passes {@code -XX:ThreadPriorityPolicy=1}, which maps priority 1 to
 * nice 4; without it, priorities are ignored there). With spare cores nothing changes: a lower priority only
 * matters when threads wait for a core.
 */
public final class WorkerThreads {

    /** Java priority of background threads. */
    public static final int PRIORITY = Thread.MIN_PRIORITY;

    private WorkerThreads() {
    }

    /** A new daemon thread at {@link #PRIORITY}, not started. */
    public static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(PRIORITY);
        return t;
    }

    /** Daemon threads at {@link #PRIORITY}, all named {@code name}. */
    public static ThreadFactory factory(String name) {
        return r -> daemon(r, name);
    }

    /** Daemon threads at {@link #PRIORITY}, named {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, prefix + n.incrementAndGet());
    }
}
