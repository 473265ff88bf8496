package org.segmentlab.metrics;

import org.segmentlab.progress.CancellationToken;

/**
 * Exact silhouettes (Euclidean) without an n x n matrix. Does not modify its inputs.
 */
public final class Silhouette {

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
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
