package org.segmentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.table.AdviceNote;
import org.segmentlab.app.table.Badge;
import org.segmentlab.app.table.ColumnSummary;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.FeatureItem;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle), with the real CSV loader and a fake analysis service. Opens the
 * bundled sample ({@code samples/cc_general.csv} in the project) and a ragged file written to a temp dir.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(),
                // The real pipeline, kept small (k 2..3, one restart, sampled silhouettes): these tests are
                // about the window, AnalysisFxTest about the analysis.
                (table, request, progress, cancel) -> new AnalysisOutcome(request,
                        org.segmentlab.pipeline.Pipeline.run(table, request.withKRange(2, 3).withNInit(1)
                                .withSilhouette(org.segmentlab.metrics.SilhouetteMode.sample(500)), progress, cancel),
                        "fake run on " + table.rowCount() + " rows, seed " + request.seed()),
                new SettingsStore(dir.resolve("settings.json")));
        context.main().setAnalyseOnOpen(false);
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    private void openAndWait(FxRobot robot, Path file, String title) throws TimeoutException {
        robot.interact(() -> vm().open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> title.equals(stage.getTitle()) && !vm().isBusy());
        waitForDataTab(robot);
    }

    /** The Data tab fills over a few pulses, its advice last. */
    private void waitForDataTab(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            TableView<?> rows = robot.lookup("#dataTable").queryTableView();
            javafx.scene.control.ListView<?> advice = robot.lookup("#advisor").queryListView();
            return rows.getItems().size() == vm().data().table().rowCount()
                    && advice.getItems().size() == vm().data().advice().size();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSampleShowsItsRowsColumnsBadgesAndAdvice(FxRobot robot) throws TimeoutException {
        assertEquals("SegmentLab", stage.getTitle());
        openAndWait(robot, SAMPLE, "SegmentLab: cc_general.csv");

        TableView<Integer> rows = robot.lookup("#dataTable").queryTableView();
        assertEquals(8950, rows.getItems().size());
        assertEquals(18, rows.getColumns().stream().filter(c -> c.getUserData() != null).count(),
                "the 18 columns (the rest of the pre-built ones are spare: zero wide, no name)");
        assertEquals("CUST_ID", rows.getColumns().get(1).getUserData());

        TableView<ColumnSummary> summary = robot.lookup("#columnSummary").queryTableView();
        assertEquals(18, summary.getItems().size());
        ColumnSummary id = summary.getItems().get(0);
        assertEquals("CUST_ID", id.name());
        assertTrue(id.hasBadge(Badge.IDENTIFIER));
        Label badge = robot.lookup(".badge-identifier").match(javafx.scene.Node::isVisible).queryAs(Label.class);
        assertEquals("identifier", badge.getText());
        assertTrue(badge.isVisible());
        ColumnSummary minPay = summary.getItems().stream().filter(s -> s.name().equals("MINIMUM_PAYMENTS")).findFirst().orElseThrow();
        assertEquals(313, minPay.stats().missing());
        assertTrue(minPay.hasBadge(Badge.MISSING));

        ListView<AdviceNote> advisor = robot.lookup("#advisor").queryListView();
        List<String> notes = advisor.getItems().stream().map(AdviceNote::message).toList();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("CUST_ID looks like an identifier: excluded from clustering")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("MINIMUM_PAYMENTS: 313 missing (3.5%), filled with the mean")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("PURCHASES is highly skewed (skewness ")), notes.toString());

        assertEquals("8,950 rows · 18 cols", robot.lookup("#dataSummary").queryAs(Label.class).getText());
        ListView<FeatureItem> features = robot.lookup("#featureList").queryListView();
        assertEquals(18, features.getItems().size());
        assertEquals("CUST_ID (id)", features.getItems().get(0).label());
        assertFalse(features.getItems().get(0).isChecked());
        assertEquals(17, vm().settings().request().prep().features().size());
    }

    @Test
    void aBrokenFileNamesTheLineAndThePreviousDataStays(FxRobot robot) throws IOException, TimeoutException {
        openAndWait(robot, SAMPLE, "SegmentLab: cc_general.csv");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "A,B,C\n1,2,3\n4,5\n6,7,8\n");
        robot.interact(() -> vm().open(ragged));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().problem() != null && !vm().isBusy());
        WaitForAsyncUtils.waitForFxEvents();

        Node banner = robot.lookup("#problemBanner").query();
        assertTrue(banner.isVisible());
        String message = robot.lookup("#problemMessage").queryAs(Label.class).getText();
        assertTrue(message.startsWith("ragged.csv, line 3"), message);
        assertEquals("SegmentLab: cc_general.csv", stage.getTitle());
        TableView<Integer> rows = robot.lookup("#dataTable").queryTableView();
        assertEquals(8950, rows.getItems().size(), "the previous data stays");

        Button skip = robot.lookup("#skipBadRowsButton").queryButton();
        assertTrue(skip.isVisible());
        robot.clickOn(skip);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "SegmentLab: ragged.csv".equals(stage.getTitle()));
        waitForDataTab(robot);
        assertEquals(2, rows.getItems().size());
        assertFalse(banner.isVisible());
    }

    @Test
    void runGoesThroughTheAnalysisServiceAndTheStatusBarSaysWhatCameBack(FxRobot robot) throws TimeoutException {
        openAndWait(robot, SAMPLE, "SegmentLab: cc_general.csv");
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        assertEquals("fake run on 8950 rows, seed 42", bar.getText());
        assertFalse(robot.lookup("#staleNote").query().isVisible());
        robot.interact(() -> vm().settings().seedProperty().set(43));
        assertTrue(robot.lookup("#staleNote").query().isVisible());
        assertTrue(robot.lookup("#toolbarStale").query().isVisible());
    }

    @Test
    void theChartTabsWaitForARun(FxRobot robot) {
        for (String id : List.of("#chooseKHost", "#segmentsHost", "#personasHost")) {
            Label placeholder = robot.from(robot.lookup(id).queryAs(javafx.scene.layout.StackPane.class))
                    .lookup(".placeholder").queryAs(Label.class);
            assertTrue(placeholder.getText().startsWith("Run an analysis to see"), placeholder.getText());
        }
        assertEquals(List.of("dataTab", "chooseKTab", "segmentsTab", "personasTab", "learnTab"),
                robot.lookup("#mainTabs").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                        .map(javafx.scene.control.Tab::getId).toList());
    }

    @Test
    void theWindowSavesAndRestoresFilesSplitsAndSettings(FxRobot robot) throws Exception {
        openAndWait(robot, SAMPLE, "SegmentLab: cc_general.csv");
        robot.interact(() -> vm().settings().scalingProperty().set(org.segmentlab.prep.Scaling.ROBUST));
        AppSettings snap = WaitForAsyncUtils.asyncFx(() -> SegmentLabApp.snapshot(window, vm(), AppSettings.empty())).get();
        context.store().save(snap);
        AppSettings read = context.store().load();
        assertEquals(SAMPLE.toString(), read.lastFile());
        assertEquals(List.of(SAMPLE.toString()), read.recentFiles());
        assertEquals("robust", read.analysis().scaling());
        assertEquals(1, read.dividers().get("main").size());
        assertEquals(stage.getWidth(), read.window().width());

        AppSettings moved = read.withDividers(java.util.Map.of("main", List.of(0.3), "data", List.of(0.6)));
        robot.interact(() -> window.restore(moved));
        javafx.scene.control.SplitPane main = robot.lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class);
        javafx.scene.control.SplitPane data = robot.lookup("#dataSplit").queryAs(javafx.scene.control.SplitPane.class);
        assertEquals(0.3, main.getDividerPositions()[0], 0.005, "pixel-snapped");
        assertEquals(0.6, data.getDividerPositions()[0], 0.005, "pixel-snapped");
    }

    @Test
    void aColumnsTypeCanBeChangedFromTheSummarysContextMenu(FxRobot robot) throws TimeoutException {
        openAndWait(robot, SAMPLE, "SegmentLab: cc_general.csv");
        Node row = robot.lookup("#columnSummary .table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getItem() instanceof ColumnSummary c && c.name().equals("BALANCE")).query();
        // Monocle's headless mouse never reports a popup trigger, so a right-click does not open the
        // menu here; open the row's own menu the way the skin would and click its item.
        javafx.scene.control.ContextMenu menu = ((javafx.scene.control.TableRow<?>) row).getContextMenu();
        robot.interact(() -> menu.show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Treat BALANCE as identifier");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "BALANCE is now treated as identifier".equals(vm().statusProperty().get()));
        waitForDataTab(robot);
        TableView<ColumnSummary> summary = robot.lookup("#columnSummary").queryTableView();
        ColumnSummary balance = summary.getItems().get(1);
        assertEquals("BALANCE", balance.name());
        assertTrue(balance.hasBadge(Badge.IDENTIFIER));
        assertEquals(16, vm().settings().request().prep().features().size(), "an identifier is no longer a feature");
        assertEquals(8950, robot.lookup("#dataTable").queryTableView().getItems().size());
    }
}
