package org.segmentlab.data;

import java.util.Arrays;

/**
 * Computes {@link ColumnStatistics} the way pandas' {@code describe()} and {@code skew()} do: sample
 * standard deviation (n - 1, two-pass), quartiles by linear interpolation at p (n - 1), adjusted
 * Fisher-Pearson skewness with pandas' rounding of tiny moments to zero. Inputs are not modified.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Statistics of numbers (NaN = missing). {@code values} is not modified. */
    public static ColumnStatistics ofNumbers(double[] values) {
        int n = values.length;
        double[] sorted = new double[n];
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[count++] = v;
            }
        }
        long missing = n - count;
        if (count == 0) {
            return new ColumnStatistics(0, missing, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += sorted[i];
        }
        double mean = sum / count;
        double m2 = 0;
        double m3 = 0;
        for (int i = 0; i < count; i++) {
            double d = sorted[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }
        double sd = count > 1 ? Math.sqrt(m2 / (count - 1)) : Double.NaN;
        Arrays.sort(sorted, 0, count);
        long distinct = 1;
        for (int i = 1; i < count; i++) {
            // Arrays.sort orders -0.0 before 0.0; count them as one value, as pandas' nunique does.
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        double skew = skewness(count, m2, m3);
        return new ColumnStatistics(count, missing, distinct, mean, sd, sorted[0], quantile(sorted, count, 0.25),
                quantile(sorted, count, 0.5), quantile(sorted, count, 0.75), sorted[count - 1], skew);
    }

    /** pandas' nanskew: G1 = n sqrt(n-1) / (n-2) * m3 / m2^1.5 with sums of powers of deviations. */
    static double skewness(long n, double m2, double m3) {
        if (n < 3) {
            return Double.NaN;
        }
        if (Math.abs(m2) < 1e-14) {
            m2 = 0;
        }
        if (Math.abs(m3) < 1e-14) {
            m3 = 0;
        }
        if (m2 == 0) {
            return 0;
        }
        return (n * Math.sqrt(n - 1.0) / (n - 2.0)) * (m3 / Math.pow(m2, 1.5));
    }

    /** numpy's default ("linear") quantile of the first {@code count} sorted values. */
    static double quantile(double[] sorted, int count, double p) {
        double pos = p * (count - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, count - 1);
        double frac = pos - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        // numpy's lerp: a + (b - a) * t, switched to b - (b - a) * (1 - t) for t >= 0.5
        return frac >= 0.5 ? b - (b - a) * (1 - frac) : a + (b - a) * frac;
    }

    /** Statistics of dictionary codes (-1 = missing): count, missing and distinct only. */
    public static ColumnStatistics ofCodes(int[] codes, int dictionarySize) {
        boolean[] seen = new boolean[dictionarySize];
        long count = 0;
        long distinct = 0;
        for (int c : codes) {
            if (c >= 0) {
                count++;
                if (!seen[c]) {
                    seen[c] = true;
                    distinct++;
                }
            }
        }
        return new ColumnStatistics(count, codes.length - count, distinct, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
