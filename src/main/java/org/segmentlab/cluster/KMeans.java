package org.segmentlab.cluster;

import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * K-means with k-means++ seeding (scikit-learn's greedy variant) and restarts. Does not modify
 * {@code x}.
 */
public final class KMeans {

    private KMeans() {
    }

    /**
     * @param x row-major n x d data, not modified
     * @throws IllegalArgumentException when k exceeds the number of distinct rows (the message says so)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static KMeansResult fit(double[] x, int n, int d, KMeansOptions options, ProgressListener progress,
                                   CancellationToken cancel) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
