package org.segmentlab.prep;

import java.util.Arrays;

/**
 * Column statistics over primitive arrays, ignoring NaN (missing) values, with the same definitions as
 * numpy/pandas so that figures agree with the reference tools. Stateless; inputs are never modified.
 */
public final class Stats {

    private Stats() {
    }

    /** The non-missing values, in order (a new array). */
    public static double[] present(double[] x) {
        int m = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        double[] out = new double[m];
        int i = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[i++] = v;
            }
        }
        return out;
    }

    public static int missing(double[] x) {
        int m = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                m++;
            }
        }
        return m;
    }

    /** Mean of the non-missing values; NaN when there are none. */
    public static double mean(double[] x) {
        double s = 0;
        long n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Population variance (n denominator) of the non-missing values, two-pass with the rounding
     * correction scikit-learn's StandardScaler uses; NaN when there are none.
     */
    public static double populationVariance(double[] x) {
        double mean = mean(x);
        if (Double.isNaN(mean)) {
            return Double.NaN;
        }
        double ss = 0;
        double corr = 0;
        long n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - mean;
                corr += d;
                ss += d * d;
                n++;
            }
        }
        return Math.max(0.0, (ss - corr * corr / n) / n);
    }

    /** Quantile of sorted values by linear interpolation (numpy's and pandas' default). */
    public static double quantileSorted(double[] sorted, double q) {
        int m = sorted.length;
        if (m == 0) {
            return Double.NaN;
        }
        double pos = q * (m - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= m - 1) {
            return sorted[m - 1];
        }
        double t = pos - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        // numpy's lerp: exact at both ends.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /** The non-missing values, sorted (a new array). */
    public static double[] sortedPresent(double[] x) {
        double[] p = present(x);
        Arrays.sort(p);
        return p;
    }

    public static double median(double[] x) {
        return quantiles(x, 0.5)[0];
    }

    /**
     * Quantiles of the non-missing values by linear interpolation (numpy's default), found by selection
     * rather than a full sort (linear time on average: a million-row column in a few milliseconds).
     * NaN when there are no values.
     */
    public static double[] quantiles(double[] x, double... qs) {
        double[] a = present(x);
        double[] out = new double[qs.length];
        int m = a.length;
        for (int k = 0; k < qs.length; k++) {
            if (m == 0) {
                out[k] = Double.NaN;
                continue;
            }
            double pos = qs[k] * (m - 1);
            int lo = (int) Math.floor(pos);
            if (lo >= m - 1) {
                lo = m - 1;
            }
            select(a, 0, m - 1, lo);
            double lower = a[lo];
            double t = pos - lo;
            if (lo == m - 1 || t == 0) {
                out[k] = lower;
                continue;
            }
            // After selection everything right of lo is >= a[lo]: the next order statistic is their minimum.
            double upper = a[lo + 1];
            for (int i = lo + 2; i < m; i++) {
                if (a[i] < upper) {
                    upper = a[i];
                }
            }
            out[k] = t >= 0.5 ? upper - (upper - lower) * (1 - t) : lower + (upper - lower) * t;
        }
        return out;
    }

    /** Reorders a[lo..hi] so that a[k] holds the value it would have sorted, smaller left, larger right. */
    private static void select(double[] a, int lo, int hi, int k) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            // Hoare partition: swaps values equal to the pivot too, so long runs of ties split evenly.
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return; // a[k] equals the pivot
            }
        }
        Arrays.sort(a, lo, hi + 1);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The most frequent non-missing value (the smallest on ties); NaN when there are none. */
    public static double mode(double[] x) {
        double[] s = sortedPresent(x);
        if (s.length == 0) {
            return Double.NaN;
        }
        double best = s[0];
        int bestRun = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
    }

    /** Adjusted Fisher-Pearson skewness (pandas' {@code skew()}); NaN with fewer than 3 values. */
    public static double skewness(double[] x) {
        double mean = mean(x);
        long n = 0;
        double m2 = 0;
        double m3 = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        m2 /= n;
        m3 /= n;
        if (m2 < 1e-14) {
            return 0.0; // pandas zeroes a second moment below 1e-14 and then reports a skewness of 0
        }
        double g1 = m3 / Math.pow(m2, 1.5);
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
    }

    /** Minimum of the non-missing values; NaN when there are none. */
    public static double min(double[] x) {
        double m = Double.NaN;
        for (double v : x) {
            if (!Double.isNaN(v) && !(v >= m)) {
                m = v;
            }
        }
        return m;
    }

    public static double max(double[] x) {
        double m = Double.NaN;
        for (double v : x) {
            if (!Double.isNaN(v) && !(v <= m)) {
                m = v;
            }
        }
        return m;
    }
}
