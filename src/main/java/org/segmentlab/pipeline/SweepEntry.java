package org.segmentlab.pipeline;

import org.segmentlab.cluster.KMeansResult;

/**
 * One k of a sweep.
 *
 * @param k                  number of clusters
 * @param fit                the k-means fit
 * @param silhouette         mean silhouette over {@link SweepResult#silhouetteRows()}; NaN for k = 1 or when off
 * @param silhouetteSamples  one silhouette per entry of {@link SweepResult#silhouetteRows()}, null when off
 *                           or k = 1
 * @param calinskiHarabasz   Calinski-Harabasz on all rows (NaN for k = 1)
 * @param daviesBouldin      Davies-Bouldin on all rows (NaN for k = 1)
 * @param silhouetteSeconds  this k's share of the shared silhouette pass (the pass time divided evenly
 *                           over the labellings it scored)
 */
public record SweepEntry(int k, KMeansResult fit, double silhouette, double[] silhouetteSamples,
                         double calinskiHarabasz, double daviesBouldin, double silhouetteSeconds) {

    public SweepEntry {
        silhouetteSamples = silhouetteSamples == null ? null : silhouetteSamples.clone();
    }

    @Override
    public double[] silhouetteSamples() {
        return silhouetteSamples == null ? null : silhouetteSamples.clone();
    }

    public double inertia() {
        return fit.inertia();
    }

    public int[] labels() {
        return fit.labels();
    }

    public int[] sizes() {
        return fit.sizes();
    }

    public boolean hasSilhouette() {
        return silhouetteSamples != null;
    }
}
