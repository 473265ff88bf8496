package org.segmentlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.progress.CancellationToken;

/**
 * Exact silhouettes (Euclidean) without an n x n matrix. Does not modify its inputs.
 *
 * <p>How: the listed rows are cut into tiles of {@value #TILE} rows. For one tile and every row j, the
 * distances from j to the tile's rows are computed once (direct differences, doubles, a loop the JIT
 * vectorises) and added, for every labelling, into that labelling's per-cluster sums of the tile's
 * rows ({@code sums[cluster][row]}, again a vector loop). Each row's sums are accumulated in the same
 * order (j ascending) whatever the thread count, so results are deterministic; tiles are spread over
 * the threads.
 */
public final class Silhouette {

    /** Rows per tile: the tile's columns (d x 64) and its sums (clusters x 64) stay in L1/L2. */
    static final int TILE = 64;

    private Silhouette() {
    }

    /**
     * Silhouette of each listed row against all listed rows.
     *
     * @param x       row-major n x d
     * @param rows    the rows to score and compare against (all rows, or a sample), ascending
     * @param labels  cluster of every row of x (length n)
     * @return one silhouette per entry of {@code rows}; 0 for a row alone in its cluster (as scikit-learn)
     */
    public static double[] samples(double[] x, int n, int d, int[] rows, int[] labels, int k, int threads,
                                   CancellationToken cancel) {
        return samplesForSweep(x, n, d, rows, new int[][] {labels}, new int[] {k}, threads, cancel)[0];
    }

    /** Mean silhouette over all rows, as scikit-learn's silhouette_score (exact). */
    public static double score(double[] x, int n, int d, int[] labels, int k, int threads, CancellationToken cancel) {
        return mean(samples(x, n, d, allRows(n), labels, k, threads, cancel));
    }

    /** 0..n-1. */
    public static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Arithmetic mean, NaN for an empty array. */
    public static double mean(double[] s) {
        if (s.length == 0) {
            return Double.NaN;
        }
        double t = 0;
        for (double v : s) {
            t += v;
        }
        return t / s.length;
    }

    /**
     * Silhouettes of several labellings of the same rows at once, sharing the distance work: each
     * pairwise distance is computed once for all labellings.
     *
     * @param labelings labels per labelling (each of length n)
     * @param ks        number of clusters of each labelling
     * @return per labelling, one silhouette per entry of {@code rows}
     */
    public static double[][] samplesForSweep(double[] x, int n, int d, int[] rows, int[][] labelings, int[] ks,
                                             int threads, CancellationToken cancel) {
        CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("the data array holds " + x.length + " values, not " + n + " x " + d);
        }
        int nl = labelings.length;
        if (ks.length != nl) {
            throw new IllegalArgumentException("one k per labelling is needed");
        }
        int m = rows.length;
        for (int r = 0; r < m; r++) {
            if (rows[r] < 0 || rows[r] >= n || (r > 0 && rows[r] <= rows[r - 1])) {
                throw new IllegalArgumentException("rows must be ascending indices in 0.." + (n - 1));
            }
        }
        // Cluster code of every listed row, per labelling, offset so all labellings share one sums block.
        int[] off = new int[nl + 1];
        for (int l = 0; l < nl; l++) {
            if (labelings[l].length != n) {
                throw new IllegalArgumentException("labelling " + l + " has " + labelings[l].length + " labels, not " + n);
            }
            off[l + 1] = off[l] + ks[l];
        }
        int total = off[nl];
        int[][] code = new int[nl][m];
        int[][] counts = new int[nl][];
        for (int l = 0; l < nl; l++) {
            counts[l] = new int[ks[l]];
            for (int r = 0; r < m; r++) {
                int lab = labelings[l][rows[r]];
                if (lab < 0 || lab >= ks[l]) {
                    throw new IllegalArgumentException("label " + lab + " of row " + rows[r] + " is outside 0.." + (ks[l] - 1));
                }
                counts[l][lab]++;
                code[l][r] = off[l] + lab;
            }
        }
        // Listed rows, row-major (for j) and column-major (for the tile's i), copied once.
        double[] xr = new double[m * d];
        double[] xc = new double[m * d];
        for (int r = 0; r < m; r++) {
            int o = rows[r] * d;
            for (int f = 0; f < d; f++) {
                double v = x[o + f];
                xr[r * d + f] = v;
                xc[f * m + r] = v;
            }
        }
        double[][] out = new double[nl][m];
        int nTiles = (m + TILE - 1) / TILE;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            double[] sums = new double[total * TILE];
            double[] dist = new double[TILE];
            for (int t = next.getAndIncrement(); t < nTiles; t = next.getAndIncrement()) {
                c.throwIfCancelled();
                tile(t, m, d, nl, total, xr, xc, code, counts, off, sums, dist, out, c);
            }
        };
        int workers = Math.max(1, Math.min(threads, nTiles));
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread th = new Thread(r, "segmentlab-silhouette");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    fs.add(pool.submit(worker));
                }
                RuntimeException failure = null;
                for (Future<?> f : fs) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while computing silhouettes", e);
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return out;
    }

    private static void tile(int t, int m, int d, int nl, int total, double[] xr, double[] xc, int[][] code,
                             int[][] counts, int[] off, double[] sums, double[] dist, double[][] out,
                             CancellationToken cancel) {
        int i0 = t * TILE;
        int len = Math.min(TILE, m - i0);
        java.util.Arrays.fill(sums, 0.0);
        for (int j = 0; j < m; j++) {
            if ((j & 4095) == 0) {
                cancel.throwIfCancelled();
            }
            int jo = j * d;
            java.util.Arrays.fill(dist, 0, len, 0.0);
            for (int f = 0; f < d; f++) {
                double xj = xr[jo + f];
                int co = f * m + i0;
                for (int i = 0; i < len; i++) {
                    double diff = xc[co + i] - xj;
                    dist[i] += diff * diff;
                }
            }
            for (int i = 0; i < len; i++) {
                dist[i] = Math.sqrt(dist[i]);
            }
            for (int l = 0; l < nl; l++) {
                int so = code[l][j] * TILE;
                for (int i = 0; i < len; i++) {
                    sums[so + i] += dist[i];
                }
            }
        }
        // scikit-learn's formula: a = own sum / (size - 1), b = min over other present clusters of
        // sum / size, s = (b - a) / max(a, b); 0 for a singleton and where 0 / 0.
        for (int l = 0; l < nl; l++) {
            int k = counts[l].length;
            int[] cnt = counts[l];
            for (int i = 0; i < len; i++) {
                int r = i0 + i;
                int own = code[l][r] - off[l];
                if (cnt[own] <= 1) {
                    out[l][r] = 0.0;
                    continue;
                }
                double a = sums[(off[l] + own) * TILE + i] / (cnt[own] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int q = 0; q < k; q++) {
                    if (q != own && cnt[q] > 0) {
                        b = Math.min(b, sums[(off[l] + q) * TILE + i] / cnt[q]);
                    }
                }
                double mx = Math.max(a, b);
                double s = (b - a) / mx;
                out[l][r] = Double.isFinite(s) ? s : 0.0;
            }
        }
    }
}
