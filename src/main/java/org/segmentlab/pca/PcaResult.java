package org.segmentlab.pca;

/**
 * A principal component analysis. Signs are fixed so that the largest absolute loading of each
 * component is positive. Immutable: the accessors without "View" return copies.
 *
 * <p>The scores are kept one array per component, and handed over by {@link Pca} without a defensive copy (a
 * final class rather than a record for that): at 1,000,000 rows x 5 components a row-major matrix and its copy
 * were two 40 MB arrays, each zeroed or copied in one stretch that no safepoint can interrupt, and a GC pause
 * requested meanwhile stopped every thread until it was done (see BENCHMARKS.md, "Responsiveness"). The charts
 * read one component at a time anyway.
 *
 * <ul>
 * <li>{@code mean}: per-feature mean that was subtracted;</li>
 * <li>{@code explainedVariance}: variance along each component (n - 1 denominator, as scikit-learn);</li>
 * <li>{@code explainedVarianceRatio}: share of the total variance per component;</li>
 * <li>{@code loadings}: row-major components x d (unit vectors);</li>
 * <li>scores: each row projected on the components ({@link #componentView}, {@link #score}).</li>
 * </ul>
 */
public final class PcaResult {

    private final int components;
    private final int d;
    private final int n;
    private final double[] mean;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final double[] loadings;
    /** One array of n scores per component. */
    private final double[][] columns;

    /** Copies every array it is given; {@code scores} is row-major n x components. */
    public PcaResult(int components, int d, int n, double[] mean, double[] explainedVariance,
                     double[] explainedVarianceRatio, double[] loadings, double[] scores) {
        this(components, d, n, mean, explainedVariance, explainedVarianceRatio, loadings,
                byComponent(scores, n, components));
    }

    /** Takes {@code columns} as they are: the caller must hold no other reference to them. */
    private PcaResult(int components, int d, int n, double[] mean, double[] explainedVariance,
                      double[] explainedVarianceRatio, double[] loadings, double[][] columns) {
        if (columns.length != components || loadings.length != (long) components * d
                || java.util.Arrays.stream(columns).anyMatch(c -> c.length != n)) {
            throw new IllegalArgumentException("scores or loadings do not match " + n + " x " + components
                    + " and " + components + " x " + d);
        }
        this.components = components;
        this.d = d;
        this.n = n;
        this.mean = mean.clone();
        this.explainedVariance = explainedVariance.clone();
        this.explainedVarianceRatio = explainedVarianceRatio.clone();
        this.loadings = loadings.clone();
        this.columns = columns;
    }

    /** For {@link Pca}: one array of n scores per component, handed over, not copied. */
    static PcaResult owningColumns(int components, int d, int n, double[] mean, double[] explainedVariance,
                                   double[] explainedVarianceRatio, double[] loadings, double[][] columns) {
        return new PcaResult(components, d, n, mean, explainedVariance, explainedVarianceRatio, loadings, columns);
    }

    private static double[][] byComponent(double[] scores, int n, int components) {
        if (scores.length != (long) n * components) {
            throw new IllegalArgumentException("scores hold " + scores.length + " values, not " + n + " x "
                    + components);
        }
        double[][] out = new double[components][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < components; c++) {
                out[c][i] = scores[i * components + c];
            }
        }
        return out;
    }

    public int components() {
        return components;
    }

    public int d() {
        return d;
    }

    public int n() {
        return n;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    public double[] loadings() {
        return loadings.clone();
    }

    /** Component c's score of every row, not copied: callers must not modify it (charts read millions). */
    public double[] componentView(int c) {
        return columns[c];
    }

    /** Row i's score on component c. */
    public double score(int i, int c) {
        return columns[c][i];
    }

    /** The scores row-major, n x components (a new array). */
    public double[] scores() {
        double[] out = new double[n * components];
        for (int c = 0; c < components; c++) {
            double[] col = columns[c];
            for (int i = 0; i < n; i++) {
                out[i * components + c] = col[i];
            }
        }
        return out;
    }

    /** Loading of feature j on component c. */
    public double loading(int c, int j) {
        return loadings[c * d + j];
    }
}
