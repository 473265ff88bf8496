package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart behind another tab, or under an invisible pane, does not paint (JavaFX would style, lay out and render
 * it all the same); it paints once when it shows, with the data it got meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenChartFxTest {

    private final FakeData data = new FakeData(2_000, 4, 3);
    private TabPane tabs;
    private ProfileHeatmap behindTab;
    private ProfileHeatmap underPane;
    private StackPane pane;

    @Start
    void start(Stage stage) {
        behindTab = new ProfileHeatmap();
        underPane = new ProfileHeatmap();
        pane = new StackPane(underPane);
        pane.setVisible(false);
        tabs = new TabPane(new Tab("first", new Label("shown first")), new Tab("chart", new StackPane(behindTab, pane)));
        stage.setScene(new Scene(tabs, 800, 600));
        stage.show();
    }

    @Test
    void aHiddenChartPaintsWhenShownAndNotBefore(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> behindTab.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw,
                FakeData.POPULATION));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, behindTab.redrawCount(), "no paint behind another tab");
        assertTrue(behindTab.paintPending());

        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> behindTab.redrawCount() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, behindTab.redrawCount(), "one paint when shown");
        assertFalse(behindTab.paintPending());
        assertEquals(0, underPane.redrawCount(), "still hidden under its invisible pane");

        robot.interact(() -> pane.setVisible(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> underPane.redrawCount() >= 1);

        // Shown charts paint at once, as before.
        int before = behindTab.redrawCount();
        robot.interact(behindTab::requestRedraw);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> behindTab.redrawCount() == before + 1);
    }

    @Test
    void aGateWaitsForEveryHiddenParent(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int[] runs = {0};
        ShowGate gate = WaitForAsyncUtils.asyncFx(() -> new ShowGate(underPane, () -> runs[0]++)).get(10, TimeUnit.SECONDS);
        robot.interact(() -> assertTrue(gate.waitUntilShown(), "hidden by the pane and the tab"));
        robot.interact(() -> pane.setVisible(true));
        assertEquals(0, runs[0], "the tab still hides it");
        assertTrue(gate.waiting());
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertEquals(1, runs[0]);
        assertFalse(gate.waiting());
        robot.interact(() -> assertFalse(gate.waitUntilShown(), "shown: nothing to wait for"));
    }
}
