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
        if (order != null) {
            // rare path (tests): permute into draw order, then use the one fast loop
            double[] px = new double[order.length], py = new double[order.length];
            int[] pc = new int[order.length];
            for (int q = 0; q < order.length; q++) {
                px[q] = xs[order[q]];
                py[q] = ys[order[q]];
                pc[q] = cluster[order[q]];
            }
            xs = px;
            ys = py;
            cluster = pc;
        }
        Pass pass = new Pass(colors, include, alpha256, stamp, overrideColor);
        pass.drawRows(buf, w, h, 0, h, xs, ys, cluster, x0, y0, fx, fy);
    }

    /** Below this many points one thread draws everything (handing work over costs more than it saves). */
    static final int PARALLEL_THRESHOLD = 100_000;
    private static volatile java.util.concurrent.ExecutorService worker;

    /**
     * Like {@link #blend} (points already in draw order), but with a million points splits the rows into two
     * horizontal bands: the calling thread draws the top band while one daemon worker draws the bottom. Both
     * visit the points in the same order, so the picture is identical to a single-threaded draw. Modified:
     * {@code buf}.
     */
    public static void blendParallel(int[] buf, int w, int h, double[] xs, double[] ys, int[] cluster, int[] colors,
            boolean[] include, int alpha256, double x0, double y0, double fx, double fy, int[] stamp,
            int overrideColor) {
        Pass pass = new Pass(colors, include, alpha256, stamp, overrideColor);
        if (xs.length < PARALLEL_THRESHOLD || h < 16 || Runtime.getRuntime().availableProcessors() < 2) {
            pass.drawRows(buf, w, h, 0, h, xs, ys, cluster, x0, y0, fx, fy);
            return;
        }
        int mid = h / 2;
        java.util.concurrent.Future<?> bottom = worker().submit(
                () -> pass.drawRows(buf, w, h, mid, h, xs, ys, cluster, x0, y0, fx, fy));
        pass.drawRows(buf, w, h, 0, mid, xs, ys, cluster, x0, y0, fx, fy);
        try {
            bottom.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bottom.cancel(true);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("scatter raster band failed", e.getCause());
        }
    }

    /**
     * Points sorted by data y in bands ("grid rows"): {@code rowStart[r]..rowStart[r+1]} are the points with
     * data y in [minY + r * cellH, minY + (r+1) * cellH), clamped at both ends. Lets a band of screen rows read
     * only the points that can touch it.
     */
    public record YIndex(int[] rowStart, double minY, double cellH) {
        int rows() {
            return rowStart.length - 1;
        }

        int rowOf(double y) {
            double r = Math.floor((y - minY) / cellH);
            return (int) Math.max(0, Math.min(rows() - 1, r));
        }

        /** First point that may have data y &gt;= lo. */
        int from(double lo) {
            return rowStart[rowOf(lo)];
        }

        /** End (exclusive) of the points that may have data y &lt;= hi. */
        int to(double hi) {
            return rowStart[rowOf(hi) + 1];
        }
    }

    /**
     * As {@link #blendParallel(int[], int, int, double[], double[], int[], int[], boolean[], int, double, double,
     * double, double, int[], int)} for points in {@code index} order: each band reads only the grid rows that
     * can reach it (zoomed in, most points are never read), and the split row is chosen so both bands get about
     * the same number of points. Modified: {@code buf}.
     */
    public static void blendParallel(int[] buf, int w, int h, double[] xs, double[] ys, int[] cluster, YIndex index,
            int[] colors, boolean[] include, int alpha256, double x0, double y0, double fx, double fy, int[] stamp,
            int overrideColor) {
        Pass pass = new Pass(colors, include, alpha256, stamp, overrideColor);
        if (pass.empty) {
            return;
        }
        // data y of screen row r is y0 - r / fy; a band of rows [a, b) needs points with y in that range +- reach
        double m = (pass.reach + 1) / fy;
        int pA = index.from(y0 - h / fy - m), pB = index.to(y0 + m);
        if (pB - pA < PARALLEL_THRESHOLD || h < 16 || Runtime.getRuntime().availableProcessors() < 2) {
            pass.drawRows(buf, w, h, 0, h, xs, ys, cluster, pA, pB, x0, y0, fx, fy);
            return;
        }
        // bands of about equal point counts; the FX thread and one worker take bands from a shared counter, so
        // on a loaded machine the FX thread never waits for a worker that has not been scheduled yet: it simply
        // draws the remaining bands itself
        int[] cuts = new int[BANDS + 1];
        cuts[0] = 0;
        cuts[BANDS] = h;
        int nCuts = 1;
        for (int b = BANDS - 1; b >= 1; b--) {
            // points are sorted by ascending data y = descending screen row: band cut b from the top
            int target = pA + (int) ((long) (pB - pA) * b / BANDS);
            int r = java.util.Arrays.binarySearch(index.rowStart(), target);
            r = r >= 0 ? r : -r - 2;
            double ySplit = index.minY() + r * index.cellH();
            int row = (int) Math.max(1, Math.min(h - 1, Math.round((y0 - ySplit) * fy)));
            if (row > cuts[nCuts - 1]) {
                cuts[nCuts++] = row;
            }
        }
        cuts[nCuts++] = h;
        final int bands = nCuts - 1;
        final int[] cut = java.util.Arrays.copyOf(cuts, nCuts);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // counts finished bands: a Future cannot tell "never started" from "running", so completion is counted
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(bands);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runnable drain = () -> {
            for (int band; (band = next.getAndIncrement()) < bands;) {
                try {
                    int rowFrom = cut[band], rowTo = cut[band + 1];
                    int from = index.from(y0 - rowTo / fy - m), to = index.to(y0 - rowFrom / fy + m);
                    pass.drawRows(buf, w, h, rowFrom, rowTo, xs, ys, cluster, from, to, x0, y0, fx, fy);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        // a worker that starts after all bands are taken finds none and returns at once
        worker().execute(drain);
        drain.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the buffer must not be shared with a band still drawing, so keep waiting
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("scatter raster band failed", failure.get());
        }
    }

    /** Row bands per frame for the shared-counter split (more bands = better balance, a few more reads). */
    static final int BANDS = 8;

    private static java.util.concurrent.ExecutorService worker() {
        java.util.concurrent.ExecutorService w = worker;
        if (w == null) {
            synchronized (ScatterRaster.class) {
                w = worker;
                if (w == null) {
                    w = java.util.concurrent.Executors.newSingleThreadExecutor(
                            org.segmentlab.progress.WorkerThreads.factory("scatter-raster"));
                    worker = w;
                }
            }
        }
        return w;
    }

    /**
     * One drawing pass prepared once per frame: per-cluster premultiplied colour terms, the stamp as spans and
     * its reach. {@link #drawRows} may be called concurrently for disjoint row bands of the same buffer: each
     * band visits the points in the same order, so the result does not depend on how rows are split.
     */
    static final class Pass {
        final int nc;
        final int[] srbOf;
        final int[] sgOf;
        final int[] solidOf;
        final boolean[] draw;
        final boolean opaque;
        final int ia;
        final int[] sp;
        final int reach;
        final boolean empty;
        /** Side of the stamp if it is a full square of side 1-3 (what 1-3 px discs are), else 0. */
        final int square;
        /** Offset of the square's top-left pixel from the point's pixel (same in x and y). */
        final int sqOff;

        Pass(int[] colors, boolean[] include, int alpha256, int[] stamp, int overrideColor) {
            int a = Math.max(0, Math.min(256, alpha256));
            nc = colors.length;
            ia = 256 - a;
            opaque = a == 256;
            empty = a == 0;
            srbOf = new int[nc];
            sgOf = new int[nc];
            solidOf = new int[nc];
            draw = new boolean[nc];
            for (int c = 0; c < nc; c++) {
                int col = overrideColor != 0 ? overrideColor : colors[c];
                srbOf[c] = (col & 0xFF00FF) * a;
                sgOf[c] = (col & 0x00FF00) * a;
                solidOf[c] = 0xFF000000 | col;
                draw[c] = include == null || (c < include.length && include[c]);
            }
            sp = spans(stamp);
            int r = 0;
            for (int s = 0; s < sp.length; s += 3) {
                r = Math.max(r, Math.max(Math.abs(sp[s]), Math.max(Math.abs(sp[s + 1]), Math.abs(sp[s + 2]))));
            }
            reach = r;
            int side = sp.length / 3;
            boolean sq = side >= 1 && side <= 3;
            for (int q = 0; sq && q < sp.length; q += 3) {
                sq = sp[q] == sp[0] + q / 3 && sp[q + 1] == sp[0] && sp[q + 2] == sp[0] + side - 1;
            }
            square = sq ? side : 0;
            sqOff = sq ? sp[0] : 0;
        }

        private static int over(int d, int srb, int sg, int ia) {
            return 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                    | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
        }

        /**
         * Draws the points whose stamp touches rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive).
         * Modified: those rows of {@code buf}.
         */
        void drawRows(int[] buf, int w, int h, int rowFrom, int rowTo, double[] xs, double[] ys, int[] cluster,
                double x0, double y0, double fx, double fy) {
            drawRows(buf, w, h, rowFrom, rowTo, xs, ys, cluster, 0, xs.length, x0, y0, fx, fy);
        }

        /** As above, for points {@code pFrom} (inclusive) to {@code pTo} (exclusive) only. */
        void drawRows(int[] buf, int w, int h, int rowFrom, int rowTo, double[] xs, double[] ys, int[] cluster,
                int pFrom, int pTo, double x0, double y0, double fx, double fy) {
            if (empty || rowFrom >= rowTo) {
                return;
            }
            final int[] sp = this.sp;
            final int ns = sp.length;
            final int reach = this.reach;
            // screen position shifted by reach, so every candidate is >= 0 and (int) truncation is floor
            final double rch = reach;
            final double limX = w + 2.0 * reach;
            final double yLo = rowFrom, yHi = rowTo + 2.0 * reach;
            final int nc = this.nc;
            for (int p = pFrom; p < pTo; p++) {
                double syd = (y0 - ys[p]) * fy + rch;
                if (!(syd >= yLo && syd < yHi)) {
                    continue; // outside this band (also NaN)
                }
                double sxd = (xs[p] - x0) * fx + rch;
                if (!(sxd >= 0 && sxd < limX)) {
                    continue;
                }
                int c = cluster[p];
                if (c < 0 || c >= nc || !draw[c]) {
                    continue;
                }
                int px = (int) sxd - reach, py = (int) syd - reach;
                if (px >= reach && px < w - reach && py - reach >= rowFrom && py + reach < rowTo) {
                    // whole stamp inside: no clipping per pixel
                    int base = py * w + px;
                    if (square != 0) {
                        // 1-3 px points unrolled: no span table, no inner loop
                        int i0 = base + sqOff * w + sqOff;
                        if (opaque) {
                            int col = solidOf[c];
                            buf[i0] = col;
                            if (square >= 2) {
                                int i1 = i0 + w;
                                buf[i0 + 1] = col;
                                buf[i1] = col;
                                buf[i1 + 1] = col;
                                if (square == 3) {
                                    int i2 = i1 + w;
                                    buf[i0 + 2] = col;
                                    buf[i1 + 2] = col;
                                    buf[i2] = col;
                                    buf[i2 + 1] = col;
                                    buf[i2 + 2] = col;
                                }
                            }
                        } else {
                            int srb = srbOf[c], sg = sgOf[c], ia = this.ia;
                            buf[i0] = over(buf[i0], srb, sg, ia);
                            if (square >= 2) {
                                int i1 = i0 + w;
                                buf[i0 + 1] = over(buf[i0 + 1], srb, sg, ia);
                                buf[i1] = over(buf[i1], srb, sg, ia);
                                buf[i1 + 1] = over(buf[i1 + 1], srb, sg, ia);
                                if (square == 3) {
                                    int i2 = i1 + w;
                                    buf[i0 + 2] = over(buf[i0 + 2], srb, sg, ia);
                                    buf[i1 + 2] = over(buf[i1 + 2], srb, sg, ia);
                                    buf[i2] = over(buf[i2], srb, sg, ia);
                                    buf[i2 + 1] = over(buf[i2 + 1], srb, sg, ia);
                                    buf[i2 + 2] = over(buf[i2 + 2], srb, sg, ia);
                                }
                            }
                        }
                    } else if (opaque) {
                        int col = solidOf[c];
                        for (int s = 0; s < ns; s += 3) {
                            int row = base + sp[s] * w;
                            for (int idx = row + sp[s + 1], end = row + sp[s + 2]; idx <= end; idx++) {
                                buf[idx] = col;
                            }
                        }
                    } else {
                        int srb = srbOf[c], sg = sgOf[c], ia = this.ia;
                        for (int s = 0; s < ns; s += 3) {
                            int row = base + sp[s] * w;
                            for (int idx = row + sp[s + 1], end = row + sp[s + 2]; idx <= end; idx++) {
                                int d = buf[idx];
                                buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                                        | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
                            }
                        }
                    }
                } else {
                    clipped(buf, w, rowFrom, rowTo, px, py, c);
                }
            }
        }

        private void clipped(int[] buf, int w, int rowFrom, int rowTo, int px, int py, int c) {
            int srb = srbOf[c], sg = sgOf[c], col = solidOf[c];
            for (int s = 0; s < sp.length; s += 3) {
                int qy = py + sp[s];
                if (qy < rowFrom || qy >= rowTo) {
                    continue;
                }
                int from = Math.max(0, px + sp[s + 1]), to = Math.min(w - 1, px + sp[s + 2]);
                for (int idx = qy * w + from, end = qy * w + to; idx <= end; idx++) {
                    if (opaque) {
                        buf[idx] = col;
                    } else {
                        int d = buf[idx];
                        buf[idx] = 0xFF000000 | (((srb + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                                | (((sg + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
                    }
                }
            }
        }
    }
}
