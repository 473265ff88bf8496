package org.segmentlab.pipeline;

import java.util.HashMap;
import java.util.Map;

/** Comparing partitions up to a renaming of the clusters. */
final class Partitions {

    private Partitions() {
    }

    /** Adjusted Rand index (Hubert and Arabie): 1 for the same partition, about 0 for chance. */
    static double adjustedRandIndex(int[] a, int[] b) {
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            cols.merge(b[i], 1L, Long::sum);
        }
        double index = pairs.values().stream().mapToDouble(Partitions::choose2).sum();
        double sumA = rows.values().stream().mapToDouble(Partitions::choose2).sum();
        double sumB = cols.values().stream().mapToDouble(Partitions::choose2).sum();
        double expected = sumA * sumB / choose2(a.length);
        double max = (sumA + sumB) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double choose2(long n) {
        return n * (n - 1) / 2.0;
    }
}
