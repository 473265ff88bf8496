package org.segmentlab.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterMatcherTest {

    /** Four well separated centroids in 3-d. */
    private static final double[] FOUR = {
        0, 0, 0,
        5, 0, 0,
        0, 5, 0,
        0, 0, 5};

    private static double[] rows(double[] c, int d, int... order) {
        double[] out = new double[order.length * d];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(c, order[i] * d, out, i * d, d);
        }
        return out;
    }

    @Test
    void identityMatchesEveryClusterToItself() {
        ClusterMatcher.Matching m = ClusterMatcher.match(FOUR, 4, FOUR.clone(), 4, 3);
        for (int i = 0; i < 4; i++) {
            assertEquals(i, m.newFor(i));
            assertEquals(i, m.oldFor(i));
            assertEquals(0.0, m.distance()[i], 0.0);
        }
        assertEquals(List.of(), m.unmatchedOld());
        assertEquals(List.of(), m.unmatchedNew());
    }

    @Test
    void aPermutedAndSlightlyMovedRunIsReadBack() {
        int[] order = {2, 0, 3, 1}; // new cluster i is old cluster order[i]
        double[] moved = rows(FOUR, 3, order);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < moved.length; i++) {
            moved[i] += rnd.nextDouble(-0.3, 0.3);
        }
        double[] before = moved.clone();
        ClusterMatcher.Matching m = ClusterMatcher.match(FOUR, 4, moved, 4, 3);
        for (int neu = 0; neu < 4; neu++) {
            assertEquals(order[neu], m.oldFor(neu), m.toString());
            assertEquals(neu, m.newFor(order[neu]));
        }
        assertArrayEquals(before, moved, "the caller's array is not modified");
    }

    @Test
    void fourToFiveLeavesTheNewClusterUnmatched() {
        double[] five = new double[15];
        System.arraycopy(rows(FOUR, 3, 3, 1, 0, 2), 0, five, 0, 12);
        five[12] = 5;
        five[13] = 5;
        five[14] = 5; // a genuinely new cluster
        ClusterMatcher.Matching m = ClusterMatcher.match(FOUR, 4, five, 5, 3);
        assertEquals(List.of(), m.unmatchedOld());
        assertEquals(List.of(4), m.unmatchedNew());
        assertEquals(2, m.newFor(0));
        assertEquals(1, m.newFor(1));
        assertEquals(3, m.newFor(2));
        assertEquals(0, m.newFor(3));
    }

    @Test
    void fiveToFourLeavesTheVanishedClusterUnmatched() {
        double[] five = new double[15];
        System.arraycopy(FOUR, 0, five, 0, 12);
        five[12] = 5;
        five[13] = 5;
        five[14] = 5;
        ClusterMatcher.Matching m = ClusterMatcher.match(five, 5, rows(FOUR, 3, 1, 0, 3, 2), 4, 3);
        assertEquals(List.of(4), m.unmatchedOld());
        assertEquals(List.of(), m.unmatchedNew());
        assertEquals(-1, m.newFor(4));
        assertEquals(1, m.newFor(0));
        assertEquals(0, m.newFor(1));
        assertEquals(3, m.newFor(2));
        assertEquals(2, m.newFor(3));
    }

    @Test
    void aClusterThatMovedFarIsNoGoodMatch() {
        double[] moved = FOUR.clone();
        moved[3 * 3] = 40; // old cluster 3 now sits far from everything it was
        ClusterMatcher.Matching m = ClusterMatcher.match(FOUR, 4, moved, 4, 3);
        assertEquals(List.of(3), m.unmatchedOld());
        assertEquals(List.of(3), m.unmatchedNew());
        // the median distance between the previous centroids: pairs are 5 (x3) and 5*sqrt(2) (x3)
        assertEquals((5 + 5 * Math.sqrt(2)) / 2, m.threshold(), 1e-12);
        assertTrue(m.distance()[3] > m.threshold(), "the assignment paired them, the threshold undid it");
        for (int i = 0; i < 3; i++) {
            assertEquals(i, m.newFor(i));
        }
    }

    @Test
    void optimalAssignmentBeatsGreedyNearestFirst() {
        // On a line: greedy pairs the closest couple (B, x: 0.1 apart) and is left with A-y (3.9 apart),
        // a total squared cost of 15.22; pairing A-x and B-y costs 1.9^2 + 1.9^2 = 7.22.
        double[] old = {0, 0, 2, 0, 100, 0};      // A, B, C
        double[] neu = {1.9, 0, 3.9, 0, 100, 0};  // x, y, z
        ClusterMatcher.Matching m = ClusterMatcher.match(old, 3, neu, 3, 2);
        assertEquals(0, m.newFor(0));
        assertEquals(1, m.newFor(1));
        assertEquals(2, m.newFor(2));
        assertEquals(List.of(), m.unmatchedOld());
    }

    @Test
    void hungarianFindsTheMinimumOfBruteForceOnRandomRectangles() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(5);
            int m = n + rnd.nextInt(3);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = rnd.nextInt(20); // small integers: many ties
                }
            }
            int[] a = ClusterMatcher.hungarian(cost);
            assertEquals(n, java.util.Arrays.stream(a).distinct().count(), "distinct columns");
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += cost[i][a[i]];
            }
            assertEquals(bruteForce(cost, 0, new boolean[m]), total, 1e-9);
        }
    }

    private static double bruteForce(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void wrongSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClusterMatcher.match(FOUR, 4, FOUR, 4, 2));
    }

    private static ClusterProfile profile(int id, Map<String, Double> means, List<String> features, double... centroid) {
        Map<String, Double> c = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            c.put(features.get(j), centroid[j]);
        }
        return new ClusterProfile(id, 10, 0.25, means, c, List.of());
    }

    private static Map<String, Double> means(double balance, double purchases, double freq) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("BALANCE", balance);
        m.put("PURCHASES", purchases);
        m.put("PURCHASES_FREQUENCY", freq);
        return m;
    }

    @Test
    void anotherFeatureSetIsMatchedByTheSharedRawMeans() {
        // old run clustered on BALANCE and PURCHASES; the new one on PURCHASES_FREQUENCY only, so the scaled
        // centroids are not comparable; the raw means of all three columns are.
        List<ClusterProfile> old = new ArrayList<>();
        old.add(profile(0, means(500, 200, 0.2), List.of("BALANCE", "PURCHASES"), -1, -1));
        old.add(profile(1, means(5000, 300, 0.3), List.of("BALANCE", "PURCHASES"), 2, -0.5));
        old.add(profile(2, means(800, 6000, 0.9), List.of("BALANCE", "PURCHASES"), -0.5, 2));
        List<ClusterProfile> neu = new ArrayList<>();
        // the frequencies alone would mislead; the dollars (z-scored, so they weigh like the frequency) decide
        neu.add(profile(0, means(850, 5800, 0.85), List.of("PURCHASES_FREQUENCY"), 1.5));
        neu.add(profile(1, means(520, 210, 0.25), List.of("PURCHASES_FREQUENCY"), -1));
        neu.add(profile(2, means(4800, 320, 0.28), List.of("PURCHASES_FREQUENCY"), -0.9));
        ClusterMatcher.Matching m = ClusterMatcher.match(old, neu);
        assertEquals(1, m.newFor(0));
        assertEquals(2, m.newFor(1));
        assertEquals(0, m.newFor(2));
    }

    @Test
    void theSameFeatureSetIsMatchedByScaledCentroids() {
        List<String> f = List.of("A", "B");
        // raw means say 0<->1 swapped, the centroids say identity: the centroids win when features agree
        List<ClusterProfile> old = List.of(profile(0, means(1, 1, 1), f, 0, 0), profile(1, means(9, 9, 9), f, 5, 5));
        List<ClusterProfile> neu = List.of(profile(0, means(9, 9, 9), f, 0.1, 0), profile(1, means(1, 1, 1), f, 5, 4.9));
        ClusterMatcher.Matching m = ClusterMatcher.match(old, neu);
        assertEquals(0, m.newFor(0));
        assertEquals(1, m.newFor(1));
    }
}
