package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scatter above {@link PcaScatter#ASYNC_INDEX_THRESHOLD} points draws its raster off the FX thread: a pan
 * moves the old frame at once, the finished frame is the newest one asked for and equals a direct draw, and
 * export still draws everything at once.
 */
@ExtendWith(ApplicationExtension.class)
class ScatterAsyncFxTest {

    private final FakeData data = new FakeData(PcaScatter.ASYNC_INDEX_THRESHOLD + 20_000, 5, 7);
    private PcaScatter scatter;

    @Start
    void start(Stage stage) {
        scatter = new PcaScatter();
        scatter.setPrefSize(600, 420);
        scatter.setData(data.xs, data.ys, data.cluster, data.k, "PC1", "PC2");
        stage.setScene(new Scene(scatter, 640, 480));
        stage.show();
    }

    private void awaitCurrentFrame() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> scatter.indexReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(scatter::whenRasterCurrent).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theFrameOnScreenIsTheNewestAndMatchesADirectDraw(FxRobot robot) throws Exception {
        awaitCurrentFrame();
        int[] shown = WaitForAsyncUtils.asyncFx(scatter::shownRaster).get();
        assertNotNull(shown);
        assertArrayEquals(WaitForAsyncUtils.asyncFx(scatter::expectedRaster).get(), shown);
        // legend counts arrive with the background preparation
        assertTrue(scatter.legendTexts().get(0).contains("·"), scatter.legendTexts().toString());

        // many pans in a row: each returns at once; only the last view's frame may end up on screen
        int before = WaitForAsyncUtils.asyncFx(scatter::rasterFramesShown).get();
        robot.interact(() -> {
            for (int i = 0; i < 25; i++) {
                scatter.panBy(7, -3);
                scatter.redrawNow();
            }
            assertFalse(scatter.isRasterCurrent(), "the new frame is drawn in the background");
        });
        awaitCurrentFrame();
        int after = WaitForAsyncUtils.asyncFx(scatter::rasterFramesShown).get();
        assertTrue(after - before >= 1 && after - before < 25, "superseded frames are skipped: " + (after - before));
        assertArrayEquals(WaitForAsyncUtils.asyncFx(scatter::expectedRaster).get(),
                WaitForAsyncUtils.asyncFx(scatter::shownRaster).get(), "the frame for the last view is on screen");
    }

    @Test
    void aPanMovesTheOldFrameAtOnceAndAZoomScalesIt(FxRobot robot) throws Exception {
        awaitCurrentFrame();
        double[] r = new double[6];
        robot.interact(() -> {
            Viewport v = scatter.viewport();
            r[0] = scatter.rasterNode().getX() - v.left();
            scatter.panBy(40, 25);
            scatter.redrawNow();
            r[1] = scatter.rasterNode().getX() - v.left();
            r[2] = scatter.rasterNode().getY() - v.top();
            r[3] = scatter.rasterNode().getFitWidth();
            scatter.zoomAt(v.left() + 100, v.top() + 100, 2);
            scatter.redrawNow();
            r[4] = scatter.rasterNode().getFitWidth();
            r[5] = v.width();
        });
        assertEquals(0, r[0], 1e-6, "a current frame lies exactly on the plot");
        assertEquals(40, r[1], 1e-6);
        assertEquals(25, r[2], 1e-6);
        assertEquals(r[5], r[3], 1e-6, "a pan does not scale");
        assertEquals(2 * r[3], r[4], 1e-6, "zooming in by 2 shows the old frame twice as large until the new one");
        awaitCurrentFrame();
        assertEquals(0, (double) WaitForAsyncUtils.asyncFx(() -> scatter.rasterNode().getX() - scatter.viewport()
                .left()).get(), 1e-6);
    }

    @Test
    void exportDrawsAllPointsAtOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> scatter.indexReadyProperty().get());
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            scatter.panBy(10, 10); // a frame is pending: the export must not depend on it
            return scatter.snapshot(800, 500);
        }).get(30, TimeUnit.SECONDS);
        int coloured = 0;
        for (int y = 0; y < 500; y += 4) {
            for (int x = 0; x < 800; x += 4) {
                javafx.scene.paint.Color c = img.getPixelReader().getColor(x, y);
                if (c.getSaturation() > 0.3) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "coloured points in the export: " + coloured);
    }
}
