package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ten clusters in a short heatmap (what the Segments tab gives it at 1280 x 800): rows keep a height that holds
 * their numbers and scroll under the headers; a tall heatmap does not scroll.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapScrollFxTest {

    private final FakeData data = new FakeData(3_000, 10, 9);
    private ProfileHeatmap shortMap;
    private ProfileHeatmap tallMap;

    @Start
    void start(Stage stage) {
        shortMap = new ProfileHeatmap();
        shortMap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        shortMap.setPrefSize(900, 200);
        shortMap.setMinSize(900, 200);
        tallMap = new ProfileHeatmap();
        tallMap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        tallMap.setPrefSize(900, 560);
        tallMap.setMinSize(900, 560);
        stage.setScene(new Scene(new VBox(shortMap, tallMap), 920, 780));
        stage.show();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shortRowsScrollInsteadOfHidingTheirNumbers(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            shortMap.redrawNow();
            tallMap.redrawNow();
        });
        assertTrue(shortMap.rowsScroll(), "ten rows do not fit 200 px");
        double minRow = onFx(() -> CanvasChart.textHeight(CanvasChart.font(1, 0.55, false)));
        assertTrue(shortMap.rowHeight() >= minRow + 4, "row height " + shortMap.rowHeight());
        assertFalse(tallMap.rowsScroll(), "ten rows fit 560 px");

        int f = FakeData.FEATURES.length - 1;
        Point2D before = onFx(() -> shortMap.cellCenter(0, f));
        javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) shortMap.lookup("#heatmapScroll");
        assertTrue(bar.isVisible());
        robot.interact(() -> bar.setValue(bar.getMax()));
        robot.interact(shortMap::redrawNow);
        Point2D after = onFx(() -> shortMap.cellCenter(0, f));
        assertEquals(before.getY() - bar.getMax(), after.getY(), 1e-6, "rows moved up by the scroll");
        // the last cluster is now on screen and the mouse finds it where it is drawn
        Point2D last = onFx(() -> shortMap.cellCenter(9, f));
        assertArrayEquals(new int[] {9, f}, onFx(() -> shortMap.cellAt(last.getX(), last.getY())));
        assertEquals(null, onFx(() -> shortMap.cellAt(after.getX(), after.getY())), "a row scrolled away is not hit");
    }
}
