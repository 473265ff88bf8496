package org.segmentlab.pca;

/**
 * A principal component analysis. Signs are fixed so that the largest absolute loading of each
 * component is positive. Immutable: the accessors without "View" return copies.
 *
 * <p>A final class rather than a record so that {@link Pca} can hand over the score matrix it has just
 * made without a defensive copy: at 1,000,000 rows x 5 components that copy was a second 40 MB array,
 * written in one uninterruptible block (see BENCHMARKS.md, "Responsiveness").
 *
 * <ul>
 * <li>{@code mean}: per-feature mean that was subtracted;</li>
 * <li>{@code explainedVariance}: variance along each component (n - 1 denominator, as scikit-learn);</li>
 * <li>{@code explainedVarianceRatio}: share of the total variance per component;</li>
 * <li>{@code loadings}: row-major components x d (unit vectors);</li>
 * <li>{@code scores}: row-major n x components, each row projected on the components.</li>
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
    private final double[] scores;

    /** Copies every array it is given. */
    public PcaResult(int components, int d, int n, double[] mean, double[] explainedVariance,
                     double[] explainedVarianceRatio, double[] loadings, double[] scores) {
        this(components, d, n, mean, explainedVariance, explainedVarianceRatio, loadings, scores.clone(), true);
    }

    /** Takes {@code ownedScores} as it is: the caller must hold no other reference to it. */
    private PcaResult(int components, int d, int n, double[] mean, double[] explainedVariance,
                      double[] explainedVarianceRatio, double[] loadings, double[] ownedScores, boolean owned) {
        if (ownedScores.length != (long) n * components || loadings.length != (long) components * d) {
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
        this.scores = ownedScores;
    }

    /** For {@link Pca}: the scores array is handed over, not copied. */
    static PcaResult owningScores(int components, int d, int n, double[] mean, double[] explainedVariance,
                                  double[] explainedVarianceRatio, double[] loadings, double[] scores) {
        return new PcaResult(components, d, n, mean, explainedVariance, explainedVarianceRatio, loadings, scores,
                true);
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

    /** The scores themselves, not copied: callers must not modify them (charts read millions). */
    public double[] scoresView() {
        return scores;
    }

    public double[] scores() {
        return scores.clone();
    }

    /** Loading of feature j on component c. */
    public double loading(int c, int j) {
        return loadings[c * d + j];
    }
}
