package org.segmentlab.app.charts;

/**
 * Writes points into an ARGB int raster with "over" alpha blending; pure logic, no JavaFX, so it can be tested
 * and benchmarked alone. The raster is opaque (background filled first), so straight and premultiplied ARGB
 * coincide and the buffer can back an {@code IntArgbPre} PixelBuffer directly.
 */
public final class ScatterRaster {

    private ScatterRaster() {
    }

    /** Offsets (dx, dy pairs) of a filled disc about {@code diameter} pixels across. */
    public static int[] discStamp(double diameter) {
        int d = (int) Math.max(1, Math.round(diameter));
        double c = (d - 1) / 2.0;
        double r2 = (d / 2.0) * (d / 2.0) + 0.25;
        int[] tmp = new int[2 * d * d];
        int n = 0;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                double dx = i - c, dy = j - c;
                if (dx * dx + dy * dy <= r2) {
                    tmp[n++] = i - (int) Math.floor(c);
                    tmp[n++] = j - (int) Math.floor(c);
                }
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    /**
     * The disc as horizontal spans: triples (dy, dxFrom, dxTo inclusive), so the inner loop writes contiguous
     * pixels.
     */
    static int[] spans(int[] stamp) {
        java.util.TreeMap<Integer, int[]> rows = new java.util.TreeMap<>();
        for (int s = 0; s < stamp.length; s += 2) {
            int dx = stamp[s], dy = stamp[s + 1];
            int[] r = rows.computeIfAbsent(dy, k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
            r[0] = Math.min(r[0], dx);
            r[1] = Math.max(r[1], dx);
        }
        int[] out = new int[rows.size() * 3];
        int i = 0;
        for (var e : rows.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue()[0];
            out[i++] = e.getValue()[1];
        }
        return out;
    }

    /**
     * Blends the points of one pass into {@code buf} (width {@code w}, height {@code h}).
     *
     * @param order     the order to draw points in (e.g. grouped by grid cell for memory locality), null = 0..n-1
     * @param colors    opaque ARGB per cluster id (index = cluster)
     * @param include   which clusters this pass draws (index = cluster), null = all
     * @param alpha256  opacity 0..256
     * @param x0        data x at the raster's left edge; px = (x - x0) * fx
     * @param y0        data y at the raster's top edge; py = (y0 - y) * fy
     * @param overrideColor if not 0, draw every point in this colour (used for dimmed points)
     * Modified: {@code buf}. Not modified: everything else.
     */
    public static void blend(int[] buf, int w, int h, double[] xs, double[] ys, int[] cluster, int[] order,
            int[] colors, boolean[] include, int alpha256, double x0, double y0, double fx, double fy, int[] stamp,
            int overrideColor) {
        int a = Math.max(0, Math.min(256, alpha256));
        if (a == 0) {
            return;
        }
        int ia = 256 - a;
        int nc = colors.length;
        // per-cluster source terms, premultiplied by alpha once instead of per pixel
        int[] srbOf = new int[nc];
        int[] sgOf = new int[nc];
        boolean[] draw = new boolean[nc];
        for (int c = 0; c < nc; c++) {
            int col = overrideColor != 0 ? overrideColor : colors[c];
            srbOf[c] = (col & 0xFF00FF) * a;
            sgOf[c] = (col & 0x00FF00) * a;
            draw[c] = include == null || (c < include.length && include[c]);
        }
        int[] sp = spans(stamp);
        int ns = sp.length;
        int reach = 0;
        for (int s = 0; s < ns; s += 3) {
            reach = Math.max(reach, Math.max(Math.abs(sp[s]), Math.max(Math.abs(sp[s + 1]), Math.abs(sp[s + 2]))));
        }
        int n = order == null ? xs.length : order.length;
        for (int q = 0; q < n; q++) {
            int p = order == null ? q : order[q];
            int c = cluster[p];
            if (c < 0 || c >= nc || !draw[c]) {
                continue;
            }
            double sxd = (xs[p] - x0) * fx;
            double syd = (y0 - ys[p]) * fy;
            if (!(sxd >= -reach && sxd < w + reach && syd >= -reach && syd < h + reach)) {
                continue; // also skips NaN
            }
            int px = (int) Math.floor(sxd), py = (int) Math.floor(syd);
            int srb = srbOf[c], sg = sgOf[c];
            if (px >= reach && px < w - reach && py >= reach && py < h - reach) {
                int base = py * w + px;
                for (int s = 0; s < ns; s += 3) {
                    int row = base + sp[s] * w;
                    for (int idx = row + sp[s + 1], end = row + sp[s + 2]; idx <= end; idx++) {
                        int d = buf[idx];
                        buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                                | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
                    }
                }
            } else {
                for (int s = 0; s < ns; s += 3) {
                    int qy = py + sp[s];
                    if (qy < 0 || qy >= h) {
                        continue;
                    }
                    int from = Math.max(0, px + sp[s + 1]), to = Math.min(w - 1, px + sp[s + 2]);
                    for (int qx = from, idx = qy * w + from; qx <= to; qx++, idx++) {
                        int d = buf[idx];
                        buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                                | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
                    }
                }
            }
        }
    }
}
