package org.segmentlab.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.Matrix;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.prep.TestTables;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;

class PcaTest {

    /**
     * scikit-learn 1.2.1 PCA(2, svd_solver='full').explained_variance_ratio_ on cc_general.csv, mean-imputed
     * and standardized (17 features), copied from /work/shared/golden/cc_general_sklearn_seed42.json
     * ("pca_explained_variance_ratio").
     */
    private static final double[] SKLEARN_RATIO = {0.2729003721751004, 0.2030199133311015};

    private static double[] random(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double common = rnd.nextGaussian();
            for (int j = 0; j < d; j++) {
                // Correlated features with different spreads, so the components are well separated.
                x[i * d + j] = (j + 1) * common + rnd.nextGaussian() * (0.5 + j) + 10 * j;
            }
        }
        return x;
    }

    @Test
    void creditCardExplainedVarianceMatchesScikitLearn() throws Exception {
        PreparedData p = Preparer.prepare(TestTables.creditCard(), PrepOptions.defaults());
        PcaResult r = Pca.fit(p.scaled(), p.rows(), p.cols(), 2, 2, CancellationToken.NONE);
        // Acceptance asks for 1e-6; the golden README promises 1e-9; we measured 4e-15.
        assertArrayEquals(SKLEARN_RATIO, r.explainedVarianceRatio(), 1e-9);
        // The data are standardized, so the total variance is 17 * n / (n - 1).
        double total = 17.0 * p.rows() / (p.rows() - 1);
        assertEquals(SKLEARN_RATIO[0] * total, r.explainedVariance()[0], 1e-6 * total);
        assertSignConvention(r);
    }

    @Test
    void handComputedAxisAlignedAndRotatedCases() {
        // Points (2,0), (-2,0), (0,1), (0,-1): variances 8/3 and 2/3 along the axes.
        double[] x = {2, 0, -2, 0, 0, 1, 0, -1};
        PcaResult r = Pca.fit(x, 4, 2, 2, 1, CancellationToken.NONE);
        assertArrayEquals(new double[] {8.0 / 3, 2.0 / 3}, r.explainedVariance(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2}, r.explainedVarianceRatio(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 1}, r.loadings(), 1e-12);
        assertArrayEquals(new double[] {2, 0, -2, 0, 0, 1, 0, -1}, r.scores(), 1e-12);

        // The same points rotated by 30 degrees and shifted: same variances, rotated loadings.
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[] y = new double[8];
        for (int i = 0; i < 4; i++) {
            y[2 * i] = c * x[2 * i] - s * x[2 * i + 1] + 5;
            y[2 * i + 1] = s * x[2 * i] + c * x[2 * i + 1] - 3;
        }
        PcaResult q = Pca.fit(y, 4, 2, 2, 1, CancellationToken.NONE);
        assertArrayEquals(new double[] {8.0 / 3, 2.0 / 3}, q.explainedVariance(), 1e-12);
        assertArrayEquals(new double[] {5, -3}, q.mean(), 1e-12);
        // PC2 = (-sin, cos): its largest entry, cos 30, is the positive one.
        assertArrayEquals(new double[] {c, s, -s, c}, q.loadings(), 1e-12);
    }

    @Test
    void agreesWithTheSvdOfTheCentredMatrix() {
        int n = 300;
        int d = 5;
        double[] x = random(n, d, 11);
        PcaResult r = Pca.fit(x, n, d, 3, 1, CancellationToken.NONE);

        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j] / n;
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred.set(i, j, x[i * d + j] - mean[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        assertTrue(svd.decompose(centred));
        double[] sv = svd.getSingularValues().clone();
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = {0, 1, 2, 3, 4};
        Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        double total = 0;
        for (double value : sv) {
            total += value * value / (n - 1);
        }
        for (int c = 0; c < 3; c++) {
            double expected = sv[order[c]] * sv[order[c]] / (n - 1);
            assertEquals(expected, r.explainedVariance()[c], 1e-9 * expected);
            assertEquals(expected / total, r.explainedVarianceRatio()[c], 1e-9);
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += v.get(j, order[c]) * r.loading(c, j);
            }
            assertEquals(1.0, Math.abs(dot), 1e-9, "component " + c + " is the same axis up to sign");
        }
        // Scores are the centred rows projected on the loadings, with the component's variance.
        for (int c = 0; c < 3; c++) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += centred.get(i, j) * r.loading(c, j);
                }
                assertEquals(s, r.score(i, c), 1e-9);
                ss += s * s;
            }
            assertEquals(r.explainedVariance()[c], ss / (n - 1), 1e-9 * ss);
        }
        assertSignConvention(r);
    }

    @Test
    void largestLoadingIsPositiveEvenWhenTheDataAreMirrored() {
        int n = 200;
        double[] x = random(n, 4, 3);
        double[] mirrored = x.clone();
        for (int i = 0; i < mirrored.length; i++) {
            mirrored[i] = -mirrored[i];
        }
        PcaResult a = Pca.fit(x, n, 4, 4, 1, CancellationToken.NONE);
        PcaResult b = Pca.fit(mirrored, n, 4, 4, 1, CancellationToken.NONE);
        assertSignConvention(a);
        assertSignConvention(b);
        assertArrayEquals(a.loadings(), b.loadings(), 1e-9, "mirroring the data must not flip the components");
        double[] sa = a.scores();
        double[] sb = b.scores();
        for (int i = 0; i < sa.length; i++) {
            assertEquals(-sa[i], sb[i], 1e-9);
        }
    }

    @Test
    void inputIsNotModifiedAndThreadsDoNotChangeTheResult() {
        int n = 20_000; // several chunks of rows
        int d = 6;
        double[] x = random(n, d, 5);
        double[] copy = x.clone();
        PcaResult one = Pca.fit(x, n, d, 2, 1, CancellationToken.NONE);
        PcaResult two = Pca.fit(x, n, d, 2, 2, CancellationToken.NONE);
        assertArrayEquals(copy, x, 0);
        assertArrayEquals(one.explainedVariance(), two.explainedVariance(), 0);
        assertArrayEquals(one.loadings(), two.loadings(), 0);
        assertArrayEquals(one.scores(), two.scores(), 0);
        assertArrayEquals(one.mean(), two.mean(), 0);
    }

    @Test
    void aResultBuiltFromArraysCopiesThemAndHandsOutCopies() {
        double[] mean = {1, 2};
        double[] loadings = {1, 0, 0, 1};
        double[] scores = {0.5, -0.5, 1.5, -1.5, 2.5, -2.5};
        PcaResult r = new PcaResult(2, 2, 3, mean, new double[] {3, 1}, new double[] {0.75, 0.25}, loadings, scores);
        scores[0] = 99;
        loadings[0] = 99;
        mean[0] = 99;
        assertEquals(0.5, r.score(0, 0), 0);
        assertEquals(1, r.loading(0, 0), 0);
        assertEquals(1, r.mean()[0], 0);
        r.scores()[1] = 99;
        assertEquals(-0.5, r.score(0, 1), 0);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, r.componentView(0), 0);
        assertArrayEquals(new double[] {0.5, -0.5, 1.5, -1.5, 2.5, -2.5}, r.scores(), 0, "row-major, as given");
        assertThrows(IllegalArgumentException.class,
                () -> new PcaResult(2, 2, 4, mean, new double[2], new double[2], loadings, scores));
    }

    @Test
    void badArgumentsAreRefused() {
        double[] x = random(10, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(x, 10, 3, 4, 1, CancellationToken.NONE));
        assertEquals("PCA can keep 1 to 3 components on 3 features, not 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 10, 3, 0, 1, CancellationToken.NONE));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 1, 3, 1, 1, CancellationToken.NONE));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 11, 3, 1, 1, CancellationToken.NONE));
    }

    @Test
    void cancelledTokenStopsTheFit() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        double[] x = random(10_000, 3, 1);
        assertThrows(CancelledException.class, () -> Pca.fit(x, 10_000, 3, 2, 2, token));
    }

    @Test
    void constantDataGiveZeroRatiosNotNaN() {
        double[] x = {1, 2, 1, 2, 1, 2};
        PcaResult r = Pca.fit(x, 3, 2, 2, 1, CancellationToken.NONE);
        assertArrayEquals(new double[] {0, 0}, r.explainedVarianceRatio(), 0);
    }

    private static void assertSameFit(PcaResult want, PcaResult got, String what) {
        assertArrayEquals(want.mean(), got.mean(), 0, what + ": mean");
        assertArrayEquals(want.explainedVariance(), got.explainedVariance(), 0, what + ": variance");
        assertArrayEquals(want.explainedVarianceRatio(), got.explainedVarianceRatio(), 0, what + ": ratio");
        assertArrayEquals(want.loadings(), got.loadings(), 0, what + ": loadings");
        for (int c = 0; c < want.components(); c++) {
            assertArrayEquals(want.componentView(c), got.componentView(c), 0, what + ": scores " + c);
        }
    }

    @Test
    void aMatrixInSeveralBlocksGivesTheSameFitAsTheFlatArray() {
        int n = 10_001; // blocks of 2,048 rows: four full and a partial fifth; chunks of 4,096 rows
        int d = 6;
        double[] flat = random(n, d, 7);
        double[] before = flat.clone();
        Matrix blocked = Matrix.copyOf(flat, n, d, 2048);
        PcaResult want = Pca.fit(flat, n, d, 3, 1, CancellationToken.NONE);
        assertSameFit(want, Pca.fit(blocked, 3, 1, CancellationToken.NONE), "1 thread");
        assertSameFit(want, Pca.fit(blocked, 3, 2, CancellationToken.NONE), "2 threads");
        assertArrayEquals(before, flat, 0, "the caller's array is not modified");
    }

    @Test
    void chunksThatCrossBlockBoundariesGiveTheSameFit() {
        // Above 64 x 4,096 rows a chunk is n / 64 rows (here 4,688), so chunk starts, and the 256-row
        // groups of the scatter kernel counted from them, fall inside 2,048-row blocks and cross them.
        int n = 300_007;
        int d = 2;
        double[] flat = random(n, d, 8);
        Matrix blocked = Matrix.copyOf(flat, n, d, 2048);
        assertTrue(((n + 63) / 64) % 2048 != 0);
        PcaResult want = Pca.fit(flat, n, d, 2, 1, CancellationToken.NONE);
        assertSameFit(want, Pca.fit(blocked, 2, 1, CancellationToken.NONE), "1 thread");
        assertSameFit(want, Pca.fit(blocked, 2, 2, CancellationToken.NONE), "2 threads");
    }

    @Test
    void aLongerFlatArrayIsStillReadToItsFirstRows() {
        int n = 5_000;
        int d = 3;
        double[] x = random(n + 7, d, 9);
        PcaResult want = Pca.fit(Arrays.copyOf(x, n * d), n, d, 2, 2, CancellationToken.NONE);
        assertSameFit(want, Pca.fit(x, n, d, 2, 2, CancellationToken.NONE), "longer array");
        assertEquals("the matrix holds 6 values, fewer than 4 x 2", assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(new double[6], 4, 2, 1, 1, CancellationToken.NONE)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(Matrix.wrap(new double[3], 1, 3), 1, 1, CancellationToken.NONE));
    }

    static void assertSignConvention(PcaResult r) {
        for (int c = 0; c < r.components(); c++) {
            int arg = 0;
            for (int j = 1; j < r.d(); j++) {
                if (Math.abs(r.loading(c, j)) > Math.abs(r.loading(c, arg))) {
                    arg = j;
                }
            }
            assertTrue(r.loading(c, arg) > 0, "component " + c + ": largest loading must be positive");
        }
    }
}
