package org.segmentlab.cluster;

import java.util.OptionalInt;

/** Finds the elbow of a decreasing convex curve (Kneedle, Satopaa et al. 2011). */
public final class KneeLocator {

    private KneeLocator() {
    }

    /** The k at the knee of inertia against k, or empty when the curve has no knee. */
    public static OptionalInt knee(int[] ks, double[] inertia) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
