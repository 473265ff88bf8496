package org.segmentlab.progress;

/**
 * Receives progress from long computations. Called from worker threads; implementations must be
 * thread-safe and cheap (the GUI coalesces updates before touching the FX thread).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every update. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction work done so far in [0, 1], or a negative value when unknown
     * @param message  a short plain-language description of the current step
     */
    void update(double fraction, String message);

    /** A listener that maps this stage's [0, 1] onto [from, to] of this listener. */
    default ProgressListener range(double from, double to) {
        ProgressListener outer = this;
        return (fraction, message) -> outer.update(fraction < 0 ? -1 : from + (to - from) * fraction, message);
    }
}
