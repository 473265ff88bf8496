package org.segmentlab.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.Expression;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.prep.PreparedData;

/**
 * Everything needed to assign a new customer to a segment: the fitted preparation (columns, fill
 * values, derived expressions, log1p, one-hot, centre/scale), the centroids in the scaled space, the
 * segment (persona) names and, optionally, the PCA that places the customer on the scatter.
 * Immutable and thread-safe: {@link #assign} may be called from many threads.
 */
public final class ClusterModel {

    /**
     * Where one customer belongs.
     *
     * @param cluster   the nearest centroid's number, or -1 when the row cannot be prepared
     * @param segment   the cluster's segment name, or null when {@code cluster} is -1
     * @param distances Euclidean distance to each centroid in the scaled space (empty when -1)
     * @param pcaScores the customer's position on the principal components (empty without PCA or when -1)
     * @param problem   why the row cannot be prepared, in plain words; null when it was assigned
     */
    public record Assignment(int cluster, String segment, double[] distances, double[] pcaScores, String problem) {
        public Assignment {
            distances = distances.clone();
            pcaScores = pcaScores.clone();
        }

        @Override
        public double[] distances() {
            return distances.clone();
        }

        @Override
        public double[] pcaScores() {
            return pcaScores.clone();
        }

        public boolean assigned() {
            return cluster >= 0;
        }

        /** Distance to the assigned centroid, NaN when not assigned. */
        public double distance() {
            return cluster >= 0 ? distances[cluster] : Double.NaN;
        }
    }

    private final FittedPreparation preparation;
    private final int k;
    private final int d;
    private final double[] centroids;
    private final List<String> segmentNames;
    private final int pcaComponents;
    private final double[] pcaMean;
    private final double[] pcaLoadings;
    private final Instant created;

