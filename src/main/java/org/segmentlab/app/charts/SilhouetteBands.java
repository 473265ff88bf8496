package org.segmentlab.app.charts;

import java.util.Arrays;

/**
 * Per-cluster silhouette values sorted descending, with cluster and overall means; the data behind
 * {@link SilhouettePlot}. Pure logic; NaN values are left out. Immutable (accessors return copies).
 *
 * @param k number of clusters (bands)
 */
public record SilhouetteBands(int k, double[][] sorted, double[] means, double overallMean, int total) {

    public SilhouetteBands {
        double[][] copy = new double[sorted.length][];
        for (int c = 0; c < sorted.length; c++) {
            copy[c] = sorted[c].clone();
        }
        sorted = copy;
        means = means.clone();
    }

    /**
     * Groups and sorts. Not modified: {@code silhouette}, {@code cluster}.
     *
     * @param silhouette per customer, -1..1 (NaN skipped)
     * @param cluster    cluster 0..k-1 per customer (others skipped)
     */
    public static SilhouetteBands compute(double[] silhouette, int[] cluster, int k) {
        if (silhouette.length != cluster.length) {
            throw new IllegalArgumentException("silhouette has " + silhouette.length + " values but cluster has "
                    + cluster.length);
        }
        int[] counts = new int[k];
        for (int i = 0; i < cluster.length; i++) {
            if (cluster[i] >= 0 && cluster[i] < k && Double.isFinite(silhouette[i])) {
                counts[cluster[i]]++;
            }
        }
        double[][] vals = new double[k][];
        for (int c = 0; c < k; c++) {
            vals[c] = new double[counts[c]];
        }
        int[] fill = new int[k];
        double sum = 0;
        int total = 0;
        for (int i = 0; i < cluster.length; i++) {
            int c = cluster[i];
            if (c >= 0 && c < k && Double.isFinite(silhouette[i])) {
                vals[c][fill[c]++] = silhouette[i];
                sum += silhouette[i];
                total++;
            }
        }
        double[] means = new double[k];
        for (int c = 0; c < k; c++) {
            Arrays.sort(vals[c]);
            double s = 0;
            for (int a = 0, b = vals[c].length - 1; a < b; a++, b--) { // reverse to descending
                double t = vals[c][a];
                vals[c][a] = vals[c][b];
                vals[c][b] = t;
            }
            for (double v : vals[c]) {
                s += v;
            }
            means[c] = vals[c].length == 0 ? Double.NaN : s / vals[c].length;
        }
        return new SilhouetteBands(k, vals, means, total == 0 ? Double.NaN : sum / total, total);
    }

    @Override
    public double[][] sorted() {
        double[][] copy = new double[sorted.length][];
        for (int c = 0; c < sorted.length; c++) {
            copy[c] = sorted[c].clone();
        }
        return copy;
    }

    /** Sorted (descending) values of cluster c, a copy. */
    public double[] values(int c) {
        return sorted[c].clone();
    }

    /** Number of customers of cluster c. */
    public int count(int c) {
        return sorted[c].length;
    }

    double[] valuesView(int c) {
        return sorted[c];
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    public double mean(int c) {
        return means[c];
    }

    /** Share of negative silhouettes in cluster c (customers that look closer to another cluster). */
    public double negativeShare(int c) {
        double[] v = sorted[c];
        if (v.length == 0) {
            return 0;
        }
        int neg = 0;
        for (double x : v) {
            if (x < 0) {
                neg++;
            }
        }
        return neg / (double) v.length;
    }

    /** Smallest value over all clusters (NaN if empty). */
    public double min() {
        double m = Double.NaN;
        for (double[] v : sorted) {
            if (v.length > 0 && !(v[v.length - 1] >= m)) {
                m = v[v.length - 1];
            }
        }
        return m;
    }
}
