package org.segmentlab.prep;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about turning a table into the feature matrix k-means sees. Immutable.
 *
 * @param features        the features to cluster on, in order; empty = every numeric column that is not
 *                        an identifier (plus derived and one-hot columns)
 * @param exclude         columns taken out of the default feature set
 * @param derived         derived columns, computed in order (later ones may use earlier ones)
 * @param defaultImpute   MEAN, MEDIAN or DROP
 * @param imputeOverrides per-column imputation
 * @param log1p           columns transformed with log1p before scaling
 * @param log1pAll        true: log1p on every numeric feature
 * @param oneHot          categorical columns expanded to 0/1 indicator features
 * @param scaling         how features are scaled
 */
public record PrepOptions(List<String> features, List<String> exclude, List<DerivedColumn> derived,
                          ImputeStrategy defaultImpute, Map<String, Imputation> imputeOverrides,
                          Set<String> log1p, boolean log1pAll, List<String> oneHot, Scaling scaling) {

    public PrepOptions {
        features = List.copyOf(features);
        exclude = List.copyOf(exclude);
        derived = List.copyOf(derived);
        imputeOverrides = Map.copyOf(imputeOverrides);
        log1p = Set.copyOf(log1p);
        oneHot = List.copyOf(oneHot);
        if (defaultImpute != ImputeStrategy.MEAN && defaultImpute != ImputeStrategy.MEDIAN
                && defaultImpute != ImputeStrategy.DROP) {
            throw new IllegalArgumentException("the default imputation must be mean, median or drop");
        }
    }

    /** The seeds' pipeline: all numeric non-identifier columns, mean imputation, z-score. */
    public static PrepOptions defaults() {
        return new PrepOptions(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false,
                List.of(), Scaling.ZSCORE);
    }
}
