package org.segmentlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.progress.WorkerThreads;

/**
 * Exact silhouettes (Euclidean) without an n x n matrix. Does not modify its inputs. The rows are read
 * from a {@link Matrix} (the {@code double[]} overloads wrap their array as one), copied once.
 *
 * <p>How (symmetric pass, up to {@value #SYMMETRIC_MAX_SUMS} per-row sums): the listed rows are cut into
 * tiles of {@value #SYM_TILE} rows and every pair of tiles (I, J) with I <= J is visited once. Its block
 * distances are computed once (direct differences, doubles, a loop the JIT vectorises) and added, for
 * every labelling, into both sides' per-cluster sums ({@code sums[cluster][row]}, vector loops), so each
 * pairwise distance is computed once for all labellings and both rows. Determinism: the tile rows are
 * dealt to {@value #LANES} fixed lanes (balanced by work, independent of the thread count); each lane
 * accumulates into its own sums in a fixed order and the lanes are added in lane order, so the result is
 * the same to the bit for any number of threads (threads take whole lanes).
 *
 * <p>Beyond that size (huge exact runs) the lanes' memory would be too large, and a one-sided pass is
 * used: every tile visits every row j (each distance computed twice), accumulating in j order.
 */
public final class Silhouette {

    /** Rows per tile: the tile's columns (d x 64) and its sums (clusters x 64) stay in L1/L2. */
    static final int TILE = 64;

    /** Rows per tile of the symmetric pass: blocks of 128 x 128 distances (128 KB, in L2), rows long
     * enough that the JIT's unrolled vector loops spend little time in their scalar tails (measured:
     * 128 about 10% faster than 64 or 256 on cc_general, one thread). */
    static final int SYM_TILE = 128;

    /** Fixed number of partial-sum lanes of the symmetric pass (the most threads it can use). */
    static final int LANES = 4;

    /** Largest lanes x rows x clusters for the symmetric pass (8M doubles = 64 MB). */
    static final long SYMMETRIC_MAX_SUMS = 8L << 20;

    private Silhouette() {
    }

    /**
     * Silhouette of each listed row against all listed rows.
     *
     * @param x       the rows (n x d), not modified
     * @param rows    the rows to score and compare against (all rows, or a sample), ascending
     * @param labels  cluster of every row of x (length n)
     * @return one silhouette per entry of {@code rows}; 0 for a row alone in its cluster (as scikit-learn)
     */
    public static double[] samples(Matrix x, int[] rows, int[] labels, int k, int threads, CancellationToken cancel) {
        return samplesForSweep(x, rows, new int[][] {labels}, new int[] {k}, threads, cancel)[0];
    }

    /** As {@link #samples(Matrix, int[], int[], int, int, CancellationToken)} on a row-major n x d array. */
    public static double[] samples(double[] x, int n, int d, int[] rows, int[] labels, int k, int threads,
                                   CancellationToken cancel) {
        return samples(wrap(x, n, d), rows, labels, k, threads, cancel);
    }

    /** Mean silhouette over all rows, as scikit-learn's silhouette_score (exact). */
    public static double score(Matrix x, int[] labels, int k, int threads, CancellationToken cancel) {
        return mean(samples(x, allRows(x.rows()), labels, k, threads, cancel));
    }

