package org.segmentlab.segment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster looks like, in the user's units.
 *
 * @param id              cluster number (0 = largest)
 * @param size            rows in the cluster
 * @param share           size / rows clustered
 * @param means           raw-unit mean of every numeric column of the table (used as a feature or not)
 *                        and of every derived column, in table order
 * @param centroidScaled  the centroid per feature, in the scaled space k-means saw
 * @param distinguishing  features ordered by how far the cluster's mean sits from the population's, in
 *                        population standard deviations (|z| descending)
 */
public record ClusterProfile(int id, int size, double share, Map<String, Double> means,
                             Map<String, Double> centroidScaled, List<Trait> distinguishing) {

    /** Copies the maps and list, keeping their order (table order, feature order, |z| order). */
    public ClusterProfile {
        means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
        centroidScaled = Collections.unmodifiableMap(new LinkedHashMap<>(centroidScaled));
        distinguishing = List.copyOf(distinguishing);
    }

    /** This cluster's trait for a feature, or null. */
    public Trait trait(String feature) {
        return distinguishing.stream().filter(t -> t.feature().equals(feature)).findFirst().orElse(null);
    }

    /**
     * One feature's distance from the population.
     *
     * @param z             (cluster mean - population mean) / population sd, on the prepared (unscaled) values
     * @param clusterMean   mean in the cluster of the prepared, unscaled values (raw units, after
     *                      imputation; log units for a log1p feature; 0..1 share for a one-hot one)
     * @param populationMean the same over all clustered rows
     */
    public record Trait(String feature, double z, double clusterMean, double populationMean) {
    }
}
