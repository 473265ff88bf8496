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
     * Blends the points of one pass into {@code buf} (width {@code w}, height {@code h}).
     *
     * @param colors    opaque ARGB per cluster id (index = cluster)
     * @param include   which clusters this pass draws (index = cluster), null = all
     * @param alpha256  opacity 0..256
     * @param x0 y0 fx fy  screen px = (x - x0) * fx, py = (y0 - y) * fy, relative to the raster's top-left
     *                  (y0 is the data y at the top edge)
     * @param overrideColor if not 0, draw every point in this colour (used for dimmed points)
     * Modified: {@code buf}. Not modified: everything else.
     */
    public static void blend(int[] buf, int w, int h, double[] xs, double[] ys, int[] cluster, int[] colors,
            boolean[] include, int alpha256, double x0, double y0, double fx, double fy, int[] stamp,
            int overrideColor) {
        int a = Math.max(0, Math.min(256, alpha256));
        if (a == 0) {
            return;
        }
        int ia = 256 - a;
        int n = xs.length;
        int ns = stamp.length;
        boolean single = ns == 2 && stamp[0] == 0 && stamp[1] == 0;
        for (int p = 0; p < n; p++) {
            int c = cluster[p];
            if (include != null && (c < 0 || c >= include.length || !include[c])) {
                continue;
            }
            double sxd = (xs[p] - x0) * fx;
            double syd = (y0 - ys[p]) * fy;
            if (!(sxd >= -8 && sxd < w + 8 && syd >= -8 && syd < h + 8)) {
                continue; // also skips NaN
            }
            int px = (int) sxd, py = (int) syd;
            int col = overrideColor != 0 ? overrideColor : colors[c < 0 ? 0 : c % colors.length];
            int srb = (col & 0xFF00FF) * a;
            int sg = (col & 0x00FF00) * a;
            if (single) {
                if (px >= 0 && px < w && py >= 0 && py < h) {
                    int idx = py * w + px;
                    int d = buf[idx];
                    buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                            | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
                }
                continue;
            }
            for (int s = 0; s < ns; s += 2) {
                int qx = px + stamp[s], qy = py + stamp[s + 1];
                if (qx < 0 || qx >= w || qy < 0 || qy >= h) {
                    continue;
                }
                int idx = qy * w + qx;
                int d = buf[idx];
                buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                        | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
            }
        }
    }
}
