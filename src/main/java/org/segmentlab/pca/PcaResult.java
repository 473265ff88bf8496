package org.segmentlab.pca;

/**
 * A principal component analysis. Signs are fixed so that the largest absolute loading of each
 * component is positive.
 *
 * @param mean                    per-feature mean that was subtracted
 * @param explainedVariance       variance along each component (n - 1 denominator, as scikit-learn)
 * @param explainedVarianceRatio  share of the total variance per component
 * @param loadings                row-major components x d (unit vectors)
 * @param scores                  row-major n x components: each row projected on the components
 */
public record PcaResult(int components, int d, int n, double[] mean, double[] explainedVariance,
                        double[] explainedVarianceRatio, double[] loadings, double[] scores) {

    public PcaResult {
        mean = mean.clone();
        explainedVariance = explainedVariance.clone();
        explainedVarianceRatio = explainedVarianceRatio.clone();
        loadings = loadings.clone();
        scores = scores.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    @Override
    public double[] loadings() {
        return loadings.clone();
    }

    /** The scores themselves, not copied: callers must not modify them (charts read millions). */
    public double[] scoresView() {
        return scores;
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** Loading of feature j on component c. */
    public double loading(int c, int j) {
        return loadings[c * d + j];
    }
}
