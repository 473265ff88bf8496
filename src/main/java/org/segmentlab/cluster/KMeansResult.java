package org.segmentlab.cluster;

/**
 * A fitted k-means partition. Clusters are numbered by size, largest first (ties by the centroids'
 * order), so the same data, settings and seed give the same numbers. Immutable: the accessors return
 * copies.
 *
 * <p>Labels are kept as one byte per row when k < 128 (a sweep keeps one partition per k, and at a
 * million rows four bytes per label would cost 40 MB for ten partitions).
 */
public final class KMeansResult {

    private final int k;
    private final int d;
    private final byte[] smallLabels;
    private final int[] largeLabels;
    private final double[] centroids;
    private final double inertia;
    private final int iterations;
    private final int[] sizes;
    private final int emptyRefilled;
    private final double fitSeconds;

    /**
     * @param labels        cluster per row, 0..k-1 (copied)
     * @param centroids     row-major k x d (copied)
     * @param inertia       sum of squared distances to the assigned centroid
     * @param iterations    Lloyd iterations of the winning restart
     * @param sizes         rows per cluster (copied)
     * @param emptyRefilled times an empty cluster was refilled with the farthest point (all restarts)
     * @param fitSeconds    wall time of the whole fit (all restarts)
     */
    public KMeansResult(int k, int d, int[] labels, double[] centroids, double inertia, int iterations, int[] sizes,
                        int emptyRefilled, double fitSeconds) {
        this.k = k;
        this.d = d;
        if (k <= Byte.MAX_VALUE) {
            smallLabels = new byte[labels.length];
            for (int i = 0; i < labels.length; i++) {
                smallLabels[i] = (byte) labels[i];
            }
            largeLabels = null;
        } else {
            smallLabels = null;
            largeLabels = labels.clone();
        }
        this.centroids = centroids.clone();
        this.inertia = inertia;
        this.iterations = iterations;
        this.sizes = sizes.clone();
        this.emptyRefilled = emptyRefilled;
        this.fitSeconds = fitSeconds;
    }

    public int k() {
        return k;
    }

    public int d() {
        return d;
    }

    /** Cluster per row, 0..k-1 (a new array). */
    public int[] labels() {
        if (largeLabels != null) {
            return largeLabels.clone();
        }
        int[] out = new int[smallLabels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = smallLabels[i];
        }
        return out;
    }

    /** Cluster of row i. */
    public int label(int i) {
        return largeLabels != null ? largeLabels[i] : smallLabels[i];
    }

    public double[] centroids() {
        return centroids.clone();
    }

    public double inertia() {
        return inertia;
    }

    public int iterations() {
        return iterations;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int emptyRefilled() {
        return emptyRefilled;
    }

    public double fitSeconds() {
        return fitSeconds;
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k + ", d=" + d + ", inertia=" + inertia + ", iterations=" + iterations + "]";
    }
}
