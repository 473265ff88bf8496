package org.segmentlab.app.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import org.segmentlab.progress.CancellationToken;

/**
 * Analysis threads give way to the window. On a machine with as many busy analysis threads as cores, a pulse
 * that needs 40 ms of the FX thread's time took 80-160 ms of wall time, because the FX thread had to share a
 * core. The engine checks its cancellation token about once a millisecond per thread (per chunk of rows), so the
 * tokens this makes also ask there whether the FX thread is busy, and if it is, wait until it is done.
 *
 * <p>"Busy" is seen from outside, whatever the FX thread is doing (a pulse, a published result, a persona card):
 * at a check, when no probe is waiting, a no-op probe is handed to the FX thread at most every
 * {@link #PROBE_EVERY_NANOS}. A probe that has waited longer than {@link #BUSY_NANOS} means the FX thread has been
 * working that long; the checking thread then waits until the probe runs (the FX thread is free again), but never
 * longer than {@link #MAX_WAIT_NANOS} at a time and, per thread, never for longer than it last ran, so an analysis
 * still gets at least half of its time however busy the window is. Light pulses never trigger it, so an
 * analysis behind an idle window loses nothing.
 *
 * <p>Waiting changes only when work is done, never what: the results are the same bits with or without it.
 */
public final class WindowFirst {

    /** How long the FX thread must have been working before analysis threads wait for it. */
    static final long BUSY_NANOS = 8_000_000L;
    /** The shortest time between two probes: a probe costs the FX thread a wake-up. */
    static final long PROBE_EVERY_NANOS = 4_000_000L;
    /** The longest single wait: progress even if the FX thread never frees up. */
    static final long MAX_WAIT_NANOS = 150_000_000L;

    private static final long NONE = Long.MIN_VALUE;

    private final Executor fx;
    private final LongSupplier clock;
    private final BooleanSupplier onFxThread;
    private final boolean enabled;
    /** When the waiting probe was handed over, or {@link #NONE}. */
    private final AtomicLong probeSent = new AtomicLong(NONE);
    private volatile long probeRan = NONE;
    private final Object freed = new Object();
    private final java.util.concurrent.atomic.LongAdder waits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder waitedNanos = new java.util.concurrent.atomic.LongAdder();
    private final ThreadLocal<long[]> lastWait = ThreadLocal.withInitial(() -> new long[] {NONE, 0L});

    /** @param enabled false makes tokens that only check for cancellation (benchmark comparisons) */
    public WindowFirst(Executor fx, LongSupplier clock, BooleanSupplier onFxThread, boolean enabled) {
        this.fx = fx;
        this.clock = clock;
        this.onFxThread = onFxThread;
        this.enabled = enabled;
    }

    /** For the running app: probes go through {@link Platform#runLater}; off with {@code -Dsegmentlab.windowFirst=false}. */
    public static WindowFirst forFx() {
        return new WindowFirst(Platform::runLater, System::nanoTime, Platform::isFxApplicationThread,
                !"false".equals(System.getProperty("segmentlab.windowFirst")));
    }

    /** A cancellation token whose every check also gives way to a busy window. */
    public CancellationToken newToken() {
        if (!enabled) {
            return new CancellationToken();
        }
        return new CancellationToken() {
            @Override
            public void throwIfCancelled() {
                super.throwIfCancelled();
                if (giveWay()) {
                    super.throwIfCancelled();
                }
            }
        };
    }

    /**
     * Waits while the FX thread is busy, within the limits above.
     *
     * @return whether this thread waited
     */
    boolean giveWay() {
        if (onFxThread.getAsBoolean()) {
            return false;
        }
        long now = clock.getAsLong();
        long sent = probeSent.get();
        if (sent == NONE) {
            long ran = probeRan;
            if ((ran == NONE || now - ran >= PROBE_EVERY_NANOS) && probeSent.compareAndSet(NONE, now)) {
                fx.execute(this::probeRuns);
            }
            return false;
        }
        if (now - sent < BUSY_NANOS) {
            return false;
        }
        long[] last = lastWait.get(); // {when this thread last stopped waiting, how long it waited}
        if (last[0] != NONE && now - last[0] < last[1]) {
            return false;
        }
        long until = now + MAX_WAIT_NANOS;
        synchronized (freed) {
            while (probeSent.get() == sent && clock.getAsLong() - until < 0) {
                try {
                    freed.wait(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        long end = clock.getAsLong();
        last[0] = end;
        last[1] = end - now;
        waits.increment();
        waitedNanos.add(end - now);
        return true;
    }

    /** How often threads waited and for how long in all, for benchmark logs: "12 waits, 340 ms". */
    public String summary() {
        return waits.sum() + " waits, " + waitedNanos.sum() / 1_000_000 + " ms";
    }

    private void probeRuns() {
        probeRan = clock.getAsLong();
        probeSent.set(NONE);
        synchronized (freed) {
            freed.notifyAll();
        }
    }
}
