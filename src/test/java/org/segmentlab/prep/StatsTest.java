package org.segmentlab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void quantilesBySelectionEqualQuantilesOfTheSortedValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] qs = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(trial < 100 ? 40 : 5000);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // Many ties (as in columns that are mostly zero) and some missing values.
                x[i] = rnd.nextInt(4) == 0 ? Double.NaN : rnd.nextInt(3) == 0 ? 0.0 : Math.floor(rnd.nextDouble() * 50);
            }
            double[] before = x.clone();
            double[] sorted = Stats.sortedPresent(x);
            double[] got = Stats.quantiles(x, qs);
            for (int k = 0; k < qs.length; k++) {
                double expected = Stats.quantileSorted(sorted, qs[k]);
                assertEquals(expected, got[k], 0, "n=" + n + " q=" + qs[k]);
            }
            assertArrayEquals(before, x, 0, "the input is not reordered");
        }
    }

    @Test
    void numpyFigures() {
        // numpy.percentile([7, 1, 3, 10, 2], [25, 50, 75]) = 2, 3, 7; numpy.median([1, 2, 3, 4]) = 2.5.
        assertArrayEquals(new double[] {2, 3, 7}, Stats.quantiles(new double[] {7, 1, 3, 10, 2}, 0.25, 0.5, 0.75), 0);
        assertEquals(2.5, Stats.median(new double[] {4, Double.NaN, 1, 3, 2}));
        assertTrue(Double.isNaN(Stats.median(new double[] {Double.NaN})));
        assertEquals(5.0, Stats.mode(new double[] {5, 1, 5, 1, Double.NaN}) + 4.0, "ties go to the smaller value");
    }

    @Test
    void populationVarianceAndSkewness() {
        assertEquals(4.0, Stats.populationVariance(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-15);
        // pandas: pd.Series([1, 2, 3, 10]).skew() = 1.763632614803888.
        assertEquals(1.763632614803888, Stats.skewness(new double[] {1, 2, 3, Double.NaN, 10}), 1e-14);
        assertEquals(0.0, Stats.skewness(new double[] {3, 3, 3, 3}));
    }
}
