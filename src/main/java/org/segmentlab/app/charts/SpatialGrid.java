package org.segmentlab.app.charts;

import java.util.function.IntPredicate;

/**
 * Uniform grid over data coordinates for nearest-point lookup: built once per data set in O(n) (counting sort
 * of point indices by cell), queried in screen-pixel distance so that x and y may have different scales.
 * Immutable after construction; safe to build off the FX thread. Not modified: the caller's arrays (copied
 * by reference only for reading; the caller must not change them afterwards).
 */
public final class SpatialGrid {

    private final double[] xs;
    private final double[] ys;
    private final double minX, minY, cellW, cellH;
    private final int cols, rows;
    private final int[] cellStart; // cols*rows + 1 offsets into order
    private final int[] order;     // point indices grouped by cell

    /**
     * @param xs x per point (non-finite points are never returned)
     * @param ys y per point
     * @param pointsPerCell target mean occupancy (about 4 is a good trade-off)
     */
    public SpatialGrid(double[] xs, double[] ys, int pointsPerCell) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs has " + xs.length + " values but ys has " + ys.length);
        }
        this.xs = xs;
        this.ys = ys;
        int n = xs.length;
        double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
        double c = Double.POSITIVE_INFINITY, d = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                a = Math.min(a, xs[i]);
                b = Math.max(b, xs[i]);
                c = Math.min(c, ys[i]);
                d = Math.max(d, ys[i]);
                finite++;
            }
        }
        if (finite == 0) {
            a = 0;
            b = 1;
            c = 0;
            d = 1;
        }
        int side = (int) Math.max(1, Math.min(2048, Math.ceil(Math.sqrt(finite / (double) Math.max(1, pointsPerCell)))));
        cols = side;
        rows = side;
        minX = a;
        minY = c;
        cellW = (b - a) > 0 ? (b - a) / cols : 1;
        cellH = (d - c) > 0 ? (d - c) / rows : 1;
        int[] cellOf = new int[n];
        cellStart = new int[cols * rows + 1];
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                int cell = cellIndex(col(xs[i]), row(ys[i]));
                cellOf[i] = cell;
                cellStart[cell + 1]++;
            } else {
                cellOf[i] = -1;
            }
        }
        for (int i = 0; i < cols * rows; i++) {
            cellStart[i + 1] += cellStart[i];
        }
        order = new int[finite];
        int[] fill = new int[cols * rows];
        for (int i = 0; i < n; i++) {
            int cell = cellOf[i];
            if (cell >= 0) {
                order[cellStart[cell] + fill[cell]++] = i;
            }
        }
    }

    private int col(double x) {
        return Math.max(0, Math.min(cols - 1, (int) ((x - minX) / cellW)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) ((y - minY) / cellH)));
    }

    private int cellIndex(int col, int row) {
        return row * cols + col;
    }

    /**
     * Index of the point nearest to (x, y) in pixel distance, within {@code radiusPx} pixels, or -1.
     *
     * @param pxPerDataX pixels per data unit along x (positive)
     * @param pxPerDataY pixels per data unit along y (positive)
     * @param accept     filter (e.g. hidden clusters); null accepts all
     */
    public int nearest(double x, double y, double radiusPx, double pxPerDataX, double pxPerDataY, IntPredicate accept) {
        double rx = radiusPx / pxPerDataX, ry = radiusPx / pxPerDataY;
        int c0 = col(x - rx), c1 = col(x + rx), r0 = row(y - ry), r1 = row(y + ry);
        if (x + rx < minX || y + ry < minY || x - rx > minX + cellW * cols || y - ry > minY + cellH * rows) {
            return -1;
        }
        double best = radiusPx * radiusPx;
        int bestIdx = -1;
        for (int r = r0; r <= r1; r++) {
            for (int cc = c0; cc <= c1; cc++) {
                int cell = cellIndex(cc, r);
                for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
                    int i = order[k];
                    double dx = (xs[i] - x) * pxPerDataX, dy = (ys[i] - y) * pxPerDataY;
                    double d2 = dx * dx + dy * dy;
                    // ties go to the lower index so the answer matches a brute-force scan
                    if ((d2 < best || (d2 == best && bestIdx >= 0 && i < bestIdx) || (d2 == best && bestIdx < 0))
                            && (accept == null || accept.test(i))) {
                        best = d2;
                        bestIdx = i;
                    }
                }
            }
        }
        return bestIdx;
    }

    /**
     * Point indices grouped by cell, row by row (a copy). Drawing in this order touches the raster in nearby
     * places one after another, which is several times faster than the data's order for a million points.
     */
    public int[] cellOrder() {
        return order.clone();
    }

    /**
     * Offsets into {@link #cellOrder()} where each grid row (ascending data y) starts, plus the end: rows + 1
     * values. Points of grid row r have data y in [{@link #rowMinY(int) rowMinY(r)}, rowMinY(r + 1)), the first
     * and last rows also taking anything clamped onto them.
     */
    public int[] rowStarts() {
        int[] out = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            out[r] = cellStart[r * cols];
        }
        return out;
    }

    /** Lower data-y edge of grid row r. */
    public double rowMinY(int r) {
        return minY + r * cellH;
    }

    /** Height of a grid row in data units. */
    public double cellHeight() {
        return cellH;
    }

    /** Number of points indexed (finite ones). */
    public int size() {
        return order.length;
    }
}
