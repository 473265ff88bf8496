package org.segmentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.table.Badge;
import org.segmentlab.app.table.LoadedData;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.DirectTaskRunner;
import org.segmentlab.app.task.ManualTaskRunner;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataException;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.progress.CancelledException;

class MainViewModelTest {

    @TempDir
    Path dir;

    /** File name -> table it loads as; a name mapped to an exception fails with it. */
    private final Map<String, Object> files = new HashMap<>();
    private final List<LoadOptions> optionsSeen = new ArrayList<>();
    private Path good;
    private Path other;
    private Path ragged;

    private final TableLoader loader = (file, options, progress, cancel) -> {
        optionsSeen.add(options);
        progress.update(0.5, "reading " + file.getFileName());
        Object o = files.get(file.getFileName().toString());
        if (o instanceof DataException e) {
            if (!options.skipRaggedRows()) {
                throw e;
            }
            return TestTables.customers(file, 9, 3);
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        return (DataTable) o;
    };

    @BeforeEach
    void files() throws IOException {
        good = Files.writeString(dir.resolve("customers.csv"), "x");
        other = Files.writeString(dir.resolve("other.csv"), "x");
        ragged = Files.writeString(dir.resolve("ragged.csv"), "x");
        files.put("customers.csv", TestTables.customers(good, 40, 1));
        files.put("other.csv", TestTables.customers(other, 25, 2));
        files.put("ragged.csv", new DataException(ragged, 12, null,
                "this row has 3 fields but the header has 4.", "Fix the row or load the file skipping bad rows."));
    }

    /** An engine that is not there: these tests are about loading, not analysing. */
    private static final AnalysisService NOT_CONNECTED = (table, request, progress, cancel) -> {
        throw new UnsupportedOperationException("no analysis in this test");
    };

    /** The real pipeline on a small table, k 1..4 (fast enough for every test). */
    static AnalysisOutcome analyse(DataTable table, AnalysisRequest request) throws Exception {
        return AnalysisService.PIPELINE.run(table, request.withKRange(1, 4), org.segmentlab.progress.ProgressListener.NONE,
                org.segmentlab.progress.CancellationToken.NONE);
    }

    /** These tests drive runs by hand: opening a file does not start the default analysis here. */
    private MainViewModel vm(TaskRunner runner, AnalysisService analysis) {
        MainViewModel vm = new MainViewModel(runner, loader, new CoreAdvisor(), analysis, new SettingsViewModel());
        vm.setAnalyseOnOpen(false);
        return vm;
    }

    private MainViewModel vm() {
        return vm(new DirectTaskRunner(), NOT_CONNECTED);
    }

    @Test
    void openingAFilePublishesTableSummaryAdviceAndTitle() {
        MainViewModel vm = vm();
        assertEquals("SegmentLab", vm.titleProperty().get());
        vm.open(good);
        LoadedData d = vm.data();
        assertNotNull(d);
        assertEquals(40, d.table().rowCount());
        assertEquals(List.of("ID", "SPEND", "VISITS", "FLAG"), d.summaries().stream().map(s -> s.name()).toList());
        assertTrue(d.summaries().get(0).hasBadge(Badge.IDENTIFIER));
        assertTrue(d.summaries().get(1).hasBadge(Badge.MISSING));
        assertTrue(d.summaries().get(1).hasBadge(Badge.SKEWED), "log-uniform spend is right-skewed");
        assertTrue(d.summaries().get(3).hasBadge(Badge.CONSTANT));
        assertEquals(40 - 2, java.util.Arrays.stream(d.summaries().get(1).histogram()).sum(), "missing cells not binned");
        assertTrue(d.advice().stream().anyMatch(a -> a.kind().equals("IDENTIFIER") && a.message().contains("ID looks like an identifier")));
        assertTrue(d.advice().stream().anyMatch(a -> a.kind().equals("MISSING") && a.message().contains("SPEND: 2 missing (5.0%)")));
        assertEquals("SegmentLab: customers.csv", vm.titleProperty().get());
        assertEquals("40 rows · 4 cols", vm.settings().dataSummaryProperty().get());
        assertFalse(vm.isBusy());
        assertNull(vm.problem());
        assertEquals(List.of(good.toAbsolutePath().normalize()), vm.recentFiles());
    }

    @Test
    void aFailedOpenKeepsThePreviousTableAndOffersToSkipBadRows() {
        MainViewModel vm = vm();
        vm.open(good);
        LoadedData before = vm.data();
        vm.open(ragged);
        assertSame(before, vm.data(), "the previous data stays exactly as it was");
        assertEquals("SegmentLab: customers.csv", vm.titleProperty().get());
        Problem p = vm.problem();
        assertNotNull(p);
        assertTrue(p.message().startsWith("ragged.csv, line 12: this row has 3 fields"), p.message());
        assertTrue(p.canSkipRaggedRows());
        assertFalse(vm.isBusy());

        vm.openSkippingBadRows();
        assertTrue(optionsSeen.get(optionsSeen.size() - 1).skipRaggedRows());
        assertEquals(9, vm.data().table().rowCount());
        assertNull(vm.problem());
        assertEquals("SegmentLab: ragged.csv", vm.titleProperty().get());
    }

    @Test
    void anUnexpectedErrorIsReportedPlainlyAndDoesNotOfferToSkip() {
        files.put("other.csv", new IllegalStateException("disk on fire"));
        MainViewModel vm = vm();
        vm.open(good);
        vm.open(other);
        assertEquals(40, vm.data().table().rowCount());
        assertTrue(vm.problem().message().contains("Could not open other.csv: disk on fire"), vm.problem().message());
        assertFalse(vm.problem().canSkipRaggedRows());
    }

    @Test
    void theAnalysisAnOpenStartsWaitsForTheWindowAndAnythingNewerDropsIt() {
        ManualTaskRunner runner = new ManualTaskRunner();
        MainViewModel vm = new MainViewModel(runner, loader, new CoreAdvisor(), (t, r, p, c) -> analyse(t, r),
                new SettingsViewModel());
        List<Runnable> later = new ArrayList<>();
        vm.setAfterDataShown(later::add);
        vm.open(good);
        runner.run(0);
        assertEquals(0, runner.pending(), "the data is in, the analysis not started yet");
        assertEquals(1, later.size());
        later.get(0).run();
        assertEquals(1, runner.pending(), "the window has shown the data: the analysis starts");
        runner.run(0);
        assertNotNull(vm.outcomeProperty().get());

        vm.open(other);
        runner.run(runner.pending() - 1);
        assertEquals(2, later.size());
        vm.run(); // the user runs before the window's pulses came
        int jobs = runner.pending();
        later.get(1).run();
        assertEquals(jobs, runner.pending(), "the waiting analysis is dropped");
        assertFalse(runner.wasCancelled(jobs - 1), "and the user's run goes on");
    }

    @Test
    void aNewerLoadWinsOverAnOlderSlowerOne() {
        ManualTaskRunner runner = new ManualTaskRunner(true);
        MainViewModel vm = vm(runner, NOT_CONNECTED);
        vm.open(good);
        vm.open(other);
        assertTrue(runner.wasCancelled(0), "starting a load cancels the previous one");
        runner.run(1); // the newer load finishes first
        assertEquals(25, vm.data().table().rowCount());
        runner.run(0); // the older, slower one finishes later and must not overwrite it
        assertEquals(25, vm.data().table().rowCount());
        assertEquals("SegmentLab: other.csv", vm.titleProperty().get());
        assertFalse(vm.isBusy());
    }

    @Test
    void cancellingLeavesThePreviousDataAndIgnoresTheLateResult() {
        ManualTaskRunner runner = new ManualTaskRunner(true);
        MainViewModel vm = vm(runner, NOT_CONNECTED);
        vm.open(good);
        runner.run(0);
        LoadedData before = vm.data();
        vm.open(other);
        assertTrue(vm.isBusy());
        vm.cancel();
        assertFalse(vm.isBusy());
        assertEquals("Cancelled", vm.statusProperty().get());
        runner.run(0);
        assertSame(before, vm.data());
        assertEquals("SegmentLab: customers.csv", vm.titleProperty().get());
    }

    @Test
    void aTaskThatStopsOnItsTokenCountsAsCancelledNotFailed() {
        TableLoader cancelling = (file, options, progress, cancel) -> {
            throw new CancelledException();
        };
        MainViewModel vm = new MainViewModel(new DirectTaskRunner(), cancelling, new CoreAdvisor(),
                NOT_CONNECTED, new SettingsViewModel());
        vm.setAnalyseOnOpen(false);
        vm.open(good);
        assertNull(vm.problem());
        assertNull(vm.data());
        assertEquals("Cancelled", vm.statusProperty().get());
    }

    @Test
    void progressIsPublishedWhileBusyAndClearedAfterwards() {
        ManualTaskRunner runner = new ManualTaskRunner();
        MainViewModel vm = vm(runner, NOT_CONNECTED);
        List<String> steps = new ArrayList<>();
        vm.stepProperty().addListener((o, a, b) -> steps.add(b));
        vm.open(good);
        assertTrue(vm.isBusy());
        assertEquals("Opening customers.csv", vm.stepProperty().get());
        runner.run(0);
        assertTrue(steps.contains("reading customers.csv"), steps.toString());
        assertTrue(steps.contains("Summarising 4 columns"), steps.toString());
        assertEquals(0.0, vm.progressProperty().get());
        assertEquals("", vm.stepProperty().get());
    }

    @Test
    void runHandsTheTableAndRequestToTheServiceAndKeepsTheLastGoodResultOnFailure() {
        AtomicInteger calls = new AtomicInteger();
        List<AnalysisRequest> requests = new ArrayList<>();
        List<AnalysisOutcome> produced = new ArrayList<>();
        AnalysisService fake = (table, request, progress, cancel) -> {
            requests.add(request);
            if (calls.incrementAndGet() == 2) {
                throw new IllegalArgumentException("unknown column NOPE");
            }
            AnalysisOutcome o = analyse(table, request);
            produced.add(o);
            return o;
        };
        MainViewModel vm = vm(new DirectTaskRunner(), fake);
        vm.run();
        assertEquals(0, calls.get());
        assertTrue(vm.problem().message().contains("Open a CSV file first"));

        vm.open(good);
        vm.run();
        assertSame(produced.get(0), vm.outcomeProperty().get());
        assertEquals(40, vm.outcomeProperty().get().result().table().rowCount());
        assertTrue(vm.statusProperty().get().startsWith("k = "), vm.statusProperty().get());
        assertEquals(List.of("SPEND", "VISITS"), requests.get(0).prep().features());
        assertFalse(vm.settings().isStale());

        vm.settings().seedProperty().set(7);
        assertTrue(vm.settings().isStale());
        vm.run();
        assertSame(produced.get(0), vm.outcomeProperty().get(), "a failed run keeps the previous result");
        assertTrue(vm.problem().message().contains("unknown column NOPE"));
        assertTrue(vm.settings().isStale());

        vm.run();
        assertSame(produced.get(1), vm.outcomeProperty().get());
        assertEquals(7L, requests.get(2).seed());
        assertFalse(vm.settings().isStale());
        assertNull(vm.problem());
    }

    @Test
    void anInvalidRequestIsNotRunAndSaysWhy() {
        AtomicInteger calls = new AtomicInteger();
        MainViewModel vm = vm(new DirectTaskRunner(), (t, r, p, c) -> {
            calls.incrementAndGet();
            return analyse(t, r);
        });
        vm.open(good);
        vm.settings().kMinProperty().set(6);
        vm.settings().kMaxProperty().set(3);
        vm.run();
        assertEquals(0, calls.get());
        assertTrue(vm.problem().message().contains("k range 6..3 is empty"), vm.problem().message());
    }

    @Test
    void openingNewDataClearsTheOldResult() {
        MainViewModel vm = vm(new DirectTaskRunner(), (t, r, p, c) -> analyse(t, r));
        vm.open(good);
        vm.run();
        assertNotNull(vm.outcomeProperty().get());
        vm.open(other);
        assertNull(vm.outcomeProperty().get());
        assertFalse(vm.settings().isStale());
    }

    @Test
    void recentFilesAreNewestFirstAndAMissingOneIsDropped() throws IOException {
        MainViewModel vm = vm();
        vm.open(good);
        vm.open(other);
        vm.open(good);
        assertEquals(List.of(good, other), vm.recentFiles());
        Files.delete(other);
        vm.openRecent(other);
        assertEquals(List.of(good), vm.recentFiles());
        assertTrue(vm.problem().message().contains("other.csv is no longer there"));
        assertEquals("SegmentLab: customers.csv", vm.titleProperty().get());
    }

    @Test
    void reloadUsesTheOptionsTheFileWasOpenedWith() {
        MainViewModel vm = vm();
        vm.open(ragged);
        vm.openSkippingBadRows();
        optionsSeen.clear();
        vm.reload();
        assertTrue(optionsSeen.get(0).skipRaggedRows());
        assertEquals(9, vm.data().table().rowCount());
    }

    @Test
    void aFailedTypeOverrideKeepsTheTableAndSaysSo() {
        MainViewModel vm = vm();
        vm.open(good);
        LoadedData before = vm.data();
        vm.overrideColumnType("NO_SUCH", ColumnType.CATEGORICAL);
        assertSame(before, vm.data());
        assertTrue(vm.problem().message().startsWith("Could not treat NO_SUCH as categorical"), vm.problem().message());
    }

    @Test
    void aTypeOverrideRecomputesSummaryAndAdviceAndFeatures() {
        MainViewModel vm = vm();
        vm.open(good);
        vm.overrideColumnType("VISITS", ColumnType.IDENTIFIER);
        LoadedData d = vm.data();
        assertEquals(ColumnType.IDENTIFIER, d.table().column("VISITS").orElseThrow().type());
        assertTrue(d.summaries().get(2).hasBadge(Badge.IDENTIFIER));
        assertTrue(d.advice().stream().anyMatch(a -> a.message().equals("VISITS looks like an identifier: excluded from clustering.")));
        assertEquals(List.of("SPEND"), vm.settings().request().prep().features());
        assertEquals("VISITS is now treated as identifier", vm.statusProperty().get());
    }

    @Test
    void theRaggedRowAdvicePointsAtTheBannerButton() {
        DataException e = new DataException(ragged, 5, "B", "This row has 1 fields, but 2 were expected (as in the header).",
                "Fix the row, or load with --skip-ragged to skip such rows.");
        Problem p = Problem.ofLoad(ragged, LoadOptions.defaults(), e);
        assertTrue(p.canSkipRaggedRows());
        assertEquals("ragged.csv, line 5, column B: This row has 1 fields, but 2 were expected (as in the header)."
                + " Fix the row, or choose \u201cLoad anyway, skipping bad rows\u201d.", p.message());
        assertFalse(Problem.ofLoad(ragged, LoadOptions.defaults().withSkipRaggedRows(true), e).canSkipRaggedRows());
        assertFalse(Problem.ofLoad(ragged, LoadOptions.defaults(), new DataException(ragged, 0, null,
                "The file is empty.", "Export it again.")).canSkipRaggedRows());
    }

    @Test
    void aTypeOverrideAfterARunMakesTheResultStaleEvenIfTheFeaturesStayTheSame() {
        MainViewModel vm = vm(new DirectTaskRunner(), (t, r, p, c) -> analyse(t, r));
        vm.open(good);
        vm.run();
        assertFalse(vm.settings().isStale());
        AnalysisRequest before = vm.settings().request();
        vm.overrideColumnType("ID", ColumnType.CATEGORICAL); // ID was never a feature
        assertEquals(before, vm.settings().request());
        assertTrue(vm.settings().isStale());
        vm.run();
        assertFalse(vm.settings().isStale());
    }
}
