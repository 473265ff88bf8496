package org.segmentlab.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.io.JsonSupport;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * The whole analysis on the bundled credit-card data against scikit-learn 1.2.1's figures
 * ({@code src/test/resources/golden/cc_general_sklearn_seed42.json}, from shared/golden).
 */
class PipelineTest {

    private static DataTable table;
    private static AnalysisResult result;
    private static JsonNode golden;

    @BeforeAll
    static void runDefaultAnalysis() throws Exception {
        table = new CsvLoader().load(Path.of("samples/cc_general.csv"));
        result = Pipeline.run(table, AnalysisRequest.defaults(), ProgressListener.NONE, CancellationToken.NONE);
        try (InputStream in = PipelineTest.class.getResourceAsStream("/golden/cc_general_sklearn_seed42.json")) {
            golden = JsonSupport.mapper().readTree(in);
        }
    }

    @Test
    void usesTheSeedsPipeline() {
        assertEquals(8950, result.prepared().rows());
        assertEquals(17, result.prepared().cols());
        List<String> expected = new ArrayList<>();
        golden.get("features").forEach(f -> expected.add(f.asText()));
        assertEquals(expected, result.prepared().featureNames());
    }

    /**
     * K-means finds local optima, and SegmentLab's random numbers are not numpy's: where scikit-learn's
     * 10 restarts land in a worse optimum (k = 10 here), matching it would mean being worse on purpose.
     * So: never more than 2% above scikit-learn per k (0.2% summed), and never below the best partition
     * 300 restarts found (a near-global optimum), i.e. at least as good and still plausible.
     */
    @Test
    void inertiaPerKWithinTwoPercentOfScikitLearnOrBetter() throws Exception {
        JsonNode best;
        try (InputStream in = PipelineTest.class.getResourceAsStream("/golden/cc_general_sklearn_ninit300_seed7.json")) {
            best = JsonSupport.mapper().readTree(in);
        }
        double ours = 0;
        double theirs = 0;
        for (int i = 0; i < golden.get("sweep").size(); i++) {
            JsonNode g = golden.get("sweep").get(i);
            int k = g.get("k").asInt();
            double ref = g.get("inertia").asDouble();
            double floor = best.get("sweep").get(i).get("inertia").asDouble();
            double got = result.sweep().entry(k).fit().inertia();
            assertTrue(got <= ref * 1.02, "k = " + k + ": " + got + " vs scikit-learn " + ref);
            assertTrue(got >= floor * (1 - 1e-9), "k = " + k + ": " + got + " below the best known " + floor);
            ours += got;
            theirs += ref;
        }
        assertTrue(ours <= theirs * 1.002, "sum of inertias " + ours + " vs scikit-learn " + theirs);
    }

    @Test
    void fourClustersHaveThePublishedSizes() {
        int[] sizes = result.sweep().entry(4).fit().sizes();
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        int[] published = {409, 1198, 3367, 3976};
        for (int i = 0; i < 4; i++) {
            assertEquals(published[i], sorted[i], 10, "sizes " + Arrays.toString(sizes));
        }
        // Numbered by size, largest first (DESIGN.md).
        for (int i = 1; i < sizes.length; i++) {
            assertTrue(sizes[i - 1] >= sizes[i], Arrays.toString(sizes));
        }
    }

    @Test
    void pcaExplainedVarianceEqualsScikitLearn() {
        JsonNode ref = golden.get("pca_explained_variance_ratio");
        double[] got = result.pca().explainedVarianceRatio();
        assertEquals(ref.size(), got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(ref.get(i).asDouble(), got[i], 1e-6);
        }
    }

    @Test
    void chosenKIsTheKneeAndItsProfilesCoverEveryone() {
        assertEquals(result.sweep().kneeK().orElseThrow(), result.chosenK());
        int total = result.profiles().stream().mapToInt(p -> p.size()).sum();
        assertEquals(8950, total);
        assertEquals(result.chosenK(), result.profiles().size());
        assertEquals(8950, result.chosenSilhouettes().length, "exact silhouettes below 20,000 rows");
    }

    @Test
    void choosingAnotherKReusesTheSweepsFit() throws Exception {
        AnalysisResult at6 = result.withChosenK(6);
        assertEquals(6, at6.chosenK());
        assertSame(result.sweep(), at6.sweep());
        assertArrayEquals(result.sweep().entry(6).fit().labels(), at6.chosen().labels());
        assertEquals(6, at6.profiles().size());
        assertThrows(IllegalArgumentException.class, () -> result.withChosenK(12));
    }

