package org.segmentlab.segment;

import java.util.List;
import org.segmentlab.data.DataTable;
import org.segmentlab.prep.PreparedData;

/** Cluster profiles: sizes, raw-unit means, scaled centroids, distinguishing traits. */
public final class Profiles {

    private Profiles() {
    }

    /**
     * @param labels    cluster of each prepared row (length prepared.rows())
     * @param centroids row-major k x prepared.cols(), in the scaled space
     */
    public static List<ClusterProfile> compute(DataTable table, PreparedData prepared, int[] labels, int k,
                                               double[] centroids) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
