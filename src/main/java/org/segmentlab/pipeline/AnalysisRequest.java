package org.segmentlab.pipeline;

import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.prep.PrepOptions;

/**
 * One analysis, as the GUI and the CLI both describe it. Immutable and validated.
 *
 * @param prep          how the table becomes a feature matrix
 * @param kMin          first k of the sweep (>= 1)
 * @param kMax          last k of the sweep (>= kMin)
 * @param chosenK       the k to show, or null for the knee (else the best silhouette, else kMin)
 * @param nInit         k-means++ restarts per k
 * @param maxIter       Lloyd iterations per restart
 * @param tol           convergence tolerance, relative to the data's mean variance
 * @param seed          the only source of randomness
 * @param threads       worker threads; does not change any result
 * @param silhouette    how silhouettes are computed
 * @param pcaComponents principal components kept (0 = no PCA)
 */
public record AnalysisRequest(PrepOptions prep, int kMin, int kMax, Integer chosenK, int nInit, int maxIter,
                              double tol, long seed, int threads, SilhouetteMode silhouette, int pcaComponents) {

    public static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    public AnalysisRequest {
        if (prep == null || silhouette == null) {
            throw new IllegalArgumentException("preparation and silhouette mode are required");
        }
        if (kMin < 1) {
            throw new IllegalArgumentException("the smallest k must be at least 1, not " + kMin);
        }
        if (kMax < kMin) {
            throw new IllegalArgumentException("the k range " + kMin + ".." + kMax + " is empty: the largest k must be at least the smallest");
        }
        if (chosenK != null && chosenK < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + chosenK);
        }
        if (nInit < 1) {
            throw new IllegalArgumentException("n_init must be at least 1, not " + nInit);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max_iter must be at least 1, not " + maxIter);
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (pcaComponents < 0) {
            throw new IllegalArgumentException("PCA components must not be negative");
        }
    }

    /** The seeds' analysis: default preparation, k 1..10, knee, n_init 10, seed 42, 2 components. */
    public static AnalysisRequest defaults() {
        return new AnalysisRequest(PrepOptions.defaults(), 1, 10, null, 10, 300, 1e-4, 42L, DEFAULT_THREADS,
                SilhouetteMode.AUTO, 2);
    }

    public AnalysisRequest withPrep(PrepOptions p) {
        return new AnalysisRequest(p, kMin, kMax, chosenK, nInit, maxIter, tol, seed, threads, silhouette, pcaComponents);
    }

    public AnalysisRequest withChosenK(Integer k) {
        return new AnalysisRequest(prep, kMin, kMax, k, nInit, maxIter, tol, seed, threads, silhouette, pcaComponents);
    }

    public AnalysisRequest withKRange(int min, int max) {
        return new AnalysisRequest(prep, min, max, chosenK, nInit, maxIter, tol, seed, threads, silhouette, pcaComponents);
    }

    public AnalysisRequest withSeed(long s) {
        return new AnalysisRequest(prep, kMin, kMax, chosenK, nInit, maxIter, tol, s, threads, silhouette, pcaComponents);
    }

    public AnalysisRequest withNInit(int n) {
        return new AnalysisRequest(prep, kMin, kMax, chosenK, n, maxIter, tol, seed, threads, silhouette, pcaComponents);
    }

    public AnalysisRequest withThreads(int t) {
        return new AnalysisRequest(prep, kMin, kMax, chosenK, nInit, maxIter, tol, seed, t, silhouette, pcaComponents);
    }

    public AnalysisRequest withSilhouette(SilhouetteMode m) {
        return new AnalysisRequest(prep, kMin, kMax, chosenK, nInit, maxIter, tol, seed, threads, m, pcaComponents);
    }
}
