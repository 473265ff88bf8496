package org.segmentlab.cluster;

import java.util.OptionalInt;

/**
 * Finds the elbow of a decreasing convex curve (Kneedle, Satopaa et al. 2011), as the Python
 * {@code kneed} package does with {@code curve='convex', direction='decreasing', S=1, online=False}
 * (interp1d, i.e. the points themselves). Does not modify its inputs.
 */
public final class KneeLocator {

    /** Sensitivity S of the paper; kneed's default. */
    public static final double SENSITIVITY = 1.0;

    /**
     * Differences smaller than this (on the normalised [0, 1] scale) count as zero, so rounding on a
     * straight line does not invent a knee (kneed compares exactly; this is the one deliberate change).
     */
    private static final double ZERO = 1e-12;

    private KneeLocator() {
    }

    /**
     * The k at the knee of inertia against k, or empty when the curve has no knee.
     *
     * @param ks      strictly increasing x values (not modified)
     * @param inertia y values, same length (not modified)
     */
    public static OptionalInt knee(int[] ks, double[] inertia) {
        int n = ks.length;
        if (inertia.length != n) {
            throw new IllegalArgumentException("ks and inertia differ in length: " + n + " and " + inertia.length);
        }
        if (n < 3) {
            return OptionalInt.empty();
        }
        for (int i = 1; i < n; i++) {
            if (ks[i] <= ks[i - 1]) {
                throw new IllegalArgumentException("ks must be strictly increasing");
            }
        }
        double xMin = ks[0];
        double xMax = ks[n - 1];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : inertia) {
            if (!Double.isFinite(v)) {
                return OptionalInt.empty();
            }
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        if (yMax == yMin) {
            return OptionalInt.empty();
        }
        double[] xn = new double[n];
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            xn[i] = (ks[i] - xMin) / (xMax - xMin);
            double yn = (inertia[i] - yMin) / (yMax - yMin);
            // convex decreasing -> concave increasing: y' = max(y) - y, x unchanged
            double d = (1.0 - yn) - xn[i];
            diff[i] = Math.abs(d) < ZERO ? 0.0 : d;
        }
        // scipy.signal.argrelextrema(order=1, mode='clip'): ends compare with themselves
        boolean[] isMax = new boolean[n];
        boolean[] isMin = new boolean[n];
        int firstMax = -1;
        for (int i = 0; i < n; i++) {
            double prev = diff[Math.max(0, i - 1)];
            double next = diff[Math.min(n - 1, i + 1)];
            isMax[i] = diff[i] >= prev && diff[i] >= next;
            isMin[i] = diff[i] <= prev && diff[i] <= next;
            if (isMax[i] && firstMax < 0) {
                firstMax = i;
            }
        }
        if (firstMax < 0) {
            return OptionalInt.empty();
        }
        double meanStep = Math.abs((xn[n - 1] - xn[0]) / (n - 1));
        double threshold = 0;
        int thresholdIndex = -1;
        for (int i = firstMax; i < n - 1; i++) {
            if (isMax[i]) {
                threshold = diff[i] - SENSITIVITY * meanStep;
                thresholdIndex = i;
            }
            if (isMin[i]) {
                threshold = 0.0;
            }
            if (diff[i + 1] < threshold) {
                return OptionalInt.of(ks[thresholdIndex]);
            }
        }
        return OptionalInt.empty();
    }
}
