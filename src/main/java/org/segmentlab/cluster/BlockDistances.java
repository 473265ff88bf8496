package org.segmentlab.cluster;

/**
 * Squared distances from a block of up to {@value #ROWS} rows to several centres, with the rows copied
 * feature-major (d x ROWS) so the innermost loop runs over rows: independent lanes the JIT turns into
 * SIMD code, where the row-by-row loop ({@link KMeans#sq4}) is a scalar reduction.
 *
 * <p>Exactness: each row keeps four partial sums, feature f going to sum f mod 4 in increasing f, and the
 * result is {@code (s0 + s1) + (s2 + s3)}: the very operations of {@code sq4}, in the same order (Java
 * never contracts a*b+c into an FMA), so both give the same bits and the bound-based E-steps, the seeding
 * and plain Lloyd agree exactly whichever of the two computed a distance.
 *
 * <p>One instance per thread (it is scratch memory: about (d + 4 + k) x ROWS doubles, ~30 KB at d = 20,
 * k = 10, so the block, the partial sums and the output stay in the L1 cache). Not thread-safe.
 */
final class BlockDistances {

    /** Rows per block: the d x ROWS block plus four partial-sum rows fit in a 32 KB L1 cache at d = 20. */
    static final int ROWS = 128;

    private final int d;
    /** the block, feature-major: xt[f][r] (one array per feature: C2 in JDK 17 vectorises a loop over
     * rows only when its arrays are indexed without an offset) */
    private final double[][] xt;
    private final double[] a0 = new double[ROWS];
    private final double[] a1 = new double[ROWS];
    private final double[] a2 = new double[ROWS];
    private final double[] a3 = new double[ROWS];
    /** rows in the current block */
    private int m;

    BlockDistances(int d) {
        this.d = d;
        this.xt = new double[d][ROWS];
    }

    /** Rows in the current block. */
    int rows() {
        return m;
    }

    /** Copies count (<= ROWS) consecutive rows of the row-major x, the first at index {@code offset}, into the block. */
    void load(double[] x, int offset, int count) {
        m = count;
        final int d = this.d;
        final double[][] xt = this.xt;
        // row by row: the loads stream through x in order (the stores go to d short arrays)
        for (int r = 0, o = offset; r < count; r++, o += d) {
            for (int f = 0; f < d; f++) {
                xt[f][r] = x[o + f];
            }
        }
    }

    /** Copies the rows rows[0..count-1] (count <= ROWS) of the row-major x, row i at index {@code i * d + base},
     * into the block. */
    void gather(double[] x, int base, int[] rows, int count) {
        m = count;
        final int d = this.d;
        for (int r = 0; r < count; r++) {
            int o = rows[r] * d + base;
            for (int f = 0; f < d; f++) {
                xt[f][r] = x[o + f];
            }
        }
    }

    /**
     * out[j][r] = squared distance from block row r to centre {@code first + j} of the row-major
     * {@code centers}, for j < count; bit-identical to {@code sq4}.
     */
    void distances(double[] centers, int first, int count, double[][] out) {
        final int d = this.d;
        final int m = this.m;
        final double[][] xt = this.xt;
        final double[] a0 = this.a0;
        final double[] a1 = this.a1;
        final double[] a2 = this.a2;
        final double[] a3 = this.a3;
        for (int j = 0; j < count; j++) {
            int co = (first + j) * d;
            int f = 0;
            if (d >= 4) {
                // The first four features set the partial sums (0 + t*t is t*t exactly).
                final double c0 = centers[co];
                final double c1 = centers[co + 1];
                final double c2 = centers[co + 2];
                final double c3 = centers[co + 3];
                final double[] x0 = xt[0];
                final double[] x1 = xt[1];
                final double[] x2 = xt[2];
                final double[] x3 = xt[3];
                for (int r = 0; r < m; r++) {
                    double t0 = x0[r] - c0;
                    double t1 = x1[r] - c1;
                    double t2 = x2[r] - c2;
                    double t3 = x3[r] - c3;
                    a0[r] = t0 * t0;
                    a1[r] = t1 * t1;
                    a2[r] = t2 * t2;
                    a3[r] = t3 * t3;
                }
                f = 4;
            } else {
                // d < 4: sq4's four sums stay zero except the first
                for (int r = 0; r < m; r++) {
                    a0[r] = 0;
                    a1[r] = 0;
                    a2[r] = 0;
                    a3[r] = 0;
                }
            }
            for (; f + 3 < d; f += 4) {
                final double c0 = centers[co + f];
                final double c1 = centers[co + f + 1];
                final double c2 = centers[co + f + 2];
                final double c3 = centers[co + f + 3];
                final double[] x0 = xt[f];
                final double[] x1 = xt[f + 1];
                final double[] x2 = xt[f + 2];
                final double[] x3 = xt[f + 3];
                for (int r = 0; r < m; r++) {
                    double t0 = x0[r] - c0;
                    double t1 = x1[r] - c1;
                    double t2 = x2[r] - c2;
                    double t3 = x3[r] - c3;
                    a0[r] += t0 * t0;
                    a1[r] += t1 * t1;
                    a2[r] += t2 * t2;
                    a3[r] += t3 * t3;
                }
            }
            for (; f < d; f++) {
                final double c0 = centers[co + f];
                final double[] x0 = xt[f];
                for (int r = 0; r < m; r++) {
                    double t0 = x0[r] - c0;
                    a0[r] += t0 * t0;
                }
            }
            final double[] o = out[j];
            for (int r = 0; r < m; r++) {
                o[r] = (a0[r] + a1[r]) + (a2[r] + a3[r]);
            }
        }
    }
}
