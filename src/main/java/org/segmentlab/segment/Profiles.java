package org.segmentlab.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.Matrix;
import org.segmentlab.prep.Expression;
import org.segmentlab.prep.PreparedData;

/**
 * Cluster profiles: sizes, raw-unit means, scaled centroids, distinguishing traits. Reads the table,
 * the prepared data and the labels; modifies nothing. Stateless.
 *
 * <p>Traits are measured on the prepared but unscaled values of the clustered rows, so they read the
 * same whatever the scaling: z = (cluster mean - population mean) / population sd (n denominator).
 */
public final class Profiles {

    private Profiles() {
    }

    /**
     * @param table     the table the data were prepared from
     * @param labels    cluster of each prepared row (length prepared.rows()), each in 0..k-1
     * @param centroids row-major k x prepared.cols(), in the scaled space
     * @return one profile per cluster, in cluster order
     * @throws IllegalArgumentException when the sizes do not fit or a label is out of range
     */
    public static List<ClusterProfile> compute(DataTable table, PreparedData prepared, int[] labels, int k,
                                               double[] centroids) {
        int n = prepared.rows();
        int d = prepared.cols();
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " prepared rows");
        }
        if (centroids.length != k * d) {
            throw new IllegalArgumentException("centroids hold " + centroids.length + " values, not k x features = "
                    + k * d);
        }
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("label " + c + " of row " + i + " is not in 0.." + (k - 1));
            }
            size[c]++;
        }
        int[] rows = prepared.sourceRows();

        // Raw-unit means of the table's numeric columns and of the derived columns.
        Map<String, double[]> rawMeans = new LinkedHashMap<>();
        for (Column col : table.columns()) {
            if (col.isNumeric() && col.type() != ColumnType.IDENTIFIER && col.type() != ColumnType.EMPTY) {
                rawMeans.put(col.name(), clusterMeans(col.numbersView(), rows, labels, k));
            }
        }
        for (String name : derivedOrder(prepared)) {
            rawMeans.put(name, clusterMeans(prepared.derivedValues().get(name), rows, labels, k));
        }

        // Population and cluster means and the population sd of the prepared features, computed on the
        // scaled matrix and mapped back to prepared units (an affine map: z is the same either way).
        Matrix x = prepared.scaledMatrix();
        double[] popMean = new double[d];
        double[] popSd = new double[d];
        double[][] clusterMean = new double[k][d];
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            double[] xb = x.blockOf(i);
            int o = x.offset(i);
            for (int j = 0; j < d; j++) {
                double v = xb[o + j];
                popMean[j] += v;
                clusterMean[c][j] += v;
            }
        }
        for (int j = 0; j < d; j++) {
            popMean[j] /= n;
            for (int c = 0; c < k; c++) {
                clusterMean[c][j] = size[c] == 0 ? Double.NaN : clusterMean[c][j] / size[c];
            }
        }
        for (int i = 0; i < n; i++) {
            double[] xb = x.blockOf(i);
            int o = x.offset(i);
            for (int j = 0; j < d; j++) {
                double dv = xb[o + j] - popMean[j];
                popSd[j] += dv * dv;
            }
        }
        for (int j = 0; j < d; j++) {
            popSd[j] = Math.sqrt(popSd[j] / n);
        }

        List<String> features = prepared.featureNames();
        List<ClusterProfile> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            Map<String, Double> means = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : rawMeans.entrySet()) {
                means.put(e.getKey(), e.getValue()[c]);
            }
            Map<String, Double> centroid = new LinkedHashMap<>();
            List<ClusterProfile.Trait> traits = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                centroid.put(features.get(j), centroids[c * d + j]);
                double z = popSd[j] > 0 ? (clusterMean[c][j] - popMean[j]) / popSd[j] : 0.0;
                traits.add(new ClusterProfile.Trait(features.get(j), z, prepared.unscale(j, clusterMean[c][j]),
                        prepared.unscale(j, popMean[j])));
            }
            // |z| descending; an empty cluster's NaN traits go last; ties keep feature order (stable sort).
            traits.sort(Comparator.comparingDouble((ClusterProfile.Trait t) -> Double.isNaN(t.z()) ? 1 : 0)
                    .thenComparingDouble(t -> -Math.abs(t.z())));
            out.add(new ClusterProfile(c, size[c], (double) size[c] / n, means, centroid, traits));
        }
        return List.copyOf(out);
    }

    /** Derived columns in the order they were defined (the record's map does not keep it). */
    private static List<String> derivedOrder(PreparedData prepared) {
        Set<String> order = new LinkedHashSet<>();
        if (prepared.fitted() != null) {
            for (Expression e : prepared.fitted().derived()) {
                if (prepared.derivedValues().containsKey(e.name())) {
                    order.add(e.name());
                }
            }
        }
        prepared.derivedValues().keySet().stream().sorted().forEach(order::add);
        return List.copyOf(order);
    }

    /** Per-cluster mean of a table-length column over the clustered rows, missing cells ignored. */
    private static double[] clusterMeans(double[] values, int[] rows, int[] labels, int k) {
        double[] sum = new double[k];
        long[] count = new long[k];
        for (int i = 0; i < rows.length; i++) {
            double v = values[rows[i]];
            if (!Double.isNaN(v)) {
                sum[labels[i]] += v;
                count[labels[i]]++;
            }
        }
        for (int c = 0; c < k; c++) {
            sum[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return sum;
    }
}
