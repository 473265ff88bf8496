package org.segmentlab.pca;

import org.segmentlab.progress.CancellationToken;

/** Principal component analysis on EJML. Does not modify its input. */
public final class Pca {

    private Pca() {
    }

    /**
     * @param x          row-major n x d, not modified
     * @param components how many components to keep (at most d)
     */
    public static PcaResult fit(double[] x, int n, int d, int components, int threads, CancellationToken cancel) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
