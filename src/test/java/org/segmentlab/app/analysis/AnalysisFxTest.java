package org.segmentlab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.charts.MetricByKChart;
import org.segmentlab.app.charts.PcaScatter;
import org.segmentlab.app.charts.SilhouettePlot;
import org.segmentlab.app.settings.AppSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The analysis end to end in the real window, headless: open the bundled sample (the default analysis
 * runs by itself), pick k in the elbow chart, read the scatter, cancel a long run, break a setting.
 * The pipeline is the real one; to suit a 2-core CI machine it runs a fifth of the asked restarts
 * (at least one) and samples 2,000 silhouettes.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = org.segmentlab.app.LighterContext.create(dir.resolve("settings.json"));
        SegmentLabApp.open(stage, context, AppSettings.empty());
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    /** Opens a file and waits until its default analysis (or its failure) is shown. */
    private void openAndAnalyse(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> vm().open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy()
                && (vm().problem() != null || segmentsShown()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The segments model of the shown outcome has arrived (it is built on a worker after the run). */
    private boolean segmentsShown() {
        AnalysisOutcome o = vm().outcomeProperty().get();
        SegmentsModel m = vm().segmentsModel().model();
        return o != null && m != null && m.k() == o.result().chosenK() && m.labels().length == o.result().prepared().rows();
    }

    private void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals(id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickK(FxRobot robot, MetricByKChart chart, int k) throws TimeoutException {
        Point2D local = chart.pointLocation(k);
        assertNotNull(local, "k = " + k + " is drawn");
        robot.clickOn(chart.localToScreen(local));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> segmentsShown() && vm().segmentsModel().model().k() == k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSampleIsSegmentedOnOpenAndAKPickedOnTheElbowShowsEverywhere(FxRobot robot) throws TimeoutException {
        openAndAnalyse(robot, SAMPLE);
        assertEquals(null, vm().problem());
        selectTab(robot, "chooseKTab");
        MetricByKChart elbow = robot.lookup("#elbowChart").queryAs(MetricByKChart.class);
        assertEquals(10, elbow.getPointCount(), "k 1..10");
        assertTrue(elbow.getMarkedK().isPresent());
        Node marker = robot.lookup("#elbowChartMarker").query();
        assertTrue(marker.isVisible(), "the knee is marked");
        assertEquals("knee k=" + elbow.getMarkedK().getAsInt(), ((Label) marker).getText());
        String status = vm().statusProperty().get();
        assertTrue(status.matches("k = \\d+ · silhouette -?0\\.\\d+ \\(sampled\\) · PC1\\+PC2 \\d+\\.\\d%"), status);

        int runs = vm().settings().isStale() ? -1 : 0;
        AnalysisOutcome first = vm().outcomeProperty().get();
        clickK(robot, elbow, 3);
        clickK(robot, elbow, 4);
        assertSame(first.result().sweep(), vm().outcomeProperty().get().result().sweep(), "no new run");
        assertEquals(runs, vm().settings().isStale() ? -1 : 0, "not stale");
        assertEquals(4, vm().settings().chosenKProperty().get(), "the spinner follows");
        assertEquals(4, robot.lookup("#silhouetteChart").queryAs(MetricByKChart.class).chosenKProperty().get());

        selectTab(robot, "segmentsTab");
        PcaScatter scatter = robot.lookup("#pcaScatter").queryAs(PcaScatter.class);
        SilhouettePlot silhouettes = robot.lookup("#silhouettePlot").queryAs(SilhouettePlot.class);
        assertEquals(4, scatter.legendItemCount());
        assertEquals(4, silhouettes.bandCount());
        assertTrue(scatter.legendTexts().stream().allMatch(t -> t.matches(".+ \\(\\d\\).*")), scatter.legendTexts().toString());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> scatter.indexReadyProperty().get());
        int point = 0;
        Point2D scene = scatter.scenePositionOf(point);
        robot.moveTo(new Point2D(stage.getX() + stage.getScene().getX() + scene.getX(),
                stage.getY() + stage.getScene().getY() + scene.getY()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scatter.shownHoverText() != null);
        String hover = scatter.shownHoverText();
        assertTrue(hover.matches("C1\\d{4} · .+ \\(cluster [0-3]\\)( · [A-Z_]+ [-0-9.,]+){3}"), hover);
        // The mouse lands on whole pixels, so the nearest customer may be a neighbour of point 0: compare
        // with the text for where the mouse really is.
        Point2D mouse = robot.robotContext().getBaseRobot().retrieveMouse();
        assertEquals(scatter.hoverTextAt(mouse.getX() - stage.getX() - stage.getScene().getX(),
                mouse.getY() - stage.getY() - stage.getScene().getY()), hover);
    }

    @Test
    void aCancelledRunLeavesThePreviousResultsOnScreen(FxRobot robot) throws TimeoutException {
        openAndAnalyse(robot, SAMPLE);
        selectTab(robot, "segmentsTab");
        PcaScatter scatter = robot.lookup("#pcaScatter").queryAs(PcaScatter.class);
        AnalysisOutcome before = vm().outcomeProperty().get();
        List<String> legend = scatter.legendTexts();

        robot.interact(() -> vm().settings().nInitProperty().set(500));
        robot.clickOn("#toolRun");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().isBusy() && vm().progressProperty().get() > 0);
        robot.clickOn("#statusCancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled", vm().statusProperty().get());
        assertSame(before, vm().outcomeProperty().get());
        assertEquals(before.result().chosenK(), vm().settings().chosenKProperty().get());
        assertEquals(legend, scatter.legendTexts());
    }

    @Test
    void aKRangeAboveTheNumberOfCustomersIsExplainedInTheBanner(FxRobot robot) throws IOException, TimeoutException {
        Path tiny = Files.writeString(dir.resolve("tiny.csv"), "ID,A,B\nx1,1,2\nx2,2,3\nx3,5,1\nx4,7,7\nx5,3,9\n");
        robot.interact(() -> vm().settings().kMaxProperty().set(4));
        openAndAnalyse(robot, tiny);
        assertEquals(null, vm().problem(), "k 1..4 fits 5 customers");
        SegmentsModel shown = vm().segmentsModel().model();
        robot.interact(() -> {
            vm().settings().kMaxProperty().set(8);
            vm().settings().kMinProperty().set(6);
        });
        robot.clickOn("#toolRun");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().isBusy() && vm().problem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#problemBanner").query().isVisible());
        String message = robot.lookup("#problemMessage").queryAs(Label.class).getText();
        assertTrue(message.matches("The analysis could not run: k = [678] is more than the 5 distinct customers.*K range.*"), message);
        assertSame(shown, vm().segmentsModel().model(), "the previous segments stay");
    }
}
