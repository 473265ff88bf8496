package org.segmentlab.cluster;

/**
 * A fitted k-means partition. Clusters are numbered by size, largest first (ties by the centroids'
 * order), so the same data, settings and seed give the same numbers.
 *
 * @param labels          cluster per row, 0..k-1
 * @param centroids       row-major k x d
 * @param inertia         sum of squared distances to the assigned centroid
 * @param iterations      Lloyd iterations of the winning restart
 * @param sizes           rows per cluster
 * @param emptyRefilled   times an empty cluster was refilled with the farthest point (all restarts)
 * @param fitSeconds      wall time of the whole fit (all restarts)
 */
public record KMeansResult(int k, int d, int[] labels, double[] centroids, double inertia, int iterations,
                           int[] sizes, int emptyRefilled, double fitSeconds) {

    public KMeansResult {
        labels = labels.clone();
        centroids = centroids.clone();
        sizes = sizes.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public double[] centroids() {
        return centroids.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }
}