    /** As {@link #score(Matrix, int[], int, int, CancellationToken)} on a row-major n x d array. */
    public static double score(double[] x, int n, int d, int[] labels, int k, int threads, CancellationToken cancel) {
        return score(wrap(x, n, d), labels, k, threads, cancel);
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
    public static double[][] samplesForSweep(Matrix x, int[] rows, int[][] labelings, int[] ks, int threads,
                                             CancellationToken cancel) {
        return samplesForSweep(x, rows, labelings, ks, threads, null, cancel);
    }

    /**
     * As {@link #samplesForSweep(Matrix, int[], int[][], int[], int, CancellationToken)} on a row-major
     * n x d array.
     */
    public static double[][] samplesForSweep(double[] x, int n, int d, int[] rows, int[][] labelings, int[] ks,
                                             int threads, CancellationToken cancel) {
        return samplesForSweep(wrap(x, n, d), rows, labelings, ks, threads, cancel);
    }

    /**
     * As {@link #samplesForSweep(Matrix, int[], int[][], int[], int, CancellationToken)}, reporting the share
     * of distance work done to {@code progress} (from the worker threads, a few hundred times per pass at
     * most).
     */
    public static double[][] samplesForSweep(Matrix x, int[] rows, int[][] labelings, int[] ks, int threads,
                                             ProgressListener progress, CancellationToken cancel) {
        return samplesForSweep(x, rows, labelings, ks, threads, progress, cancel, true);
    }

    /**
     * As {@link #samplesForSweep(Matrix, int[], int[][], int[], int, ProgressListener, CancellationToken)}
     * on a row-major n x d array.
     */
    public static double[][] samplesForSweep(double[] x, int n, int d, int[] rows, int[][] labelings, int[] ks,
                                             int threads, ProgressListener progress, CancellationToken cancel) {
        return samplesForSweep(wrap(x, n, d), rows, labelings, ks, threads, progress, cancel);
    }

    /** As the public overload on a row-major n x d array, for tests comparing the two passes. */
    static double[][] samplesForSweep(double[] x, int n, int d, int[] rows, int[][] labelings, int[] ks,
                                      int threads, ProgressListener progress, CancellationToken cancel,
                                      boolean allowSymmetric) {
        return samplesForSweep(wrap(x, n, d), rows, labelings, ks, threads, progress, cancel, allowSymmetric);
    }

    /** A row-major array as a one-block matrix (not copied); refused, with the same message as ever, unless
     * it holds n x d values. */
    private static Matrix wrap(double[] x, int n, int d) {
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("the data array holds " + x.length + " values, not " + n + " x " + d);
        }
        return Matrix.wrap(x, n, d);
    }

