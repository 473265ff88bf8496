package org.segmentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.analysis.SegmentsModel;
import org.segmentlab.app.settings.AppSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Personas and projects in the real window, headless: a renamed card follows its cluster through a
 * re-run with another seed and names it in the scatter's legend; Ctrl+S saves, another file replaces
 * the project, reopening it brings back the name and chosen k; a cut-off project file only shows its
 * message. The real pipeline, lightened as in the analysis test (a fifth of the restarts, 2,000
 * sampled silhouettes); file choosers and the unsaved-changes question answer without dialogs.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private MainWindow window;
    private Path saveTarget;
    private Path locateAnswer;
    private final List<String> asked = new ArrayList<>();
    private UnsavedChangesPrompt.Choice answer = UnsavedChangesPrompt.Choice.CANCEL;

    @Start
    void start(Stage stage) {
        context = LighterContext.create(dir.resolve("settings.json"));
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        window.setUnsavedChangesPrompt(name -> {
            asked.add(name);
            return answer;
        });
        window.setFileDialogs(new CancellingDialogs() {
            @Override
            public Path saveProject(Path near, String suggestedName) {
                return saveTarget;
            }

            @Override
            public Path locateData(Path near, String name) {
                return locateAnswer;
            }
        });
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    private boolean settled() {
        AnalysisOutcome o = vm().outcomeProperty().get();
        SegmentsModel m = vm().segmentsModel().model();
        return !vm().isBusy() && o != null && m != null && m.k() == o.result().chosenK()
                && m.labels().length == o.result().prepared().rows();
    }

    /** Opens a file or project and waits for its analysis (a new outcome: busy drops briefly between load and run). */
    private void openAndWait(FxRobot robot, Path file) throws TimeoutException {
        AnalysisOutcome before = vm().outcomeProperty().get();
        Problem shown = vm().problem();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && ((vm().problem() != null
                && vm().problem() != shown) || (vm().outcomeProperty().get() != before && settled())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals(id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void rename(FxRobot robot, int cluster, String name) throws TimeoutException {
        selectTab(robot, "personasTab");
        TextField field = robot.lookup("#persona-name-" + cluster).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(name, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name.equals(vm().personas().nameOf(cluster)));
    }

    private String legend(FxRobot robot, int cluster) {
        return robot.lookup("#legend-item-" + cluster).queryAs(Label.class).getText();
    }

    /** The cluster of the current result whose centroid is nearest {@code old} (scaled space). */
    private int nearest(double[] old) {
        var chosen = vm().outcomeProperty().get().result().chosen();
        double[] c = chosen.centroids();
        int d = chosen.d();
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < c.length / d; k++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (c[k * d + j] - old[j]) * (c[k * d + j] - old[j]);
            }
            if (s < bestDistance) {
                bestDistance = s;
                best = k;
            }
        }
        return best;
    }

    @Test
    void aRenamedCardFollowsItsClusterThroughARunWithAnotherSeed(FxRobot robot) throws TimeoutException {
        openAndWait(robot, SAMPLE);
        assertNull(vm().problem());
        rename(robot, 1, "Big Spenders");
        selectTab(robot, "segmentsTab");
        assertTrue(legend(robot, 1).startsWith("Big Spenders (1)"), legend(robot, 1));
        assertTrue(window.stage().getTitle().endsWith(" ●"), window.stage().getTitle());
        var chosen = vm().outcomeProperty().get().result().chosen();
        double[] old = java.util.Arrays.copyOfRange(chosen.centroids(), chosen.d(), 2 * chosen.d());
        AnalysisOutcome before = vm().outcomeProperty().get();

        @SuppressWarnings("unchecked")
        Spinner<Long> seed = robot.lookup("#seed").queryAs(Spinner.class);
        robot.interact(() -> seed.getValueFactory().setValue(7L));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().outcomeProperty().get() != before && settled());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(7L, vm().outcomeProperty().get().request().seed());
        int now = nearest(old);
        assertEquals("Big Spenders", vm().personas().nameOf(now), "the name stays on the matching cluster");
        assertTrue(legend(robot, now).startsWith("Big Spenders (" + now + ")"), legend(robot, now));
        assertEquals("Big Spenders", vm().segmentsModel().model().personaNames()[now]);
    }

    @Test
    void ctrlSSavesAndReopeningTheProjectBringsBackNameAndK(FxRobot robot) throws Exception {
        openAndWait(robot, SAMPLE);
        int k = vm().outcomeProperty().get().result().chosenK() == 5 ? 6 : 5;
        robot.interact(() -> vm().chooseK(k));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> settled() && vm().segmentsModel().model().k() == k);
        rename(robot, 2, "Night Owls");
        int[] labels = vm().outcomeProperty().get().result().chosen().labels();

        saveTarget = dir.resolve("owls.segmentlab");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saveTarget) && !vm().isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SegmentLab: owls.segmentlab", window.stage().getTitle());
        assertTrue(asked.isEmpty(), "nothing unsaved: no question");

        openAndWait(robot, SAMPLE);
        assertEquals("SegmentLab: cc_general.csv", window.stage().getTitle());
        assertNull(vm().projectPathProperty().get());
        assertFalse(vm().personas().names().contains("Night Owls"));

        openAndWait(robot, saveTarget);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Night Owls".equals(vm().personas().nameOf(2)));
        assertEquals(k, vm().outcomeProperty().get().result().chosenK());
        assertTrue(java.util.Arrays.equals(labels, vm().outcomeProperty().get().result().chosen().labels()),
                "the same numbering as when saved");
        selectTab(robot, "segmentsTab");
        assertTrue(legend(robot, 2).startsWith("Night Owls (2)"), legend(robot, 2));
        assertEquals("SegmentLab: owls.segmentlab", window.stage().getTitle());
        assertNull(vm().problem());
    }

    @Test
    void aCutOffProjectShowsItsMessageAndUnsavedChangesAreAskedAbout(FxRobot robot) throws Exception {
        openAndWait(robot, SAMPLE);
        AnalysisOutcome before = vm().outcomeProperty().get();
        Path good = dir.resolve("good.segmentlab");
        robot.interact(() -> assertTrue(vm().saveProject(good)));
        String json = Files.readString(good);
        Path half = Files.writeString(dir.resolve("half.segmentlab"), json.substring(0, json.length() / 2));

        robot.interact(() -> window.open(half));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#problemMessage").queryAs(Label.class);
        assertTrue(message.getText().startsWith("half.segmentlab is damaged"), message.getText());
        assertTrue(robot.lookup("#problemBanner").query().isVisible());
        assertSame(before, vm().outcomeProperty().get(), "the previous data and result stay");
        assertEquals(good, vm().projectPathProperty().get());

        // Unsaved edits: Cancel keeps everything, Don't Save lets the other file in.
        rename(robot, 0, "Loyal Core");
        answer = UnsavedChangesPrompt.Choice.CANCEL;
        robot.interact(() -> window.open(half));
        assertEquals(List.of("good.segmentlab"), asked);
        assertTrue(vm().isDirty());
        assertEquals(good, vm().projectPathProperty().get());
        answer = UnsavedChangesPrompt.Choice.DONT_SAVE;
        openAndWait(robot, SAMPLE);
        assertEquals(2, asked.size());
        assertNull(vm().projectPathProperty().get());
        assertNotEquals("Loyal Core", vm().personas().nameOf(0), () -> "problem " + vm().problem() + " status "
                + vm().statusProperty().get() + " busy " + vm().isBusy() + " dirty " + vm().isDirty() + " cards "
                + vm().personas().cards());
    }

    @Test
    void allChartsAreExportedWithTheDataAndKInTheFooter(FxRobot robot) throws Exception {
        openAndWait(robot, SAMPLE);
        int k = vm().outcomeProperty().get().result().chosenK();
        assertEquals("cc_general.csv · k = " + k + " · " + java.time.LocalDate.now(), window.exportFooter());
        Path folder = dir.resolve("charts");
        var done = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<List<Path>>>();
        robot.interact(() -> done.set(window.exportAllCharts(folder)));
        List<Path> files = done.get().get(120, TimeUnit.SECONDS);
        assertEquals(7, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f + " is a real image");
            assertEquals(folder, f.getParent());
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().statusProperty().get().startsWith("7 charts exported"));

        // The same charts as SVG: vector text carries the segment names the cards show.
        Path svgFolder = dir.resolve("charts-svg");
        robot.interact(() -> done.set(window.exportAllCharts(svgFolder, "svg")));
        List<Path> svgs = done.get().get(120, TimeUnit.SECONDS);
        assertEquals(7, svgs.size());
        String name0 = vm().personas().nameOf(0);
        for (Path f : svgs) {
            assertTrue(f.getFileName().toString().endsWith(".svg"), f.toString());
            String svg = Files.readString(f);
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), f.toString());
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        String scatter = Files.readString(svgFolder.resolve("pca_scatter.svg"));
        assertTrue(scatter.contains(">" + name0 + "<") || scatter.contains(">" + name0 + " "), "segment name " + name0
                + " in the scatter's legend");

        // One chart from its context menu's action: the name decides the format.
        Path one = dir.resolve("elbow-one.svg");
        var saved = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>>();
        robot.interact(() -> saved.set(window.saveChart(window.charts().get("elbow.png"), one)));
        assertEquals(one, saved.get().get(60, TimeUnit.SECONDS));
        assertTrue(Files.readString(one).contains("number of clusters k"), "the elbow's axis title as text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().statusProperty().get().equals("Chart saved to " + one));
    }

    @Test
    void theBannerLocatesMovedDataAndTheProjectOpensThere(FxRobot robot) throws Exception {
        Path copy = Files.copy(SAMPLE, dir.resolve("cc_general.csv"));
        openAndWait(robot, copy);
        rename(robot, 3, "Premium");
        Path project = dir.resolve("moved.segmentlab");
        robot.interact(() -> assertTrue(vm().saveProject(project)));
        locateAnswer = Files.move(copy, dir.resolve("cc_general_2025.csv"));
        openAndWait(robot, SAMPLE);

        robot.interact(() -> window.open(project));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#locateDataButton").query().isVisible());
        assertTrue(robot.lookup("#problemMessage").queryAs(Label.class).getText().contains("Locate"));
        AnalysisOutcome before = vm().outcomeProperty().get();
        robot.clickOn("#locateDataButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().outcomeProperty().get() != before && settled()
                && "Premium".equals(vm().personas().nameOf(3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(locateAnswer.toAbsolutePath().normalize(), vm().fileProperty().get());
        assertFalse(robot.lookup("#locateDataButton").query().isVisible());
        assertEquals("SegmentLab: moved.segmentlab", window.stage().getTitle());
    }
}
