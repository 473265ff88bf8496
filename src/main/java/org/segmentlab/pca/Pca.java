package org.segmentlab.pca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.WorkerThreads;

/**
 * Principal component analysis on EJML, through the d x d covariance matrix: cheap for the tall,
 * narrow matrices of customer data (millions of rows, tens of features). Does not modify its input.
 *
 * <p>The rows are cut into a number of chunks that depends only on n; each chunk's partial sums are
 * added in chunk order, so the result is the same whatever the number of threads (and whatever the
 * matrix's blocks: chunks need not lie in one block, rows are read one at a time through their block).
 */
public final class Pca {

    /** Upper bound on the chunks (and so on the partial d x d sums held at once). */
    private static final int MAX_CHUNKS = 64;
    private static final int MIN_CHUNK_ROWS = 4096;

    private Pca() {
    }

    /**
     * As {@link #fit(Matrix, int, int, CancellationToken)} on the first n x d values of a row-major array
     * (not modified).
     *
     * @param n rows (at least 2)
     * @param d features (at least 1)
     */
    public static PcaResult fit(double[] x, int n, int d, int components, int threads, CancellationToken cancel) {
        return fit(wrap(x, n, d), components, threads, cancel);
    }

    /**
     * The first n x d values of a row-major array as a one-block matrix, refused with the same messages as
     * ever when the shape is too small or the array too short. An array of exactly n x d values is wrapped,
     * not copied. A longer one has always been accepted; it is copied to its first n x d values, because a
     * matrix block holds exactly its rows (the project's callers pass exact arrays).
     */
    private static Matrix wrap(double[] x, int n, int d) {
        requireShape(n, d);
        if ((long) n * d > x.length) {
            throw new IllegalArgumentException("the matrix holds " + x.length + " values, fewer than " + n + " x " + d);
        }
        return Matrix.wrap(x.length == n * d ? x : Arrays.copyOf(x, n * d), n, d);
    }

    private static void requireShape(int n, int d) {
        if (d < 1 || n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows and 1 feature, not " + n + " x " + d);
        }
    }

