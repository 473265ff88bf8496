package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast raster paths (unrolled 1-3 px squares, band split on two threads, grid-row ranges) must give exactly
 * the picture of a plain per-pixel reference that blends every stamp pixel in drawing order.
 */
class ScatterRasterTest {

    private static final int W = 211, H = 157;

    @ParameterizedTest
    @CsvSource({"1,256", "2,256", "2,154", "3,154", "3,256", "5,154", "7,40"})
    void fastPathsEqualPlainReference(int size, int alpha) {
        int n = ScatterRaster.PARALLEL_THRESHOLD + 20_000; // large enough to take the two-thread path
        SplittableRandom r = new SplittableRandom(size * 31L + alpha);
        double[] xs = new double[n], ys = new double[n];
        int[] cl = new int[n];
        for (int i = 0; i < n; i++) {
            // some points fall outside the raster, some are NaN, some have out-of-range clusters
            xs[i] = r.nextDouble(-0.1, 1.1);
            ys[i] = i % 997 == 0 ? Double.NaN : r.nextDouble(-0.1, 1.1);
            cl[i] = i % 1013 == 0 ? 9 : r.nextInt(4);
        }
        int[] colors = {ClusterPalette.argb(0), ClusterPalette.argb(1), ClusterPalette.argb(2), ClusterPalette.argb(3)};
        boolean[] include = {true, true, false, true};
        // zoomed view: x in [0.1, 0.9], y in [0.05, 0.95]
        double x0 = 0.1, y0 = 0.95, fx = W / 0.8, fy = H / 0.9;
        int[] stamp = ScatterRaster.discStamp(size);

        // draw order and row index exactly as PcaScatter builds them
        SpatialGrid g = new SpatialGrid(xs, ys, 4);
        int[] o = g.cellOrder();
        double[] ox = new double[o.length], oy = new double[o.length];
        int[] oc = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            ox[i] = xs[o[i]];
            oy[i] = ys[o[i]];
            oc[i] = cl[o[i]];
        }
        ScatterRaster.YIndex idx = new ScatterRaster.YIndex(g.rowStarts(), g.rowMinY(0), g.cellHeight());

        int[] expected = reference(ox, oy, oc, colors, include, alpha, x0, y0, fx, fy, stamp);
        // repeated: a band still being drawn by the worker after the call returned would show up as a difference
        for (int rep = 0; rep < 8; rep++) {
            int[] fast = white();
            ScatterRaster.blendParallel(fast, W, H, ox, oy, oc, idx, colors, include, alpha, x0, y0, fx, fy, stamp,
                    0);
            assertArrayEquals(expected, fast, "indexed banded raster, repetition " + rep);
        }
        int[] plain = white();
        ScatterRaster.blendParallel(plain, W, H, ox, oy, oc, colors, include, alpha, x0, y0, fx, fy, stamp, 0);
        assertArrayEquals(expected, plain, "two-band raster without index");
        int[] single = white();
        ScatterRaster.blend(single, W, H, ox, oy, oc, null, colors, include, alpha, x0, y0, fx, fy, stamp, 0);
        assertArrayEquals(expected, single, "single-threaded raster");
        long drawn = Arrays.stream(expected).filter(p -> p != 0xFFFFFFFF).count();
        assertEquals(true, drawn > W * H / 2, "the test draws something: " + drawn);
    }

    private static int[] white() {
        int[] b = new int[W * H];
        Arrays.fill(b, 0xFFFFFFFF);
        return b;
    }

    private static int[] reference(double[] xs, double[] ys, int[] cl, int[] colors, boolean[] include, int a,
            double x0, double y0, double fx, double fy, int[] stamp) {
        int[] buf = white();
        for (int p = 0; p < xs.length; p++) {
            int c = cl[p];
            if (c < 0 || c >= colors.length || !include[c] || Double.isNaN(xs[p]) || Double.isNaN(ys[p])) {
                continue;
            }
            int px = (int) Math.floor((xs[p] - x0) * fx), py = (int) Math.floor((y0 - ys[p]) * fy);
            for (int s = 0; s < stamp.length; s += 2) {
                int qx = px + stamp[s], qy = py + stamp[s + 1];
                if (qx < 0 || qy < 0 || qx >= W || qy >= H) {
                    continue;
                }
                int d = buf[qy * W + qx], col = colors[c];
                int rr = (((col >> 16) & 0xFF) * a + ((d >> 16) & 0xFF) * (256 - a)) >> 8;
                int gg = (((col >> 8) & 0xFF) * a + ((d >> 8) & 0xFF) * (256 - a)) >> 8;
                int bb = ((col & 0xFF) * a + (d & 0xFF) * (256 - a)) >> 8;
                buf[qy * W + qx] = 0xFF000000 | (rr << 16) | (gg << 8) | bb;
            }
        }
        return buf;
    }
}
