package org.segmentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    // Three clusters in the plane; the first two share the centroid (0, 0).
    private static final double[] X = {-1, 0, 1, 0, 0, -2, 0, 2, 10, 0, 12, 0};
    private static final int[] L = {0, 0, 1, 1, 2, 2};

    @Test
    void daviesBouldinSkipsCoincidingCentroidsAsScikitLearn() {
        // spreads 1, 2, 1; centroid distances 0 (ignored), 11, 11: (2/11 + 3/11 + 3/11) / 3
        // (scikit-learn 1.2.1 gives 0.24242424242424243 for these points)
        assertEquals(8.0 / 33, ClusterScores.daviesBouldin(X, 6, 2, L, 3), 1e-15);
    }

    @Test
    void calinskiHarabaszByHand() {
        // overall mean (11/3, 0); between = 2 (11/3)^2 * 2 + 2 (22/3)^2; within = 2 + 8 + 2
        double between = 4 * Math.pow(11.0 / 3, 2) + 2 * Math.pow(22.0 / 3, 2);
        double expected = between * (6 - 3) / (12 * (3 - 1));
        assertEquals(expected, ClusterScores.calinskiHarabasz(X, 6, 2, L, 3), 1e-12);
        assertEquals(20.166666666666668, expected, 1e-12); // scikit-learn 1.2.1's figure
    }

    @Test
    void degenerateCases() {
        int[] one = {0, 0, 0, 0, 0, 0};
        assertTrue(Double.isNaN(ClusterScores.calinskiHarabasz(X, 6, 2, one, 1)));
        assertTrue(Double.isNaN(ClusterScores.daviesBouldin(X, 6, 2, one, 2)));
        // two clusters of repeated points: zero spread -> CH 1 and DB 0, as scikit-learn
        double[] x = {1, 1, 5, 5};
        int[] l = {0, 0, 1, 1};
        assertEquals(1.0, ClusterScores.calinskiHarabasz(x, 4, 1, l, 2));
        assertEquals(0.0, ClusterScores.daviesBouldin(x, 4, 1, l, 2));
    }
}
