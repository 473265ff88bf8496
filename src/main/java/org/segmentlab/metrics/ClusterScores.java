package org.segmentlab.metrics;

/** Calinski-Harabasz and Davies-Bouldin indices, as scikit-learn computes them. */
public final class ClusterScores {

    private ClusterScores() {
    }

    /** Calinski-Harabasz (higher is better); NaN for k < 2. */
    public static double calinskiHarabasz(double[] x, int n, int d, int[] labels, int k) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Davies-Bouldin (lower is better); NaN for k < 2. */
    public static double daviesBouldin(double[] x, int n, int d, int[] labels, int k) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