    @Test
    void aChosenKOutsideTheRangeIsFittedWithTheSameSettings() throws Exception {
        AnalysisRequest req = AnalysisRequest.defaults().withKRange(2, 4).withChosenK(6).withNInit(3);
        AnalysisResult r = Pipeline.run(table, req, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(6, r.chosenK());
        assertEquals(6, r.profiles().size());
        assertEquals(8950, r.chosenSilhouettes().length);
        assertEquals(3, r.sweep().entries().size());
    }

    @Test
    void threadCountNeverChangesTheResult() throws Exception {
        AnalysisRequest req = AnalysisRequest.defaults().withKRange(3, 5).withNInit(4).withSilhouette(SilhouetteMode.OFF);
        AnalysisResult one = Pipeline.run(table, req.withThreads(1), ProgressListener.NONE, CancellationToken.NONE);
        AnalysisResult two = Pipeline.run(table, req.withThreads(2), ProgressListener.NONE, CancellationToken.NONE);
        for (int k = 3; k <= 5; k++) {
            assertArrayEquals(one.sweep().entry(k).fit().labels(), two.sweep().entry(k).fit().labels(), "k = " + k);
            assertEquals(one.sweep().entry(k).fit().inertia(), two.sweep().entry(k).fit().inertia(), 0.0);
        }
        assertArrayEquals(one.pca().explainedVarianceRatio(), two.pca().explainedVarianceRatio(), 1e-12);
    }

    @Test
    void permutingTheFeatureColumnsDoesNotChangeThePartition() throws Exception {
        List<String> reversed = new ArrayList<>(result.prepared().featureNames());
        Collections.reverse(reversed);
        PrepOptions d = PrepOptions.defaults();
        PrepOptions prep = new PrepOptions(reversed, List.of(), List.of(), d.defaultImpute(), d.imputeOverrides(),
                d.log1p(), false, List.of(), d.scaling());
        AnalysisRequest req = AnalysisRequest.defaults().withPrep(prep).withKRange(4, 4).withSilhouette(SilhouetteMode.OFF);
        AnalysisRequest base = AnalysisRequest.defaults().withKRange(4, 4).withSilhouette(SilhouetteMode.OFF);
        AnalysisResult a = Pipeline.run(table, base, ProgressListener.NONE, CancellationToken.NONE);
        AnalysisResult b = Pipeline.run(table, req, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(1.0, Partitions.adjustedRandIndex(a.chosen().labels(), b.chosen().labels()), 1e-12);
        assertEquals(a.chosen().inertia(), b.chosen().inertia(), 1e-6 * a.chosen().inertia());
    }

    @Test
    void permutingTheRowsDoesNotChangeAClearPartition() throws Exception {
        // Four well-separated groups: the optimum is unique, so row order cannot matter.
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            int g = i % 4;
            x[i] = (g % 2) * 20 + rnd.nextDouble();
            y[i] = (g / 2) * 20 + rnd.nextDouble();
        }
        int[] perm = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(9));
        for (int i = 0; i < n; i++) {
            perm[i] = order.get(i);
        }
        AnalysisRequest req = AnalysisRequest.defaults().withKRange(4, 4).withSilhouette(SilhouetteMode.OFF);
        AnalysisResult a = Pipeline.run(tableOf(x, y, null), req, ProgressListener.NONE, CancellationToken.NONE);
        AnalysisResult b = Pipeline.run(tableOf(x, y, perm), req, ProgressListener.NONE, CancellationToken.NONE);
        int[] la = a.chosen().labels();
        int[] lb = b.chosen().labels();
        int[] lbInOriginalOrder = new int[n];
        for (int i = 0; i < n; i++) {
            lbInOriginalOrder[perm[i]] = lb[i];
        }
        assertEquals(1.0, Partitions.adjustedRandIndex(la, lbInOriginalOrder), 1e-12);
    }

    @Test
    void moreClustersThanDistinctCustomersIsAClearError() {
        double[] x = {1, 1, 2, 2, 3};
        double[] y = {1, 1, 2, 2, 3};
        AnalysisRequest req = AnalysisRequest.defaults().withKRange(1, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.run(tableOf(x, y, null), req, ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("3 distinct"), e.getMessage());
    }

    @Test
    void cancellingStopsTheRun() {
        CancellationToken token = new CancellationToken();
        ProgressListener cancelOnFirstFit = (f, m) -> {
            if (f > 0.05) {
                token.cancel();
            }
        };
        assertThrows(org.segmentlab.progress.CancelledException.class,
                () -> Pipeline.run(table, AnalysisRequest.defaults(), cancelOnFirstFit, token));
    }

    private static DataTable tableOf(double[] x, double[] y, int[] perm) {
        int n = x.length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            int src = perm == null ? i : perm[i];
            px[i] = x[src];
            py[i] = y[src];
        }
        return new DataTable(null, null, List.of(numeric("x", px), numeric("y", py)), n, 0, List.of());
    }

    private static Column numeric(String name, double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        return new Column(name, ColumnType.NUMERIC, ColumnType.NUMERIC, v, null, null,
                new org.segmentlab.data.ColumnStatistics(v.length, 0, v.length, mean, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), 0, List.of());
    }

}
