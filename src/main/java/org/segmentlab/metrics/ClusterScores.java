package org.segmentlab.metrics;

import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;

/**
 * Calinski-Harabasz and Davies-Bouldin indices, as scikit-learn 1.2 computes them. Clusters with no
 * rows are ignored (scikit-learn only sees the labels present). Does not modify its inputs. The
 * overloads with a {@link CancellationToken} check it every {@value #CANCEL_ROWS} rows of each pass
 * (about a millisecond), so a sweep over a million rows stops promptly. The {@code double[]} overloads
 * read their row-major array as a one-block {@link Matrix}.
 */
public final class ClusterScores {

    /** Rows between cancellation checks. */
    static final int CANCEL_ROWS = 1 << 16;

    private ClusterScores() {
    }

    public static double calinskiHarabasz(Matrix x, int[] labels, int k) {
        return calinskiHarabasz(x, labels, k, CancellationToken.NONE);
    }

    public static double calinskiHarabasz(double[] x, int n, int d, int[] labels, int k) {
        return calinskiHarabasz(wrap(x, n, d), labels, k);
    }

    /** As {@link #calinskiHarabasz(Matrix, int[], int, CancellationToken)} on a row-major n x d array. */
    public static double calinskiHarabasz(double[] x, int n, int d, int[] labels, int k, CancellationToken cancel) {
        return calinskiHarabasz(wrap(x, n, d), labels, k, cancel);
    }

    public static double daviesBouldin(Matrix x, int[] labels, int k) {
        return daviesBouldin(x, labels, k, CancellationToken.NONE);
    }

    public static double daviesBouldin(double[] x, int n, int d, int[] labels, int k) {
        return daviesBouldin(wrap(x, n, d), labels, k);
    }

    /** As {@link #daviesBouldin(Matrix, int[], int, CancellationToken)} on a row-major n x d array. */
    public static double daviesBouldin(double[] x, int n, int d, int[] labels, int k, CancellationToken cancel) {
        return daviesBouldin(wrap(x, n, d), labels, k, cancel);
    }

    /** A row-major array as a one-block matrix (not copied); refused, with the same message as ever, unless
     * it holds n x d values. */
    private static Matrix wrap(double[] x, int n, int d) {
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " values and " + n + " labels");
        }
        return Matrix.wrap(x, n, d);
    }

    private static void check(int i, CancellationToken cancel) {
        if ((i & (CANCEL_ROWS - 1)) == 0) {
            cancel.throwIfCancelled();
        }
    }

    /** Calinski-Harabasz (higher is better); NaN for fewer than 2 non-empty clusters; 1 when every
     * cluster is a single point repeated (zero within-cluster dispersion), as scikit-learn. */
    public static double calinskiHarabasz(Matrix x, int[] labels, int k, CancellationToken cancel) {
        int n = x.rows();
        int d = x.cols();
        CancellationToken cc = cancel == null ? CancellationToken.NONE : cancel;
        Centroids c = centroids(x, labels, k, cc);
        if (c.present < 2) {
            return Double.NaN;
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            check(i, cc);
            double[] xb = x.blockOf(i);
            int xo = x.offset(i);
            for (int f = 0; f < d; f++) {
                mean[f] += xb[xo + f];
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] /= n;
        }
        double extra = 0;
        for (int q = 0; q < k; q++) {
            if (c.size[q] == 0) {
                continue;
            }
            double s = 0;
            for (int f = 0; f < d; f++) {
                double t = c.mean[q * d + f] - mean[f];
                s += t * t;
            }
            extra += c.size[q] * s;
        }
        double intra = 0;
        for (int i = 0; i < n; i++) {
            check(i, cc);
            double[] xb = x.blockOf(i);
            int xo = x.offset(i);
            int o = labels[i] * d;
            for (int f = 0; f < d; f++) {
                double t = xb[xo + f] - c.mean[o + f];
                intra += t * t;
            }
        }
        if (intra == 0.0) {
            return 1.0;
        }
        return extra * (n - c.present) / (intra * (c.present - 1.0));
    }

    /** Davies-Bouldin (lower is better); NaN for fewer than 2 non-empty clusters. Coinciding centroids
     * (distance 0) are skipped as scikit-learn does (their ratio counts as 0); 0 when all
     * within-cluster spreads or all centroid distances are about 0 (|v| <= 1e-8). */
    public static double daviesBouldin(Matrix x, int[] labels, int k, CancellationToken cancel) {
        int n = x.rows();
        int d = x.cols();
        CancellationToken cc = cancel == null ? CancellationToken.NONE : cancel;
        Centroids c = centroids(x, labels, k, cc);
        if (c.present < 2) {
            return Double.NaN;
        }
        double[] intra = new double[k];
        for (int i = 0; i < n; i++) {
            check(i, cc);
            double[] xb = x.blockOf(i);
            int xo = x.offset(i);
            int o = labels[i] * d;
            double s = 0;
            for (int f = 0; f < d; f++) {
                double t = xb[xo + f] - c.mean[o + f];
                s += t * t;
            }
            intra[labels[i]] += Math.sqrt(s);
        }
        int[] ids = new int[c.present];
        int p = 0;
        for (int q = 0; q < k; q++) {
            if (c.size[q] > 0) {
                intra[q] /= c.size[q];
                ids[p++] = q;
            }
        }
        double[][] dist = new double[p][p];
        boolean allIntraZero = true;
        boolean allDistZero = true;
        for (int a = 0; a < p; a++) {
            if (Math.abs(intra[ids[a]]) > 1e-8) {
                allIntraZero = false;
            }
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int f = 0; f < d; f++) {
                    double t = c.mean[ids[a] * d + f] - c.mean[ids[b] * d + f];
                    s += t * t;
                }
                dist[a][b] = a == b ? 0.0 : Math.sqrt(s);
                if (Math.abs(dist[a][b]) > 1e-8) {
                    allDistZero = false;
                }
            }
        }
        if (allIntraZero || allDistZero) {
            return 0.0;
        }
        double total = 0;
        for (int a = 0; a < p; a++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < p; b++) {
                double dd = dist[a][b] == 0.0 ? Double.POSITIVE_INFINITY : dist[a][b];
                worst = Math.max(worst, (intra[ids[a]] + intra[ids[b]]) / dd);
            }
            total += worst;
        }
        return total / p;
    }

    private record Centroids(double[] mean, int[] size, int present) {
    }

    private static Centroids centroids(Matrix x, int[] labels, int k, CancellationToken cancel) {
        int n = x.rows();
        int d = x.cols();
        if (labels.length != n) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " values and " + n + " labels");
        }
        double[] mean = new double[k * d];
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
            check(i, cancel);
            int l = labels[i];
            if (l < 0 || l >= k) {
                throw new IllegalArgumentException("label " + l + " of row " + i + " is outside 0.." + (k - 1));
            }
            size[l]++;
            double[] xb = x.blockOf(i);
            int xo = x.offset(i);
            for (int f = 0; f < d; f++) {
                mean[l * d + f] += xb[xo + f];
            }
        }
        int present = 0;
        for (int q = 0; q < k; q++) {
            if (size[q] > 0) {
                present++;
                for (int f = 0; f < d; f++) {
                    mean[q * d + f] /= size[q];
                }
            }
        }
        return new Centroids(mean, size, present);
    }
}