    /**
     * @param x          the rows (n x d: at least 2 rows and 1 feature), not modified
     * @param components how many components to keep (1..d)
     * @param threads    worker threads (at least 1); does not change the result
     * @param cancel     checked once per chunk of rows
     * @throws IllegalArgumentException when the sizes or the number of components do not fit
     * @throws CancelledException       when cancelled
     */
    public static PcaResult fit(Matrix x, int components, int threads, CancellationToken cancel) {
        int n = x.rows();
        int d = x.cols();
        requireShape(n, d);
        if (components < 1 || components > d) {
            throw new IllegalArgumentException("PCA can keep 1 to " + d + " components on " + d
                    + " features, not " + components);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        int chunkRows = Math.max(MIN_CHUNK_ROWS, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        int chunks = (n + chunkRows - 1) / chunkRows;
        ExecutorService pool = threads > 1 && chunks > 1 ? Executors.newFixedThreadPool(Math.min(threads, chunks),
                WorkerThreads.factory("pca-worker")) : null;
        try {
            // 1. Mean: per-chunk sums, added in chunk order.
            double[][] sums = run(pool, chunks, c -> {
                cancel.throwIfCancelled();
                double[] s = new double[d];
                int end = Math.min(n, (c + 1) * chunkRows);
                for (int i = c * chunkRows; i < end; i++) {
                    double[] xb = x.blockOf(i);
                    int base = x.offset(i);
                    for (int j = 0; j < d; j++) {
                        s[j] += xb[base + j];
                    }
                }
                return s;
            });
            double[] mean = new double[d];
            for (double[] s : sums) {
                for (int j = 0; j < d; j++) {
                    mean[j] += s[j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }

            // 2. Scatter matrix of the centred rows (upper triangle), per chunk, added in chunk order.
            double[][] partial = run(pool, chunks, c -> {
                cancel.throwIfCancelled();
                return scatter(x, d, mean, c * chunkRows, Math.min(n, (c + 1) * chunkRows));
            });
            DMatrixRMaj cov = new DMatrixRMaj(d, d);
            double[] cv = cov.data;
            for (double[] p : partial) {
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        cv[a * d + b] += p[a * d + b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cv[a * d + b] /= n - 1;
                    cv[b * d + a] = cv[a * d + b];
                }
            }
            double total = 0;
            for (int a = 0; a < d; a++) {
                total += cv[a * d + a];
            }
            cancel.throwIfCancelled();

            // 3. Symmetric eigen decomposition, components by decreasing variance.
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
            if (!eig.decompose(cov)) {
                throw new IllegalStateException("the eigen decomposition of the covariance matrix did not converge");
            }
            Integer[] order = new Integer[d];
            double[] values = new double[d];
            for (int i = 0; i < d; i++) {
                order[i] = i;
                values[i] = eig.getEigenvalue(i).getReal();
            }
            Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
            double[] explained = new double[components];
            double[] ratio = new double[components];
            double[] loadings = new double[components * d];
            for (int c = 0; c < components; c++) {
                int k = order[c];
                // Rounding can leave tiny negative eigenvalues on rank-deficient data.
                explained[c] = Math.max(0.0, values[k]);
                ratio[c] = total > 0 ? explained[c] / total : 0.0;
                DMatrixRMaj v = eig.getEigenVector(k);
                double norm = 0;
                int argMax = 0;
                for (int j = 0; j < d; j++) {
                    norm += v.data[j] * v.data[j];
                    if (Math.abs(v.data[j]) > Math.abs(v.data[argMax])) {
                        argMax = j;
                    }
                }
                norm = Math.sqrt(norm);
                double sign = v.data[argMax] < 0 ? -1.0 : 1.0;
                for (int j = 0; j < d; j++) {
                    loadings[c * d + j] = sign * v.data[j] / norm;
                }
            }

            // 4. Scores: centred rows projected on the components.
            // One array per component: n doubles each, not one n x components block (see PcaResult).
            double[][] columns = new double[components][n];
            run(pool, chunks, ch -> {
                cancel.throwIfCancelled();
                double[] row = new double[d];
                int end = Math.min(n, (ch + 1) * chunkRows);
                for (int i = ch * chunkRows; i < end; i++) {
                    double[] xb = x.blockOf(i);
                    int base = x.offset(i);
                    for (int j = 0; j < d; j++) {
                        row[j] = xb[base + j] - mean[j];
                    }
                    for (int c = 0; c < components; c++) {
                        double s = 0;
                        int off = c * d;
                        for (int j = 0; j < d; j++) {
                            s += row[j] * loadings[off + j];
                        }
                        columns[c][i] = s;
                    }
                }
                return null;
            });
            return PcaResult.owningColumns(components, d, n, mean, explained, ratio, loadings, columns);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Rows transposed per block of the scatter kernel: d x BLOCK doubles stay in the L1/L2 cache. */
    private static final int BLOCK = 256;

    /**
     * Upper triangle of sum over rows [from, to) of (x - mean)(x - mean)^T, row-major d x d. The rows
     * are centred and transposed a block at a time, so each entry is a dot product of two contiguous
     * arrays, with four accumulators to keep the floating-point units busy.
     */
    static double[] scatter(Matrix x, int d, double[] mean, int from, int to) {
        double[] acc = new double[d * d];
        double[][] t = new double[d][BLOCK];
        for (int r0 = from; r0 < to; r0 += BLOCK) {
            int len = Math.min(BLOCK, to - r0);
            for (int i = 0; i < len; i++) {
                double[] xb = x.blockOf(r0 + i);
                int base = x.offset(r0 + i);
                for (int j = 0; j < d; j++) {
                    t[j][i] = xb[base + j] - mean[j];
                }
            }
            for (int a = 0; a < d; a++) {
                double[] ta = t[a];
                for (int b = a; b < d; b++) {
                    double[] tb = t[b];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    int i = 0;
                    for (; i + 3 < len; i += 4) {
                        s0 += ta[i] * tb[i];
                        s1 += ta[i + 1] * tb[i + 1];
                        s2 += ta[i + 2] * tb[i + 2];
                        s3 += ta[i + 3] * tb[i + 3];
                    }
                    for (; i < len; i++) {
                        s0 += ta[i] * tb[i];
                    }
                    acc[a * d + b] += (s0 + s1) + (s2 + s3);
                }
            }
        }
        return acc;
    }

    private interface ChunkTask {
        double[] apply(int chunk);
    }

    /** Runs every chunk (on the pool when there is one) and returns the results in chunk order. */
    private static double[][] run(ExecutorService pool, int chunks, ChunkTask task) {
        double[][] out = new double[chunks][];
        if (pool == null) {
            for (int c = 0; c < chunks; c++) {
                out[c] = task.apply(c);
            }
            return out;
        }
        List<Future<double[]>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            futures.add(pool.submit(() -> task.apply(chunk)));
        }
        try {
            for (int c = 0; c < chunks; c++) {
                out[c] = futures.get(c).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
