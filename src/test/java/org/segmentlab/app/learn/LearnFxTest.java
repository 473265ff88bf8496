package org.segmentlab.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainWindow;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.task.FxTaskRunner;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.data.ToyData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Learn tab in the real window, headless (Monocle): opened with its shortcut, stepped on a toy set
 * with the buttons (the iteration counter and the inertia chart advance, the inertia never rises), a
 * step undone with Back, a reset; the restarts end with the best marked; Help ▸ Example data opens a
 * toy set like a file.
 */
@ExtendWith(ApplicationExtension.class)
class LearnFxTest {

    @TempDir
    Path dir;

    private AppContext context;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(),
                (table, request, progress, cancel) -> new AnalysisOutcome(request,
                        org.segmentlab.pipeline.Pipeline.run(table, request.withKRange(2, 3).withNInit(1),
                                progress, cancel), "fake run"),
                new SettingsStore(dir.resolve("settings.json")));
        context.main().setAnalyseOnOpen(false);
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private LearnView openLearnTab(FxRobot robot) {
        robot.clickOn("#dataTab .tab-label").push(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("learnTab", window.tabs().getSelectionModel().getSelectedItem().getId(), "Ctrl+5 opens Learn");
        return robot.lookup("#learnView").queryAs(LearnView.class);
    }

    private static String iteration(FxRobot robot) {
        return robot.lookup("#learnIteration").queryAs(Label.class).getText();
    }

    @Test
    void stepsGoForwardBackRestoresAStateAndResetGoesToIterationZero(FxRobot robot) {
        LearnView view = openLearnTab(robot);
        LearnViewModel vm = view.viewModel();
        ComboBox<LearnViewModel.Source> source = robot.lookup("#learnSource").queryComboBox();
        robot.interact(() -> source.getSelectionModel().select(LearnViewModel.Source.of(ToyData.Kind.UNEQUAL)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ToyData.Kind.UNEQUAL.suggestedK(), vm.kProperty().get(), "the toy set's k");
        assertEquals("Iteration 0", iteration(robot));
        assertEquals(0, view.inertiaChart().pointCount());

        Button step = robot.lookup("#learnStep").queryButton();
        for (int i = 1; i <= 3; i++) {
            robot.clickOn(step);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Iteration " + i, iteration(robot));
            assertEquals(2 * i, view.inertiaChart().pointCount(), "an assignment and a move per step");
        }
        double[] inertia = view.inertiaChart().values();
        for (int i = 1; i < inertia.length; i++) {
            assertTrue(inertia[i] <= inertia[i - 1] * (1 + 1e-12), "inertia rose at point " + i);
        }
        assertTrue(inertia[inertia.length - 1] < inertia[0], "and it fell");

        KMeansStepper.State afterThree = vm.stateProperty().get();
        robot.clickOn("#learnAssign");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(KMeansStepper.Phase.ASSIGNED, vm.stateProperty().get().phase());
        assertEquals(7, view.inertiaChart().pointCount());
        robot.clickOn("#learnBack");
        WaitForAsyncUtils.waitForFxEvents();
        KMeansStepper.State back = vm.stateProperty().get();
        assertSame(afterThree, back, "Back brings back the state before the assignment");
        assertArrayEquals(afterThree.centroids(), back.centroids());
        assertEquals("Iteration 3", iteration(robot));
        assertEquals(6, view.inertiaChart().pointCount());

        robot.clickOn("#learnReset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Iteration 0", iteration(robot));
        assertEquals(0, view.inertiaChart().pointCount());
        assertTrue(robot.lookup("#learnBack").queryButton().isDisabled());
        assertEquals(KMeansStepper.Phase.START, vm.stateProperty().get().phase());
    }

    @Test
    void theRestartsEndWithTheLowestInertiaMarkedBest(FxRobot robot) {
        LearnView view = openLearnTab(robot);
        ComboBox<LearnViewModel.Source> source = robot.lookup("#learnSource").queryComboBox();
        robot.interact(() -> source.getSelectionModel().select(LearnViewModel.Source.of(ToyData.Kind.RING)));
        robot.clickOn("Restarts side by side");
        robot.clickOn("#restartsEnd");
        WaitForAsyncUtils.waitForFxEvents();
        double[] ends = view.restarts().finalInertia();
        assertEquals(RestartsView.PANELS, ends.length);
        int best = 0;
        for (int i = 0; i < ends.length; i++) {
            assertFalse(Double.isNaN(ends[i]), "panel " + i + " converged");
            if (ends[i] < ends[best]) {
                best = i;
            }
        }
        String summary = view.restarts().summaryText();
        long seed = view.viewModel().seedProperty().get();
        assertTrue(summary.startsWith("Seed " + (seed + best) + " ended best") || summary.startsWith("All "), summary);
    }

    @Test
    void helpExampleDataOpensTheRingLikeAFile(FxRobot robot) throws TimeoutException {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("Help")).findFirst().orElseThrow();
        Menu examples = (Menu) help.getItems().stream().filter(i -> "menuExampleData".equals(i.getId())).findFirst()
                .orElseThrow();
        MenuItem ring = examples.getItems().stream().filter(i -> "menuExample_ring".equals(i.getId())).findFirst()
                .orElseThrow();
        robot.interact(ring::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "SegmentLab: ring.csv".equals(stage.getTitle()) && !context.main().isBusy());
        assertNotNull(context.main().data());
        assertEquals(ToyData.generate(ToyData.Kind.RING, ToyData.DEFAULT_SEED).rowCount(),
                context.main().data().table().rowCount());
    }
}
