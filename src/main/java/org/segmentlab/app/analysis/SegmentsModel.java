package org.segmentlab.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.prep.Numbers;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Persona;
import org.segmentlab.segment.PersonaDrafter;

/**
 * Everything the Segments tab draws, computed from one {@link AnalysisResult} as primitive arrays on a
 * worker thread (O(n) copies, never on the FX thread for big data). Immutable once built; the arrays
 * are handed to the charts, which copy them. Point i is row i of the clustered matrix (table row
 * {@code sourceRows[i]}).
 *
 * @param k            clusters
 * @param personaNames drafted name per cluster ("Cash Advance Users")
 * @param names        name with the number in small print ("Cash Advance Users (2)"), for legends
 * @param labels       cluster per point
 * @param axisChoices  "PC1".."PCm" then every original numeric feature
 * @param axes         the two axes shown and their points
 * @param silhouette   silhouette per sampled row, with its cluster, and whether it is a sample
 * @param heatmap      per cluster and feature: z, raw means; population means per feature
 * @param hover        hover text per point
 */
public record SegmentsModel(int k, String[] personaNames, String[] names, int[] sizes, int[] labels,
                            List<String> axisChoices, Axes axes, double[] silhouette, int[] silhouetteCluster,
                            boolean silhouetteSampled, String[] features, double[][] z, double[][] rawMeans,
                            double[] populationMeans, IntFunction<String> hover) {

    /**
     * The two axes shown.
     *
     * @param warning     null, or why distances are approximate in this view
     * @param loadingNames null when an axis is not a principal component (no biplot arrows then)
     */
    public record Axes(int xIndex, int yIndex, double[] xs, double[] ys, String xLabel, String yLabel, String warning,
                       double[] cx, double[] cy, String[] loadingNames, double[] lx, double[] ly) {
    }

    /** Principal components explaining less than this together get a warning. */
    static final double LOW_EXPLAINED = 0.5;

    public static SegmentsModel build(AnalysisResult r, int xIndex, int yIndex) {
        int k = r.chosenK();
        List<ClusterProfile> profiles = r.profiles();
        List<Persona> personas = PersonaDrafter.draft(profiles);
        String[] personaNames = new String[k];
        String[] names = new String[k];
        for (int c = 0; c < k; c++) {
            personaNames[c] = c < personas.size() ? personas.get(c).name() : "Cluster " + c;
            names[c] = personaNames[c] + " (" + c + ")";
        }
        int[] labels = r.chosen().labels();
        int[] sizes = r.chosen().sizes();
        List<String> axisChoices = axisChoices(r);
        int xi = Math.min(xIndex, axisChoices.size() - 1);
        int yi = Math.min(yIndex, axisChoices.size() - 1);
        Axes axes = axes(r, axisChoices, xi, yi);

        double[] sil;
        int[] silCluster;
        double[] all = r.chosenSilhouettes();
        int[] rows = r.sweep().silhouetteRows();
        if (all == null || all.length != rows.length) {
            sil = new double[0];
            silCluster = new int[0];
        } else {
            sil = all;
            silCluster = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                silCluster[i] = labels[rows[i]];
            }
        }

        PreparedData p = r.prepared();
        List<String> featureList = p.featureNames();
        String[] features = featureList.toArray(String[]::new);
        double[][] z = new double[k][features.length];
        double[][] raw = new double[k][features.length];
        double[] population = new double[features.length];
        DataTable t = r.table();
        for (int j = 0; j < features.length; j++) {
            Optional<Column> col = t.column(features[j]);
            double pop = Double.NaN;
            if (col.isPresent() && col.get().isNumeric() && col.get().statistics() != null) {
                pop = col.get().statistics().mean();
            }
            for (int c = 0; c < k; c++) {
                ClusterProfile prof = profiles.get(c);
                ClusterProfile.Trait trait = prof.trait(features[j]);
                z[c][j] = trait == null ? Double.NaN : trait.z();
                Double mean = prof.means().get(features[j]);
                raw[c][j] = mean != null ? mean : trait == null ? Double.NaN : trait.clusterMean();
                if (Double.isNaN(pop) && trait != null) {
                    pop = trait.populationMean();
                }
            }
            population[j] = pop;
        }
        return new SegmentsModel(k, personaNames, names, sizes, labels, axisChoices, axes, sil, silCluster,
                r.sweep().silhouetteSampled(), features, z, raw, population, hover(r, names));
    }

    /**
     * The same model with the clusters named otherwise (the persona cards' names, by cluster number):
     * legends, hover text, bands and heatmap rows follow; nothing else is recomputed. Returns this model
     * when the count does not match k.
     *
     * @param r the result this model was built from (for the hover text)
     */
    public SegmentsModel withNames(AnalysisResult r, List<String> personaNamesByCluster) {
        if (personaNamesByCluster == null || personaNamesByCluster.size() != k) {
            return this;
        }
        String[] pn = new String[k];
        String[] n = new String[k];
        for (int c = 0; c < k; c++) {
            String given = personaNamesByCluster.get(c);
            pn[c] = given == null || given.isBlank() ? "Cluster " + c : given;
            n[c] = pn[c] + " (" + c + ")";
        }
        if (java.util.Arrays.equals(pn, personaNames)) {
            return this;
        }
        return new SegmentsModel(k, pn, n, sizes, labels, axisChoices, axes, silhouette, silhouetteCluster,
                silhouetteSampled, features, z, rawMeans, populationMeans, hover(r, n));
    }

    /** The same model with other axes (the rest is shared, not recomputed). */
    public SegmentsModel withAxes(AnalysisResult r, int xIndex, int yIndex) {
        return new SegmentsModel(k, personaNames, names, sizes, labels, axisChoices,
                axes(r, axisChoices, xIndex, yIndex), silhouette, silhouetteCluster, silhouetteSampled, features, z,
                rawMeans, populationMeans, hover);
    }

    static List<String> axisChoices(AnalysisResult r) {
        List<String> out = new ArrayList<>();
        PcaResult pca = r.pca();
        int m = pca == null ? 0 : pca.components();
        for (int c = 0; c < m; c++) {
            out.add("PC" + (c + 1));
        }
        for (String f : r.prepared().featureNames()) {
            Optional<Column> col = r.table().column(f);
            if (col.isPresent() && col.get().isNumeric()) {
                out.add(f);
            }
        }
        return out;
    }

    static Axes axes(AnalysisResult r, List<String> choices, int xi, int yi) {
        int m = r.pca() == null ? 0 : r.pca().components();
        double[] xs = values(r, choices, xi);
        double[] ys = values(r, choices, yi);
        String xLabel = label(r, choices, xi);
        String yLabel = label(r, choices, yi);
        double[] cx = centroids(r, choices, xi);
        double[] cy = centroids(r, choices, yi);
        String warning = null;
        String[] names = null;
        double[] lx = null;
        double[] ly = null;
        if (xi < m && yi < m) {
            double[] ev = r.pca().explainedVarianceRatio();
            double both = xi == yi ? ev[xi] : ev[xi] + ev[yi];
            if (both < LOW_EXPLAINED) {
                warning = choices.get(xi) + (xi == yi ? " explains" : " and " + choices.get(yi) + " explain") + " only "
                        + Numbers.percent(both) + " of the variance: distances here are approximate";
            }
            List<String> f = r.prepared().featureNames();
            names = f.toArray(String[]::new);
            lx = new double[names.length];
            ly = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                lx[j] = r.pca().loading(xi, j);
                ly[j] = r.pca().loading(yi, j);
            }
        }
        return new Axes(xi, yi, xs, ys, xLabel, yLabel, warning, cx, cy, names, lx, ly);
    }

    private static String label(AnalysisResult r, List<String> choices, int i) {
        int m = r.pca() == null ? 0 : r.pca().components();
        if (i < m) {
            return choices.get(i) + " (" + Numbers.percent(r.pca().explainedVarianceRatio()[i]) + ")";
        }
        return choices.get(i);
    }

    /** PC scores, or a feature's raw values on the clustered rows (NaN where missing: not drawn). */
    private static double[] values(AnalysisResult r, List<String> choices, int i) {
        int n = r.prepared().rows();
        double[] out = new double[n];
        PcaResult pca = r.pca();
        int m = pca == null ? 0 : pca.components();
        if (i < m) {
            System.arraycopy(pca.componentView(i), 0, out, 0, n);
        } else {
            double[] v = r.table().column(choices.get(i)).orElseThrow().numbersView();
            int[] src = r.prepared().sourceRows();
            for (int row = 0; row < n; row++) {
                out[row] = v[src[row]];
            }
        }
        return out;
    }

    /** Centroids projected on a component ((centroid - mean) . loading), or the clusters' raw means. */
    private static double[] centroids(AnalysisResult r, List<String> choices, int i) {
        int k = r.chosenK();
        double[] out = new double[k];
        PcaResult pca = r.pca();
        int m = pca == null ? 0 : pca.components();
        if (i < m) {
            int d = r.prepared().cols();
            double[] cent = r.chosen().centroids();
            double[] mean = pca.mean();
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (cent[c * d + j] - mean[j]) * pca.loading(i, j);
                }
                out[c] = s;
            }
        } else {
            String f = choices.get(i);
            for (int c = 0; c < k; c++) {
                Double v = r.profiles().get(c).means().get(f);
                out[c] = v == null ? Double.NaN : v;
            }
        }
        return out;
    }

    /**
     * "C10001 · Cash Advance Users (cluster 2) · BALANCE 3,202 · CASH_ADVANCE 6,443 · PURCHASES 0": the
     * identifier (else "row N"), the cluster and its 3 most distinguishing features in raw units.
     */
    static IntFunction<String> hover(AnalysisResult r, String[] names) {
        DataTable t = r.table();
        Column id = t.identifierColumn().orElse(null);
        int[] src = r.prepared().sourceRows();
        int[] labels = r.chosen().labels();
        int k = r.chosenK();
        String[] personaOnly = new String[k];
        String[][] featureNames = new String[k][];
        double[][][] featureValues = new double[k][][];
        boolean[][] byPoint = new boolean[k][];
        for (int c = 0; c < k; c++) {
            String n = names[c];
            personaOnly[c] = n.substring(0, n.lastIndexOf(" (")) + " (cluster " + c + ")";
            List<ClusterProfile.Trait> traits = r.profiles().get(c).distinguishing();
            int top = Math.min(3, traits.size());
            featureNames[c] = new String[top];
            featureValues[c] = new double[top][];
            byPoint[c] = new boolean[top];
            for (int f = 0; f < top; f++) {
                String name = traits.get(f).feature();
                featureNames[c][f] = name;
                featureValues[c][f] = rawColumn(r, name);
                byPoint[c][f] = isMatrix(r, name);
            }
        }
        return i -> {
            if (i < 0 || i >= labels.length) {
                return null;
            }
            int row = src[i];
            int c = labels[i];
            StringBuilder sb = new StringBuilder();
            String who = id == null ? "" : id.text(row);
            sb.append(who.isEmpty() ? "row " + Numbers.count(row + 1L) : who).append(" · ").append(personaOnly[c]);
            for (int f = 0; f < featureNames[c].length; f++) {
                double[] v = featureValues[c][f];
                double x = v == null ? Double.NaN : byPoint[c][f] ? v[i] : v[row];
                sb.append(" · ").append(featureNames[c][f]).append(' ').append(rawValue(x));
            }
            return sb.toString();
        };
    }

    /** True when the feature is read from the prepared matrix (indexed by point), not the table. */
    private static boolean isMatrix(AnalysisResult r, String feature) {
        Optional<Column> col = r.table().column(feature);
        return (col.isEmpty() || !col.get().isNumeric()) && r.prepared().derivedColumn(feature) == null;
    }

    /** A feature's raw values: a numeric table column or derived column by table row, else the prepared column by point. */
    private static double[] rawColumn(AnalysisResult r, String feature) {
        Optional<Column> col = r.table().column(feature);
        if (col.isPresent() && col.get().isNumeric()) {
            return col.get().numbersView();
        }
        double[] derived = r.prepared().derivedColumn(feature);
        if (derived != null) {
            return derived;
        }
        PreparedData p = r.prepared();
        int j = p.featureNames().indexOf(feature);
        if (j < 0) {
            return null;
        }
        return p.unscaledColumn(j);
    }

    /** Raw units as people read them: whole numbers with separators from 100 up, else 3 significant digits. */
    public static String rawValue(double v) {
        if (Double.isNaN(v)) {
            return "missing";
        }
        if (Math.abs(v) >= 100) {
            return Numbers.count(Math.round(v));
        }
        return Numbers.sig3(v);
    }
}
