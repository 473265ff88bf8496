package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Column statistics against pandas' describe() and skew(). */
class StatisticsTest {

    @Test
    void matchesPandasOnSmallSeriesWithMissing() {
        // pandas 1.5.3: s = pd.Series([3, 1, 4, 1, 5, 9, 2, 6, None, 5]); s.describe(), s.skew(), s.nunique()
        // count 9, mean 4.0, std 2.598076211353316, min 1, 25% 2.0, 50% 4.0, 75% 5.0, max 9, skew 0.659828879073858, nunique 7
        double[] v = {3, 1, 4, 1, 5, 9, 2, 6, Double.NaN, 5};
        double[] copy = v.clone();
        ColumnStatistics s = Statistics.ofNumbers(v);
        assertEquals(9, s.count());
        assertEquals(1, s.missing());
        assertEquals(7, s.distinct());
        assertEquals(4.0, s.mean(), 1e-12);
        assertEquals(2.598076211353316, s.sd(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(2.0, s.q1(), 1e-12);
        assertEquals(4.0, s.median(), 1e-12);
        assertEquals(5.0, s.q3(), 1e-12);
        assertEquals(9, s.max());
        assertEquals(0.659828879073858, s.skewness(), 1e-12);
        assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(v), "input not modified");
    }

    @Test
    void quartilesInterpolateLinearly() {
        // pandas: pd.Series([10, 20, 30, 40]).describe() -> 25% 17.5, 50% 25.0, 75% 32.5; skew() -> 0.0
        ColumnStatistics s = Statistics.ofNumbers(new double[] {40, 10, 30, 20});
        assertEquals(17.5, s.q1(), 1e-12);
        assertEquals(25.0, s.median(), 1e-12);
        assertEquals(32.5, s.q3(), 1e-12);
        assertEquals(0.0, s.skewness(), 1e-12);
    }

    @Test
    void degenerateCases() {
        ColumnStatistics one = Statistics.ofNumbers(new double[] {7});
        assertEquals(7, one.mean());
        assertTrue(Double.isNaN(one.sd()), "sd of one value is undefined (n - 1 = 0)");
        assertTrue(Double.isNaN(one.skewness()));
        ColumnStatistics constant = Statistics.ofNumbers(new double[] {2, 2, 2, 2});
        assertEquals(0, constant.sd());
        assertEquals(0, constant.skewness(), "pandas reports 0 skew for a constant");
        ColumnStatistics empty = Statistics.ofNumbers(new double[] {Double.NaN, Double.NaN});
        assertEquals(0, empty.count());
        assertEquals(2, empty.missing());
        assertTrue(!empty.hasNumbers());
        ColumnStatistics codes = Statistics.ofCodes(new int[] {0, 1, -1, 0, 2}, 3);
        assertEquals(4, codes.count());
        assertEquals(1, codes.missing());
        assertEquals(3, codes.distinct());
    }
}
