package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pure logic behind the heatmap, silhouette plot, raster and number formats. */
class ChartLogicTest {

    @Test
    void heatmapOrdersFeaturesByVarianceAcrossClusters() {
        double[][] z = {
            {0.1, 2.0, -1.0, 0.5},
            {0.1, -2.0, 1.0, 0.5},
            {0.1, 0.0, 0.0, Double.NaN},
        };
        // variances: f0 = 0, f1 = 8/3, f2 = 2/3, f3 = 0 (NaN left out) -> 1, 2, then ties 0, 3 in input order
        assertArrayEquals(new int[] {1, 2, 0, 3}, ProfileHeatmap.orderFeatures(z));
        double[][] copy = {z[0].clone(), z[1].clone(), z[2].clone()};
        ProfileHeatmap.orderFeatures(z);
        assertArrayEquals(copy[0], z[0], "input not modified");
    }

    @Test
    void silhouetteBandsSortDescendingAndAverage() {
        double[] s = {0.2, 0.9, -0.1, 0.5, Double.NaN, 0.3, 0.4};
        int[] c = {0, 0, 0, 1, 1, 2, 2};
        SilhouetteBands b = SilhouetteBands.compute(s, c, 3);
        assertArrayEquals(new double[] {0.9, 0.2, -0.1}, b.values(0));
        assertArrayEquals(new double[] {0.5}, b.values(1), "NaN skipped");
        assertArrayEquals(new double[] {0.4, 0.3}, b.values(2));
        assertEquals(1.0 / 3, b.mean(0), 1e-12);
        assertEquals(0.35, b.mean(2), 1e-12);
        assertEquals((0.2 + 0.9 - 0.1 + 0.5 + 0.3 + 0.4) / 6, b.overallMean(), 1e-12);
        assertEquals(6, b.total());
        assertEquals(1.0 / 3, b.negativeShare(0), 1e-12);
        assertEquals(-0.1, b.min(), 0);
        assertEquals(0.2, s[0], "input not modified");
    }

    @Test
    void numbersFollowTheDesignRules() {
        assertEquals("3,260", ChartFormat.sig3(3260.4));
        assertEquals("40.9", ChartFormat.sig3(40.94));
        assertEquals("0.0123", ChartFormat.sig3(0.012345));
        assertEquals("1,230,000", ChartFormat.sig3(1_234_567));
        assertEquals("-0.5", ChartFormat.sig3(-0.5));
        assertEquals("0.198", ChartFormat.sig3(0.19813));
        assertEquals("0.220", ChartFormat.sig3(0.22), "trailing zero kept: 3 significant digits");
        assertEquals("8,950", ChartFormat.count(8950));
        assertEquals("44.4%", ChartFormat.percent(0.4442));
        assertEquals("+1.8", ChartFormat.signed1(1.83));
    }

    @Test
    void rasterBlendsOverWhiteAndSkipsExcludedClusters() {
        int w = 10, h = 10;
        int[] buf = new int[w * h];
        java.util.Arrays.fill(buf, 0xFFFFFFFF);
        double[] xs = {2.5, 7.5, Double.NaN, 100};
        double[] ys = {2.5, 7.5, 1, 1};
        int[] cl = {0, 1, 0, 0};
        int[] colors = {0xFF0000FF, 0xFFFF0000};
        // data (x, y) with x0 = 0, top y0 = 10, 1 px per unit: point 0 at column 2, row 7
        ScatterRaster.blend(buf, w, h, xs, ys, cl, null, colors, new boolean[] {true, false}, 256, 0, 10, 1, 1,
                ScatterRaster.discStamp(1), 0);
        assertEquals(0xFF0000FF, buf[7 * w + 2]);
        assertEquals(0xFFFFFFFF, buf[2 * w + 7], "cluster 1 excluded");
        ScatterRaster.blend(buf, w, h, xs, ys, cl, null, colors, null, 128, 0, 10, 1, 1, ScatterRaster.discStamp(1), 0);
        int half = buf[2 * w + 7];
        assertEquals(0xFF, half >>> 16 & 0xFF, "red stays full");
        assertTrue(Math.abs((half & 0xFF) - 127) <= 1, "blue halfway between white and red: " + (half & 0xFF));
        assertEquals(9, ScatterRaster.discStamp(3).length / 2, "3 px disc covers 9 pixels");
    }

    @Test
    void tickLabelsUseJustEnoughDecimals() {
        assertEquals("-0.4", MetricByKChart.tickText(-0.4, new double[] {-0.4, -0.3}));
        assertEquals("0.24", MetricByKChart.tickText(0.24, new double[] {0.2, 0.22, 0.24}));
        assertEquals("0.25", MetricByKChart.tickText(0.25, new double[] {0, 0.25}));
        assertEquals("120,000", MetricByKChart.tickText(120_000, new double[] {100_000, 120_000}));
        assertEquals("3", MetricByKChart.tickText(3, new double[] {2, 3}));
    }

    @Test
    void niceTicksCoverTheRange() {
        double[] t = NiceTicks.ticks(-0.43, 1.0, 4);
        assertArrayEquals(new double[] {0, 0.5, 1.0}, java.util.Arrays.copyOfRange(t, t.length - 3, t.length));
        assertTrue(t[0] >= -0.43);
    }
}
