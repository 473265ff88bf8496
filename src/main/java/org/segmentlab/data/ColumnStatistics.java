package org.segmentlab.data;

/**
 * Summary statistics of one column. For non-numeric columns only {@code count}, {@code missing}
 * and {@code distinct} are meaningful; the rest are NaN.
 *
 * @param count    non-missing cells
 * @param missing  missing cells (including non-numeric cells of a numeric column)
 * @param distinct distinct non-missing values
 * @param sd       sample standard deviation (n - 1), as pandas reports it
 * @param q1       quartiles by linear interpolation (pandas' default)
 * @param skewness adjusted Fisher-Pearson skewness (pandas' {@code skew()})
 */
public record ColumnStatistics(long count, long missing, long distinct, double mean, double sd, double min,
                               double q1, double median, double q3, double max, double skewness) {

    public boolean hasNumbers() {
        return !Double.isNaN(mean);
    }
}
