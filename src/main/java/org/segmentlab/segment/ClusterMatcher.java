package org.segmentlab.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches the clusters of a new run to those of a previous one, so that names and persona cards stay on
 * "the same" cluster after a re-run with another seed, k or preparation. Stateless; modifies nothing.
 *
 * <p>The pairing is the optimal assignment (Hungarian algorithm) on squared Euclidean distances between
 * centroids, so the total squared movement is smallest; a greedy nearest-first pairing can be fooled
 * when one centroid is the nearest of two. When k differs, the extra clusters on the larger side stay
 * unmatched. A pair whose distance exceeds {@link Matching#threshold()} is "no good match": the threshold
 * is the median distance between the previous centroids, i.e. a cluster that moved as far as two typical
 * different clusters lie apart is no longer the same cluster. Such pairs enter the assignment at the
 * threshold's square (the price of leaving both unmatched), so a far-moved cluster does not pull good
 * pairs apart to shave its own squared distance; they are left unmatched afterwards. With a
 * single previous centroid the median of the new centroids' distances is used; with one on each side
 * every pair is accepted.
 */
public final class ClusterMatcher {

    /** Cost of a pair that cannot be a match; finite so that the solver's arithmetic stays defined. */
    private static final double UNUSABLE = 1e300;

    private ClusterMatcher() {
    }

    /**
     * The outcome of a matching. Immutable.
     *
     * @param newForOld per previous cluster, the new cluster it became, or -1
     * @param oldForNew per new cluster, the previous cluster it continues, or -1
     * @param distance  per previous cluster, the Euclidean distance to its assigned new cluster (before the
     *                  threshold was applied), or NaN when the assignment left it out
     * @param threshold distance above which a pair is not a good match
     */
    public record Matching(int[] newForOld, int[] oldForNew, double[] distance, double threshold) {

        public Matching {
            newForOld = newForOld.clone();
            oldForNew = oldForNew.clone();
            distance = distance.clone();
        }

        @Override
        public int[] newForOld() {
            return newForOld.clone();
        }

        @Override
        public int[] oldForNew() {
            return oldForNew.clone();
        }

        @Override
        public double[] distance() {
            return distance.clone();
        }

        /** The new cluster that continues previous cluster {@code old}, or -1. */
        public int newFor(int old) {
            return newForOld[old];
        }

        /** The previous cluster that new cluster {@code neu} continues, or -1. */
        public int oldFor(int neu) {
            return oldForNew[neu];
        }

        /** Previous clusters with no good match, ascending. */
        public List<Integer> unmatchedOld() {
            return unmatched(newForOld);
        }

        /** New clusters with no good match, ascending. */
        public List<Integer> unmatchedNew() {
            return unmatched(oldForNew);
        }

        private static List<Integer> unmatched(int[] a) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < a.length; i++) {
                if (a[i] < 0) {
                    out.add(i);
                }
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return "Matching[newForOld=" + Arrays.toString(newForOld) + ", distance=" + Arrays.toString(distance)
                    + ", threshold=" + threshold + "]";
        }
    }

    /**
     * Matches by centroids in one space (the scaled space k-means saw, same features in the same order).
     *
     * @param oldCentroids row-major oldK x d (not modified)
     * @param newCentroids row-major newK x d (not modified)
     * @throws IllegalArgumentException when an array does not hold k x d values
     */
    public static Matching match(double[] oldCentroids, int oldK, double[] newCentroids, int newK, int d) {
        if (oldK < 0 || newK < 0 || d < 1) {
            throw new IllegalArgumentException("k must not be negative and d must be at least 1 (oldK=" + oldK
                    + ", newK=" + newK + ", d=" + d + ")");
        }
        if (oldCentroids.length != oldK * d || newCentroids.length != newK * d) {
            throw new IllegalArgumentException("centroids hold " + oldCentroids.length + " and " + newCentroids.length
                    + " values, not " + oldK + " x " + d + " and " + newK + " x " + d);
        }
        double[][] cost = new double[oldK][newK];
        for (int i = 0; i < oldK; i++) {
            for (int j = 0; j < newK; j++) {
                double c = squaredDistance(oldCentroids, i, newCentroids, j, d);
                // a NaN centroid (empty cluster) matches nothing, but must not derail the solver
                cost[i][j] = Double.isFinite(c) ? c : UNUSABLE;
            }
        }
        double threshold = oldK >= 2 ? medianPairDistance(oldCentroids, oldK, d)
                : newK >= 2 ? medianPairDistance(newCentroids, newK, d) : Double.POSITIVE_INFINITY;
        return fromCost(cost, oldK, newK, threshold);
    }

    /**
     * Matches two runs from their profiles. When both were clustered on the same features (same names, same
     * order) the scaled centroids are compared, as {@link #match(double[], int, double[], int, int)} does.
     * Otherwise the scaled spaces differ, so the clusters are compared by the raw-unit means of the columns
     * both profiles share, each column z-scored over all the clusters of both runs (so dollars do not drown
     * frequencies); columns constant over all clusters are skipped.
     *
     * @throws IllegalArgumentException when the features differ and no column is shared
     */
    public static Matching match(List<ClusterProfile> oldProfiles, List<ClusterProfile> newProfiles) {
        List<String> oldFeatures = features(oldProfiles);
        List<String> newFeatures = features(newProfiles);
        if (!oldFeatures.isEmpty() && oldFeatures.equals(newFeatures)) {
            int d = oldFeatures.size();
            return match(centroids(oldProfiles, d), oldProfiles.size(), centroids(newProfiles, d), newProfiles.size(), d);
        }
        return matchByMeans(oldProfiles, newProfiles);
    }

    /** Matches by the z-scored raw-unit means of the shared columns (see {@link #match(List, List)}). */
    public static Matching matchByMeans(List<ClusterProfile> oldProfiles, List<ClusterProfile> newProfiles) {
        Set<String> shared = new LinkedHashSet<>();
        if (!oldProfiles.isEmpty()) {
            shared.addAll(oldProfiles.get(0).means().keySet());
        }
        for (ClusterProfile p : oldProfiles) {
            shared.retainAll(p.means().keySet());
        }
        for (ClusterProfile p : newProfiles) {
            shared.retainAll(p.means().keySet());
        }
        List<String> columns = new ArrayList<>();
        List<double[]> oldCols = new ArrayList<>();
        List<double[]> newCols = new ArrayList<>();
        for (String c : shared) {
            double[] o = oldProfiles.stream().mapToDouble(p -> p.means().get(c)).toArray();
            double[] n = newProfiles.stream().mapToDouble(p -> p.means().get(c)).toArray();
            double sum = 0;
            int count = 0;
            for (double v : concat(o, n)) {
                if (Double.isFinite(v)) {
                    sum += v;
                    count++;
                }
            }
            if (count < 2) {
                continue;
            }
            double mean = sum / count;
            double ss = 0;
            for (double v : concat(o, n)) {
                if (Double.isFinite(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            double sd = Math.sqrt(ss / count);
            if (!(sd > 0)) {
                continue;
            }
            for (int i = 0; i < o.length; i++) {
                // an empty cluster's NaN mean sits at the pooled mean: it says nothing either way
                o[i] = Double.isFinite(o[i]) ? (o[i] - mean) / sd : 0;
            }
            for (int i = 0; i < n.length; i++) {
                n[i] = Double.isFinite(n[i]) ? (n[i] - mean) / sd : 0;
            }
            columns.add(c);
            oldCols.add(o);
            newCols.add(n);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the two runs share no numeric column that varies between clusters,"
                    + " so their clusters cannot be matched");
        }
        int d = columns.size();
        int oldK = oldProfiles.size();
        int newK = newProfiles.size();
        double[] oc = new double[oldK * d];
        double[] nc = new double[newK * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < oldK; i++) {
                oc[i * d + j] = oldCols.get(j)[i];
            }
            for (int i = 0; i < newK; i++) {
                nc[i * d + j] = newCols.get(j)[i];
            }
        }
        return match(oc, oldK, nc, newK, d);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> features(List<ClusterProfile> profiles) {
        return profiles.isEmpty() ? List.of() : List.copyOf(profiles.get(0).centroidScaled().keySet());
    }

    private static double[] centroids(List<ClusterProfile> profiles, int d) {
        double[] out = new double[profiles.size() * d];
        for (int i = 0; i < profiles.size(); i++) {
            int j = 0;
            for (double v : profiles.get(i).centroidScaled().values()) {
                out[i * d + j++] = v;
            }
        }
        return out;
    }

    private static Matching fromCost(double[][] cost, int oldK, int newK, double threshold) {
        int[] newForOld = new int[oldK];
        int[] oldForNew = new int[newK];
        double[] distance = new double[oldK];
        Arrays.fill(newForOld, -1);
        Arrays.fill(oldForNew, -1);
        Arrays.fill(distance, Double.NaN);
        if (oldK > 0 && newK > 0) {
            // Pairs beyond the threshold cost no more than leaving both unmatched (threshold^2), so one
            // cluster that moved far cannot drag a good pair apart to lower a huge squared distance.
            double cap = Math.min(threshold * threshold, UNUSABLE);
            double[][] capped = new double[oldK][newK];
            for (int i = 0; i < oldK; i++) {
                for (int j = 0; j < newK; j++) {
                    capped[i][j] = Math.min(cost[i][j], cap);
                }
            }
            int[] assignment;
            if (oldK <= newK) {
                assignment = hungarian(capped);
            } else {
                // the solver wants no more rows than columns: solve the transpose and read it back
                double[][] t = new double[newK][oldK];
                for (int i = 0; i < oldK; i++) {
                    for (int j = 0; j < newK; j++) {
                        t[j][i] = capped[i][j];
                    }
                }
                int[] oldOfNew = hungarian(t);
                assignment = new int[oldK];
                Arrays.fill(assignment, -1);
                for (int j = 0; j < newK; j++) {
                    assignment[oldOfNew[j]] = j;
                }
            }
            for (int i = 0; i < oldK; i++) {
                int j = assignment[i];
                if (j < 0) {
                    continue;
                }
                distance[i] = cost[i][j] >= UNUSABLE ? Double.NaN : Math.sqrt(cost[i][j]);
                if (distance[i] <= threshold) {
                    newForOld[i] = j;
                    oldForNew[j] = i;
                }
            }
        }
        return new Matching(newForOld, oldForNew, distance, threshold);
    }

    /**
     * Minimum-cost assignment of every row to a distinct column (rows <= columns), by the Hungarian
     * algorithm with potentials (Kuhn-Munkres, O(rows^2 x columns)).
     *
     * @return the column of each row
     */
    static int[] hungarian(double[][] cost) {
        int n = cost.length;
        int m = n == 0 ? 0 : cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException(n + " rows for " + m + " columns: transpose first");
        }
        // 1-based arrays; column 0 is the virtual start of each augmenting path
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // row matched to column j
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }

    private static double squaredDistance(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            double diff = a[i * d + f] - b[j * d + f];
            s += diff * diff;
        }
        return s;
    }

    private static double medianPairDistance(double[] c, int k, int d) {
        double[] pairs = new double[k * (k - 1) / 2];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double dist = Math.sqrt(squaredDistance(c, i, c, j, d));
                if (Double.isFinite(dist)) { // an empty cluster's NaN centroid has no distance
                    pairs[n++] = dist;
                }
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(pairs, 0, n);
        return n % 2 == 1 ? pairs[n / 2] : (pairs[n / 2 - 1] + pairs[n / 2]) / 2;
    }
}
