package org.segmentlab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.TestTables;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.DirectTaskRunner;
import org.segmentlab.app.task.ManualTaskRunner;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;
import org.segmentlab.pipeline.AnalysisRequest;

/**
 * The analysis flow through the view models, without a window: open -> default analysis -> Choose k
 * and Segments models; a k picked in a chart; stale settings; failures and cancels keep what was shown.
 * The real pipeline runs on a small seeded table of three well-separated groups.
 */
class AnalysisFlowTest {

    private static final Path FILE = Path.of("groups.csv");

    /** CUST (text identifier), CUST_NO (numeric identifier the advisor excludes), SPEND, VISITS, TENURE. */
    static DataTable groups(int perGroup) {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = perGroup * 3;
        String[] ids = new String[n];
        int[] codes = new int[n];
        double[] no = new double[n];
        double[] spend = new double[n];
        double[] visits = new double[n];
        double[] tenure = new double[n];
        double[][] centres = {{100, 2, 12}, {2000, 20, 6}, {600, 40, 11}};
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            ids[i] = "C" + (10001 + i);
            codes[i] = i;
            no[i] = 5000 + i;
            spend[i] = centres[g][0] * (1 + 0.1 * rnd.nextGaussian());
            visits[i] = centres[g][1] + rnd.nextGaussian();
            tenure[i] = centres[g][2] + 0.3 * rnd.nextGaussian();
        }
        List<Column> cols = new ArrayList<>();
        DataTable base = TestTables.customers(FILE, n, 1);
        cols.add(base.column("ID").orElseThrow());
        cols.add(TestTables.numeric("CUST_NO", no, ColumnType.NUMERIC));
        cols.add(TestTables.numeric("SPEND", spend, ColumnType.NUMERIC));
        cols.add(TestTables.numeric("VISITS", visits, ColumnType.NUMERIC));
        cols.add(TestTables.numeric("TENURE", tenure, ColumnType.NUMERIC));
        return new DataTable(FILE, TestTables.DIALECT, cols, n, 0, List.of());
    }

    private final AtomicInteger runs = new AtomicInteger();
    private final List<AnalysisRequest> requests = new ArrayList<>();

    /** The real pipeline, counting its runs; k 1..6 keeps the suite fast. */
    private final AnalysisService counted = (table, request, progress, cancel) -> {
        runs.incrementAndGet();
        requests.add(request);
        return AnalysisService.PIPELINE.run(table, request, progress, cancel);
    };

    private MainViewModel vm(TaskRunner runner, DataTable table, AnalysisService service) {
        TableLoader loader = (file, options, progress, cancel) -> table;
        MainViewModel vm = new MainViewModel(runner, loader, new CoreAdvisor(), service,
                new SettingsViewModel(org.segmentlab.app.AppContext.baseRequest()));
        vm.settings().kMaxProperty().set(6);
        return vm;
    }

    @Test
    void openingAFileRunsTheDefaultAnalysisAndFillsBothTabs() {
        MainViewModel vm = vm(new DirectTaskRunner(), groups(40), counted);
        vm.open(FILE);
        assertEquals(1, runs.get(), "the default analysis ran without a click");
        assertEquals(List.of("SPEND", "VISITS", "TENURE"), requests.get(0).prep().features(),
                "the advisor's suggestion: identifiers (text and numeric) left out");
        assertNull(requests.get(0).chosenK(), "k at the knee");
        assertEquals(5, requests.get(0).pcaComponents(), "enough components for the axis chooser");
        AnalysisOutcome o = vm.outcomeProperty().get();
        assertNotNull(o);
        assertEquals(3, o.result().chosenK(), "three separated groups: the knee is at 3");
        assertEquals(3, vm.settings().chosenKProperty().get(), "the spinner shows the knee");
        assertTrue(vm.settings().autoKProperty().get());
        assertFalse(vm.settings().isStale());

        ChooseKViewModel ck = vm.chooseKModel();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, ck.elbowProperty().get().ks());
        assertEquals(3, ck.elbowProperty().get().marked().getAsInt());
        assertEquals("knee k=3", ck.elbowProperty().get().markLabel());
        assertTrue(ck.elbowProperty().get().note().contains("the knee is at k = 3"), ck.elbowProperty().get().note());
        assertTrue(ck.silhouetteProperty().get().note().contains("Higher is better"));
        assertTrue(ck.daviesBouldinProperty().get().note().contains("Lower is better"));
        assertEquals(6, ck.fitSecondsProperty().get().length);
        assertEquals(3, ck.chosenKProperty().get());

        SegmentsModel m = vm.segmentsModel().model();
        assertEquals(3, m.k());
        assertEquals(120, m.axes().xs().length);
        assertTrue(m.axes().xLabel().matches("PC1 \\(\\d+\\.\\d%\\)"), m.axes().xLabel());
        assertEquals(List.of("PC1", "PC2", "PC3", "SPEND", "VISITS", "TENURE"), m.axisChoices(), "min(d, 5) components");
        assertEquals(120, m.silhouette().length);
        assertFalse(m.silhouetteSampled());
        String hover = m.hover().apply(0);
        assertTrue(hover.startsWith("C10001 · "), hover);
        assertTrue(hover.contains("(cluster " + m.labels()[0] + ")"), hover);
        assertEquals(3, hover.split(" · ").length - 2, "three distinguishing features: " + hover);
        assertTrue(vm.statusProperty().get().matches("k = 3 · silhouette 0\\.\\d+ · PC1\\+PC2 \\d+\\.\\d%"),
                vm.statusProperty().get());
    }

    @Test
    void aKPickedInAChartIsShownAtOnceWithoutARun() {
        MainViewModel vm = vm(new DirectTaskRunner(), groups(40), counted);
        vm.open(FILE);
        AnalysisOutcome before = vm.outcomeProperty().get();
        vm.chooseKModel().choose(5);
        assertEquals(1, runs.get(), "no new run");
        AnalysisOutcome after = vm.outcomeProperty().get();
        assertEquals(5, after.result().chosenK());
        assertSame(before.result().sweep(), after.result().sweep(), "the same sweep, re-profiled");
        assertEquals(5, after.result().profiles().size());
        assertEquals(5, vm.settings().chosenKProperty().get(), "the spinner follows");
        assertFalse(vm.settings().autoKProperty().get());
        assertFalse(vm.settings().isStale(), "picking a k is not a settings change");
        assertEquals(5, vm.chooseKModel().chosenKProperty().get());
        assertEquals(5, vm.segmentsModel().model().k());
        assertEquals(5, vm.segmentsModel().model().names().length);
        assertTrue(vm.statusProperty().get().startsWith("k = 5 · "));

        // The spinner picks among the fitted k too.
        vm.settings().chosenKProperty().set(2);
        assertEquals(2, vm.outcomeProperty().get().result().chosenK());
        assertEquals(1, runs.get());
    }

    @Test
    void theScatterCanShowOtherComponentsOrRawFeatures() {
        DataTable table = groups(40);
        MainViewModel vm = vm(new DirectTaskRunner(), table, counted);
        vm.open(FILE);
        SegmentsViewModel segments = vm.segmentsModel();
        SegmentsModel pcs = segments.model();
        assertNotNull(pcs.axes().loadingNames(), "biplot arrows on principal components");
        assertEquals(3, pcs.axes().lx().length);

        segments.setAxes(2, 3); // PC3 against SPEND
        SegmentsModel.Axes a = segments.model().axes();
        assertTrue(a.xLabel().startsWith("PC3 ("), a.xLabel());
        assertEquals("SPEND", a.yLabel());
        assertNull(a.loadingNames(), "no arrows when an axis is a raw feature");
        assertNull(a.warning());
        int[] src = vm.outcomeProperty().get().result().prepared().sourceRows();
        double[] spend = table.column("SPEND").orElseThrow().numbersView();
        for (int i = 0; i < a.ys().length; i++) {
            assertEquals(spend[src[i]], a.ys()[i], "raw values of the clustered rows");
        }
        var profiles = vm.outcomeProperty().get().result().profiles();
        for (int c = 0; c < profiles.size(); c++) {
            assertEquals(profiles.get(c).means().get("SPEND"), a.cy()[c], 1e-9, "centroids from the profiles' raw means");
        }
        assertSame(pcs.labels(), segments.model().labels(), "only the axes were recomputed");

        vm.chooseKModel().choose(4);
        assertEquals(2, segments.model().axes().xIndex(), "another k of the same analysis keeps the axes");
        vm.run();
        assertEquals(0, segments.model().axes().xIndex(), "a new analysis starts on PC1/PC2");
    }

    @Test
    void changingASettingMarksTheResultStaleUntilTheNextRun() {
        MainViewModel vm = vm(new DirectTaskRunner(), groups(30), counted);
        vm.open(FILE);
        vm.settings().seedProperty().set(7);
        assertTrue(vm.settings().isStale());
        assertEquals(1, runs.get(), "a setting change does not run by itself");
        vm.run();
        assertFalse(vm.settings().isStale());
        assertEquals(7L, requests.get(1).seed());
    }

    @Test
    void aFailedRunKeepsThePreviousResultsAndSaysWhatToChange() {
        MainViewModel vm = vm(new DirectTaskRunner(), groups(3), counted); // 9 customers
        vm.open(FILE);
        AnalysisOutcome before = vm.outcomeProperty().get();
        SegmentsModel shown = vm.segmentsModel().model();
        assertNotNull(before);
        vm.settings().kMaxProperty().set(11);
        vm.settings().kMinProperty().set(10);
        vm.run();
        assertSame(before, vm.outcomeProperty().get());
        assertSame(shown, vm.segmentsModel().model());
        String message = vm.problem().message();
        assertTrue(message.matches("The analysis could not run: k = 1[01] is more than the 9 distinct customers.*"), message);
        assertTrue(message.contains("K range"), message);
        assertTrue(vm.settings().isStale());
    }

    @Test
    void aBadDerivedExpressionIsNamedInTheBanner() {
        MainViewModel vm = vm(new DirectTaskRunner(), groups(10), counted);
        vm.open(FILE);
        AnalysisOutcome before = vm.outcomeProperty().get();
        vm.settings().derived().add(new org.segmentlab.prep.DerivedColumn("RATIO", "SPEND / NOPE"));
        vm.settings().features().stream().filter(f -> f.name().equals("RATIO")).forEach(f -> f.setChecked(true));
        vm.run();
        assertSame(before, vm.outcomeProperty().get());
        String message = vm.problem().message();
        assertTrue(message.contains("NOPE"), message);
        assertTrue(message.startsWith("The analysis could not run: "), message);
    }

    @Test
    void cancellingARunKeepsThePreviousResultsAndIgnoresItsLateEnd() {
        ManualTaskRunner runner = new ManualTaskRunner(true);
        MainViewModel vm = vm(runner, groups(30), counted);
        vm.open(FILE);
        runner.run(0); // the load; it starts the default analysis
        runner.run(0); // the analysis; it starts building the segments view
        runner.run(0);
        AnalysisOutcome before = vm.outcomeProperty().get();
        SegmentsModel shown = vm.segmentsModel().model();
        assertNotNull(shown);
        vm.settings().nInitProperty().set(20);
        vm.run();
        assertTrue(vm.isBusy());
        vm.cancel();
        assertFalse(vm.isBusy());
        assertEquals("Cancelled", vm.statusProperty().get());
        runner.run(0); // the cancelled run finishes anyway, as a worker past its last check would
        assertSame(before, vm.outcomeProperty().get());
        assertSame(shown, vm.segmentsModel().model());
        assertEquals(0, runner.pending());
    }
}
