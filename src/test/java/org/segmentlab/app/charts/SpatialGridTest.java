package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    private static int bruteForce(double[] xs, double[] ys, double x, double y, double r, double fx, double fy,
            IntPredicate accept) {
        double best = r * r;
        int bi = -1;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i]) || (accept != null && !accept.test(i))) {
                continue;
            }
            double dx = (xs[i] - x) * fx, dy = (ys[i] - y) * fy;
            double d2 = dx * dx + dy * dy;
            if (d2 < best || (d2 == best && (bi < 0 || i < bi))) {
                best = d2;
                bi = i;
            }
        }
        return bi;
    }

    @Test
    void nearestMatchesBruteForceOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 20_000;
        double[] xs = new double[n], ys = new double[n];
        int[] cl = new int[n];
        for (int i = 0; i < n; i++) {
            // clumpy data: two blobs plus a sprinkle, so cells have very different occupancy
            double cx = i % 3 == 0 ? -3 : 2;
            xs[i] = cx + rnd.nextDouble(-1, 1) * (i % 7 == 0 ? 6 : 1);
            ys[i] = rnd.nextDouble(-1, 1) * (i % 5 == 0 ? 4 : 0.8);
            cl[i] = i % 4;
        }
        xs[17] = Double.NaN;
        SpatialGrid grid = new SpatialGrid(xs, ys, 4);
        int found = 0;
        for (int q = 0; q < 2_000; q++) {
            double fx = rnd.nextDouble(20, 2000), fy = rnd.nextDouble(20, 2000); // pixels per data unit
            double r = rnd.nextDouble(1, 12);
            double x, y;
            if (q % 3 == 0) { // anywhere, mostly misses
                x = rnd.nextDouble(-10, 10);
                y = rnd.nextDouble(-5, 5);
            } else { // a few pixels from a data point, mostly hits
                int p = rnd.nextInt(n);
                x = (p == 17 ? 0 : xs[p]) + rnd.nextDouble(-8, 8) / fx;
                y = ys[p] + rnd.nextDouble(-8, 8) / fy;
            }
            IntPredicate accept = q % 2 == 0 ? null : i -> cl[i] != 1;
            int expected = bruteForce(xs, ys, x, y, r, fx, fy, accept);
            assertEquals(expected, grid.nearest(x, y, r, fx, fy, accept), "query " + q);
            if (expected >= 0) {
                found++;
            }
        }
        // the comparison must have exercised hits, not only misses
        org.junit.jupiter.api.Assertions.assertTrue(found > 200, "hits: " + found);
        assertEquals(n - 1, grid.size());
    }

    @Test
    void exactPointIsFoundAndFarPointIsNot() {
        double[] xs = {0, 1, 2}, ys = {0, 1, 2};
        SpatialGrid grid = new SpatialGrid(xs, ys, 1);
        assertEquals(1, grid.nearest(1, 1, 3, 100, 100, null));
        assertEquals(-1, grid.nearest(1.5, 1.5, 3, 100, 100, null), "50 px away is not within 3 px");
        assertEquals(-1, grid.nearest(50, 50, 3, 100, 100, null));
    }
}