    /** @param allowSymmetric false forces the one-sided pass (for tests comparing the two) */
    static double[][] samplesForSweep(Matrix x, int[] rows, int[][] labelings, int[] ks, int threads,
                                      ProgressListener progress, CancellationToken cancel, boolean allowSymmetric) {
        int n = x.rows();
        int d = x.cols();
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
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
            if ((r & 65535) == 0) {
                c.throwIfCancelled();
            }
            double[] xb = x.blockOf(rows[r]);
            int o = x.offset(rows[r]);
            for (int f = 0; f < d; f++) {
                double v = xb[o + f];
                xr[r * d + f] = v;
                xc[f * m + r] = v;
            }
        }
        double[][] out = new double[nl][m];
        if (allowSymmetric && (long) LANES * m * total <= SYMMETRIC_MAX_SUMS) {
            symmetric(m, d, nl, total, xr, xc, code, counts, off, out, threads, p, c);
            return out;
        }
        int nTiles = (m + TILE - 1) / TILE;
        AtomicInteger tilesDone = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            double[] sums = new double[total * TILE];
            double[] dist = new double[TILE];
            for (int t = next.getAndIncrement(); t < nTiles; t = next.getAndIncrement()) {
                c.throwIfCancelled();
                tile(t, m, d, nl, total, xr, xc, code, counts, off, sums, dist, out, c);
                p.update((double) tilesDone.incrementAndGet() / nTiles, "Silhouettes");
            }
        };
        run(worker, Math.max(1, Math.min(threads, nTiles)));
        return out;
    }

    /** Runs {@code worker} on {@code workers} threads (or this one) and rethrows the first failure. */
    private static void run(Runnable worker, int workers) {
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, WorkerThreads.factory("segmentlab-silhouette"));
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
    }

    /**
     * The symmetric pass (see the class comment). Sums are laid out {@code [lane][cluster code][row]}.
     */
    private static void symmetric(int m, int d, int nl, int total, double[] xr, double[] xc, int[][] code,
                                  int[][] counts, int[] off, double[][] out, int threads, ProgressListener p,
                                  CancellationToken cancel) {
        int nTiles = (m + SYM_TILE - 1) / SYM_TILE;
        // Deal tile rows (tile I visits J = I..nTiles-1) to lanes, largest first, each to the least
        // loaded lane (lowest index on ties): a fixed assignment, whatever the thread count.
        int[][] laneTiles = new int[LANES][];
        {
            long[] load = new long[LANES];
            int[] cnt = new int[LANES];
            int[] lane = new int[nTiles];
            for (int t = 0; t < nTiles; t++) {
                int best = 0;
                for (int q = 1; q < LANES; q++) {
                    if (load[q] < load[best]) {
                        best = q;
                    }
                }
                lane[t] = best;
                load[best] += nTiles - t;
                cnt[best]++;
            }
            for (int q = 0; q < LANES; q++) {
                laneTiles[q] = new int[cnt[q]];
                cnt[q] = 0;
            }
            for (int t = 0; t < nTiles; t++) {
                laneTiles[lane[t]][cnt[lane[t]]++] = t;
            }
        }
        double[][] sums = new double[LANES][];
        long pairs = (long) nTiles * (nTiles + 1) / 2;
        java.util.concurrent.atomic.AtomicLong pairsDone = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger nextLane = new AtomicInteger();
        Runnable worker = () -> {
            double[] dist = new double[SYM_TILE * SYM_TILE];
            double[] distT = new double[SYM_TILE * SYM_TILE];
            for (int q = nextLane.getAndIncrement(); q < LANES; q = nextLane.getAndIncrement()) {
                double[] s = new double[total * m];
                sums[q] = s;
                for (int ti : laneTiles[q]) {
                    for (int tj = ti; tj < nTiles; tj++) {
                        cancel.throwIfCancelled();
                        block(ti, tj, m, d, nl, xr, xc, code, s, dist, distT);
                    }
                    long done = pairsDone.addAndGet(nTiles - ti);
                    p.update((double) done / pairs, "Silhouettes");
                }
            }
        };
        run(worker, Math.max(1, Math.min(threads, LANES)));
        cancel.throwIfCancelled();
        // Lanes in lane order, then scikit-learn's formula per row (see finish()).
        double[] all = sums[0];
        for (int q = 1; q < LANES; q++) {
            double[] s = sums[q];
            for (int i = 0; i < all.length; i++) {
                all[i] += s[i];
            }
        }
        for (int l = 0; l < nl; l++) {
            int k = counts[l].length;
            int[] cnt = counts[l];
            for (int r = 0; r < m; r++) {
                int own = code[l][r] - off[l];
                if (cnt[own] <= 1) {
                    out[l][r] = 0.0;
                    continue;
                }
                double a = all[(off[l] + own) * m + r] / (cnt[own] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int q = 0; q < k; q++) {
                    if (q != own && cnt[q] > 0) {
                        b = Math.min(b, all[(off[l] + q) * m + r] / cnt[q]);
                    }
                }
                double s = (b - a) / Math.max(a, b);
                out[l][r] = Double.isFinite(s) ? s : 0.0;
            }
        }
    }

    /**
     * Distances between tile rows ti and tj, added to both sides' per-cluster sums: row j of tile tj gets
     * d(i, j) in cluster(i) for every i of ti, and (when ti != tj) row i gets it in cluster(j).
     */
    private static void block(int ti, int tj, int m, int d, int nl, double[] xr, double[] xc, int[][] code,
                              double[] s, double[] dist, double[] distT) {
        int i0 = ti * SYM_TILE;
        int j0 = tj * SYM_TILE;
        int li = Math.min(SYM_TILE, m - i0);
        int lj = Math.min(SYM_TILE, m - j0);
        for (int i = 0; i < li; i++) {
            int io = (i0 + i) * d;
            int dOff = i * SYM_TILE;
            java.util.Arrays.fill(dist, dOff, dOff + lj, 0.0);
            for (int f = 0; f < d; f++) {
                double xi = xr[io + f];
                int co = f * m + j0;
                for (int j = 0; j < lj; j++) {
                    double diff = xc[co + j] - xi;
                    dist[dOff + j] += diff * diff;
                }
            }
            for (int j = 0; j < lj; j++) {
                dist[dOff + j] = Math.sqrt(dist[dOff + j]);
            }
            for (int l = 0; l < nl; l++) {
                int so = code[l][i0 + i] * m + j0;
                for (int j = 0; j < lj; j++) {
                    s[so + j] += dist[dOff + j];
                }
            }
        }
        if (ti == tj) {
            return; // the block already held both orders of every pair
        }
        for (int i = 0; i < li; i++) {
            for (int j = 0; j < lj; j++) {
                distT[j * SYM_TILE + i] = dist[i * SYM_TILE + j];
            }
        }
        for (int j = 0; j < lj; j++) {
            int dOff = j * SYM_TILE;
            for (int l = 0; l < nl; l++) {
                int so = code[l][j0 + j] * m + i0;
                for (int i = 0; i < li; i++) {
                    s[so + i] += distT[dOff + i];
                }
            }
        }
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
