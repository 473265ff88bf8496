package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Heatmap headers, label collisions, equal aspect and keyboard use. */
@ExtendWith(ApplicationExtension.class)
class ChartsPolishFxTest {

    private final FakeData data = new FakeData(1_500, 4, 5);
    private PcaScatter scatter;
    private MetricByKChart elbow;
    private ProfileHeatmap heatmap;

    @Start
    void start(Stage stage) {
        scatter = new PcaScatter();
        scatter.setClusterNames(data.names());
        scatter.setData(data.xs, data.ys, data.cluster, data.k, "PC1", "PC2");
        scatter.setCentroids(data.cx, data.cy, null);
        // the Monocle headless screen is 1280 x 800: the stage must fit. Arrows that end next to the centroids
        // and to each other, so their labels would collide unmoved
        String[] names = new String[8];
        double[] lx = new double[8], ly = new double[8];
        for (int i = 0; i < 8; i++) {
            names[i] = "FEATURE_NUMBER_" + i;
            lx[i] = data.cx[i % data.k] * (1 + 0.02 * i);
            ly[i] = data.cy[i % data.k] * (1 + 0.02 * i);
        }
        scatter.setLoadings(names, lx, ly);
        scatter.showLoadingsProperty().set(true);
        elbow = MetricByKChart.elbow();
        elbow.setData(FakeData.KS, FakeData.INERTIA, OptionalInt.of(4), "knee k=4");
        heatmap = new ProfileHeatmap();
        heatmap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        scatter.setPrefSize(700, 420);
        elbow.setPrefSize(700, 140);
        heatmap.setPrefSize(700, 220);
        stage.setScene(new Scene(new VBox(scatter, elbow, heatmap), 720, 780));
        stage.show();
    }

    @Test
    void heatmapHeadersStartAtTheirColumnCentreAndStayInside() {
        WaitForAsyncUtils.waitForFxEvents();
        int[] order = heatmap.featureOrder();
        double width = onFx(() -> heatmap.getWidth());
        for (int j = 0; j < order.length; j++) {
            final int col = j;
            double[] e = onFx(() -> heatmap.headerExtent(col));
            assertNotNull(e, "header " + j);
            Point2D centre = onFx(() -> heatmap.cellCenter(0, order[col]));
            assertEquals(centre.getX(), e[0], 0.5, "header " + j + " starts at its column's centre");
            assertTrue(e[2] > e[0] && e[3] < e[1], "header " + j + " runs up-right");
            assertTrue(e[2] <= width, "header " + j + " ends inside the chart: " + e[2] + " > " + width);
            assertTrue(e[3] >= 0, "header " + j + " ends below the top edge");
        }
    }

    @Test
    void centroidAndArrowLabelsDoNotOverlap() {
        WaitForAsyncUtils.waitForFxEvents();
        List<double[]> boxes = onFx(() -> scatter.labelBoxes());
        assertEquals(data.k * 2 + 8, boxes.size(), "markers, centroid labels and arrow labels");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i), b = boxes.get(j);
                boolean overlap = a[0] < b[0] + b[2] - 0.01 && b[0] < a[0] + a[2] - 0.01
                        && a[1] < b[1] + b[3] - 0.01 && b[1] < a[1] + a[3] - 0.01;
                assertFalse(overlap, "label boxes " + i + " and " + j + " overlap");
            }
        }
    }

    @Test
    void nudgeMovesABoxOffOccupiedSpaceAndLeavesAFreeOneAlone() {
        List<double[]> placed = List.of(new double[] {0, 100, 50, 20}, new double[] {0, 120, 50, 20});
        assertEquals(10, PcaScatter.nudge(100, 10, 30, 10, placed, 0, 500), 0, "free space is kept");
        double y = PcaScatter.nudge(10, 110, 30, 10, placed, 0, 500);
        assertTrue(y + 10 <= 100 || y >= 140, "moved clear of both boxes: " + y);
        assertTrue(Math.abs(y - 110) <= 30, "moved as little as needed: " + y);
    }

    @Test
    void pcaAxesKeepEqualAspectUnlessTurnedOff(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scatter.equalAspectProperty().get(), "on by default");
        double[] d = onFx(() -> new double[] {scatter.viewport().dataPerPixelX(), scatter.viewport().dataPerPixelY()});
        assertEquals(d[0], d[1], d[0] * 1e-9, "one data unit is as long along x as along y");
        robot.interact(() -> scatter.zoomAt(200, 150, 2));
        WaitForAsyncUtils.waitForFxEvents();
        d = onFx(() -> new double[] {scatter.viewport().dataPerPixelX(), scatter.viewport().dataPerPixelY()});
        assertEquals(d[0], d[1], d[0] * 1e-9, "zoom keeps it");
        robot.interact(() -> scatter.equalAspectProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        d = onFx(() -> new double[] {scatter.viewport().dataPerPixelX(), scatter.viewport().dataPerPixelY()});
        assertTrue(Math.abs(d[0] / d[1] - 1) > 0.01, "off: the data fills the plot on both axes");
        assertTrue(scatter.viewport().isHome());
        robot.interact(() -> scatter.equalAspectProperty().set(true));
    }

    @Test
    void legendItemsAndKColumnsWorkFromTheKeyboard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scatter.lookup("#legend-item-1").requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scatter.hiddenClusters().contains(1), "Space hides");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(scatter.hiddenClusters().contains(1), "Enter shows again");
        assertTrue(scatter.lookup("#legend-item-1").isFocusTraversable());

        robot.interact(() -> {
            elbow.chosenKProperty().set(0);
            elbow.requestFocus();
        });
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, elbow.chosenKProperty().get(), "first arrow key picks the marked k");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, elbow.chosenKProperty().get());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, elbow.chosenKProperty().get());
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, elbow.chosenKProperty().get());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, elbow.chosenKProperty().get(), "stays at the last k");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, elbow.chosenKProperty().get());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
