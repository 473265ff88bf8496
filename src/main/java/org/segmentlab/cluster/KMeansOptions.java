package org.segmentlab.cluster;

/**
 * K-means settings, as scikit-learn names them.
 *
 * @param k       number of clusters (>= 1)
 * @param nInit   k-means++ restarts; the lowest inertia wins
 * @param maxIter Lloyd iterations per restart
 * @param tol     relative tolerance: convergence when the centroids move (squared Frobenius norm)
 *                less than tol x the mean per-feature variance of the data
 * @param seed    the one source of randomness; same seed, same labels, whatever {@code threads}
 * @param threads worker threads (>= 1)
 */
public record KMeansOptions(int k, int nInit, int maxIter, double tol, long seed, int threads) {

    public KMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (nInit < 1 || maxIter < 1 || threads < 1 || !(tol >= 0)) {
            throw new IllegalArgumentException("n_init, max_iter and threads must be at least 1, tol not negative");
        }
    }

    public static KMeansOptions of(int k, long seed) {
        return new KMeansOptions(k, 10, 300, 1e-4, seed, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public KMeansOptions withK(int newK) {
        return new KMeansOptions(newK, nInit, maxIter, tol, seed, threads);
    }

    public KMeansOptions withThreads(int newThreads) {
        return new KMeansOptions(k, nInit, maxIter, tol, seed, newThreads);
    }
}