    /**
     * @param preparation   how raw rows become feature vectors
     * @param k             number of clusters
     * @param centroids     row-major k x d in the scaled space (copied)
     * @param segmentNames  one name per cluster; null or blank entries become "Cluster n"
     * @param pcaComponents number of principal components (0 for none)
     * @param pcaMean       per-feature mean the PCA subtracted (d values; ignored when 0 components)
     * @param pcaLoadings   row-major components x d
     * @param created       when the model was made
     * @throws IllegalArgumentException when the sizes do not agree or a number is not finite
     */
    public ClusterModel(FittedPreparation preparation, int k, double[] centroids, List<String> segmentNames,
                        int pcaComponents, double[] pcaMean, double[] pcaLoadings, Instant created) {
        this.preparation = Objects.requireNonNull(preparation, "preparation");
        this.created = Objects.requireNonNull(created, "created");
        this.d = preparation.features().size();
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (d < 1) {
            throw new IllegalArgumentException("the model has no features");
        }
        this.k = k;
        if (centroids.length != (long) k * d) {
            throw new IllegalArgumentException("centroids hold " + centroids.length + " values, expected k x d = "
                    + k + " x " + d);
        }
        for (double v : centroids) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a centroid coordinate is not a finite number");
            }
        }
        this.centroids = centroids.clone();
        List<String> names = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            String n = segmentNames != null && c < segmentNames.size() ? segmentNames.get(c) : null;
            names.add(n == null || n.isBlank() ? defaultName(c) : n);
        }
        if (segmentNames != null && segmentNames.size() > k) {
            throw new IllegalArgumentException(segmentNames.size() + " segment names for " + k + " clusters");
        }
        this.segmentNames = List.copyOf(names);
        if (pcaComponents < 0) {
            throw new IllegalArgumentException("negative number of PCA components");
        }
        this.pcaComponents = pcaComponents;
        if (pcaComponents > 0) {
            if (pcaMean.length != d || pcaLoadings.length != (long) pcaComponents * d) {
                throw new IllegalArgumentException("the PCA does not have " + d + " features");
            }
            this.pcaMean = pcaMean.clone();
            this.pcaLoadings = pcaLoadings.clone();
        } else {
            this.pcaMean = new double[0];
            this.pcaLoadings = new double[0];
        }
    }

    /**
     * The model of a finished analysis.
     *
     * @param prepared     the preparation the clustering ran on (its {@code fitted()} is kept)
     * @param fit          the k-means result; its centroids must be in the prepared (scaled) space
     * @param pcaOrNull    the PCA fitted on the same scaled matrix, or null
     * @param segmentNames one name per cluster (persona names), or null for "Cluster n"
     */
    public static ClusterModel of(PreparedData prepared, KMeansResult fit, PcaResult pcaOrNull,
                                  List<String> segmentNames) {
        if (fit.d() != prepared.cols()) {
            throw new IllegalArgumentException("the clustering has " + fit.d() + " features, the preparation "
                    + prepared.cols());
        }
        if (pcaOrNull != null && pcaOrNull.d() != prepared.cols()) {
            throw new IllegalArgumentException("the PCA has " + pcaOrNull.d() + " features, the preparation "
                    + prepared.cols());
        }
        return new ClusterModel(prepared.fitted(), fit.k(), fit.centroids(), segmentNames,
                pcaOrNull == null ? 0 : pcaOrNull.components(),
                pcaOrNull == null ? null : pcaOrNull.mean(), pcaOrNull == null ? null : pcaOrNull.loadings(),
                Instant.now());
    }

    static String defaultName(int cluster) {
        return "Cluster " + cluster;
    }

    /**
     * Assigns one raw row (column name to a Number, a String or null; not modified): prepares it as
     * the training rows were prepared, then picks the nearest centroid (squared Euclidean distance,
     * ties to the lower cluster number, as k-means labels).
     */
    public Assignment assign(Map<String, ?> rawRow) {
        double[] x = preparation.transform(rawRow);
        if (x == null) {
            return unassigned(problem(rawRow));
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                return unassigned(preparation.features().get(j).name()
                        + " cannot be computed for this row (log1p of a value below -1?)");
            }
        }
        return assignPrepared(x);
    }

    /** Assigns an already prepared (scaled) feature vector of length d (not modified). */
    public Assignment assignPrepared(double[] x) {
        double[] sq = squaredDistances(x);
        int best = nearest(sq);
        double[] dist = new double[k];
        for (int c = 0; c < k; c++) {
            dist[c] = Math.sqrt(sq[c]);
        }
        return new Assignment(best, segmentNames.get(best), dist, pcaScores(x), null);
    }

    /** Squared Euclidean distance from x to every centroid, summed over features in order. */
    public double[] squaredDistances(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + x.length);
        }
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            int off = c * d;
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = x[j] - centroids[off + j];
                s += t * t;
            }
            out[c] = s;
        }
        return out;
    }

    /** The index of the smallest value; the first one on ties. */
    static int nearest(double[] sq) {
        int best = 0;
        for (int c = 1; c < sq.length; c++) {
            if (sq[c] < sq[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The prepared vector's PCA scores: (x - mean) times each component. Empty without PCA. */
    public double[] pcaScores(double[] x) {
        double[] s = new double[pcaComponents];
        for (int p = 0; p < pcaComponents; p++) {
            double v = 0;
            for (int j = 0; j < d; j++) {
                v += (x[j] - pcaMean[j]) * pcaLoadings[p * d + j];
            }
            s[p] = v;
        }
        return s;
    }

    private Assignment unassigned(String problem) {
        return new Assignment(-1, null, new double[0], new double[0], problem);
    }

    /** Why {@link FittedPreparation#transform} refused a row: the first value whose rows were dropped. */
    private String problem(Map<String, ?> raw) {
        Map<String, Double> derived = new HashMap<>();
        Map<String, Expression> byName = new HashMap<>();
        for (Expression e : preparation.derived()) {
            double v = e.evaluate(c -> derived.containsKey(c) ? derived.get(c) : FittedPreparation.number(raw.get(c)));
            derived.put(e.name(), v);
            byName.put(e.name(), e);
        }
        for (FittedPreparation.Feature f : preparation.features()) {
            if (!f.dropIfMissing()) {
                continue;
            }
            String src = f.source();
            if (f.isOneHot()) {
                Object v = raw.get(src);
                if (v == null || v.toString().isBlank()) {
                    return src + " is missing and rows missing it were dropped in training";
                }
            } else if (byName.containsKey(src)) {
                if (Double.isNaN(derived.get(src))) {
                    return src + " (= " + byName.get(src).text() + ") is missing for this row (a value it reads"
                            + " is missing or not a number, or e.g. a division by zero) and rows missing it were"
                            + " dropped in training";
                }
            } else {
                Object v = raw.get(src);
                if (v == null || v.toString().isBlank() || v instanceof Number n && Double.isNaN(n.doubleValue())) {
                    return src + " is missing and rows missing it were dropped in training";
                }
                if (Double.isNaN(FittedPreparation.number(v))) {
                    return src + " is '" + v + "', not a number, and rows missing it were dropped in training";
                }
            }
        }
        return "the row cannot be prepared";
    }


    public FittedPreparation preparation() {
        return preparation;
    }

    public int k() {
        return k;
    }

    /** Number of features (dimensions of the scaled space). */
    public int d() {
        return d;
    }

    public List<String> featureNames() {
        return preparation.features().stream().map(FittedPreparation.Feature::name).toList();
    }

    /** The columns a raw row must provide. */
    public List<String> inputColumns() {
        return preparation.inputColumns();
    }

    /** Row-major k x d centroids in the scaled space (a copy). */
    public double[] centroids() {
        return centroids.clone();
    }

    /** Centroid of cluster c (a copy). */
    public double[] centroid(int c) {
        double[] out = new double[d];
        System.arraycopy(centroids, c * d, out, 0, d);
        return out;
    }

    public List<String> segmentNames() {
        return segmentNames;
    }

    public String segmentName(int cluster) {
        return segmentNames.get(cluster);
    }

    public int pcaComponents() {
        return pcaComponents;
    }

    /** The PCA's mean (a copy; empty without PCA). */
    public double[] pcaMean() {
        return pcaMean.clone();
    }

    /** The PCA's loadings, row-major components x d (a copy; empty without PCA). */
    public double[] pcaLoadings() {
        return pcaLoadings.clone();
    }

    public Instant created() {
        return created;
    }
}
