package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real charts headless (Monocle) with the mouse. */
@ExtendWith(ApplicationExtension.class)
class ChartsFxTest {

    private final FakeData data = new FakeData(2_000, 4, 11);
    private PcaScatter scatter;
    private MetricByKChart elbow;
    private MetricByKChart silhouetteByK;
    private SilhouettePlot silhouette;
    private ProfileHeatmap heatmap;

    @Start
    void start(Stage stage) {
        scatter = new PcaScatter();
        scatter.setClusterNames(data.names());
        scatter.setData(data.xs, data.ys, data.cluster, data.k, "PC1 (27.3%)", "PC2 (20.3%)");
        scatter.setCentroids(data.cx, data.cy, null);
        scatter.setPointLabeler(i -> "CUST_ID C" + (10001 + i) + " · " + data.names()[data.cluster[i]]);
        elbow = MetricByKChart.elbow();
        elbow.setData(FakeData.KS, FakeData.INERTIA, OptionalInt.of(4), "knee k=4");
        silhouetteByK = MetricByKChart.silhouette();
        silhouetteByK.setData(FakeData.KS, FakeData.SIL, OptionalInt.of(3), "best k=3");
        silhouetteByK.chosenKProperty().bindBidirectional(elbow.chosenKProperty());
        silhouette = new SilhouettePlot();
        silhouette.setData(data.silhouette, data.cluster, data.k, data.names(), false);
        scatter.highlightedClusterProperty().bind(silhouette.selectedClusterProperty());
        heatmap = new ProfileHeatmap();
        heatmap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);

        // the Monocle headless screen is 1280 x 800: everything must fit, or rendering overflows
        GridPane root = new GridPane();
        scatter.setPrefSize(520, 400);
        elbow.setPrefSize(660, 200);
        silhouetteByK.setPrefSize(660, 200);
        silhouette.setPrefSize(520, 360);
        heatmap.setPrefSize(660, 360);
        root.add(scatter, 0, 0);
        root.add(new javafx.scene.layout.VBox(elbow, silhouetteByK), 1, 0);
        root.add(silhouette, 0, 1);
        root.add(heatmap, 1, 1);
        stage.setScene(new Scene(root, 1180, 760));
        stage.show();
    }

    @Test
    void scatterShowsOneLegendItemPerClusterAndHidesOnClick(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, scatter.legendItemCount());
        assertEquals(4, scatter.visibleClusterCount());
        int before = scatter.redrawCount();
        javafx.scene.control.Label item = robot.lookup("#legend-item-2").queryAs(javafx.scene.control.Label.class);
        assertEquals(null, item.getTooltip(), "a legend item's tooltip waits for the mouse");
        robot.clickOn("#legend-item-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(item.getTooltip().getText().contains("hide or show"), "the mouse over it brings its tooltip");
        assertEquals(3, scatter.visibleClusterCount());
        assertTrue(scatter.hiddenClusters().contains(2));
        assertTrue(scatter.redrawCount() > before, "hiding a cluster redraws");
        // a point of the hidden cluster can no longer be hovered
        int hiddenPoint = firstPointOf(2);
        Point2D p = onFx(() -> scatter.scenePositionOf(hiddenPoint));
        String text = onFx(() -> scatter.hoverTextAt(p.getX(), p.getY()));
        assertTrue(text == null || !text.equals(label(hiddenPoint)), "hidden point not hoverable");
        robot.clickOn("#legend-item-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, scatter.visibleClusterCount());
    }

    @Test
    void aNarrowScatterWrapsItsToolbarInsteadOfCuttingItsLabels(FxRobot robot) {
        robot.interact(() -> {
            scatter.setPrefWidth(360);
            scatter.setMaxWidth(360);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node toolbar = robot.lookup("#scatterToolbar").query();
        java.util.List<String> shown = robot.from(toolbar).lookup((javafx.scene.text.Text t) -> t.isVisible())
                .queryAllAs(javafx.scene.text.Text.class).stream().map(javafx.scene.text.Text::getText).toList();
        assertTrue(shown.containsAll(java.util.List.of("size", "opacity", "Feature arrows", "1:1", "⟲ reset view")),
                () -> "every label whole: " + shown);
        assertTrue(shown.stream().noneMatch(t -> t.endsWith("...") || t.endsWith("…")), () -> "none cut: " + shown);
        assertTrue(toolbar.getLayoutBounds().getHeight() > 30, "the controls wrap onto a second row");
    }

    @Test
    void theSilhouetteAxisTitleShortensToFitRatherThanRunningOffTheChart(FxRobot robot) {
        javafx.scene.text.Font font = javafx.scene.text.Font.font(12);
        java.util.List<String> titles = SilhouettePlot.AXIS_TITLES;
        assertEquals(titles.get(0), onFx(() -> SilhouettePlot.axisTitle(2000, font)), "wide: the whole sentence");
        for (double width : new double[] {420, 330, 250, 180}) {
            String t = onFx(() -> SilhouettePlot.axisTitle(width, font));
            double tw = onFx(() -> CanvasChart.textWidth(t, font));
            assertTrue(tw <= width || t.equals(titles.get(titles.size() - 1)), () -> t + " is " + tw + " px in " + width);
            int i = titles.indexOf(t);
            if (i > 0) {
                String longer = titles.get(i - 1);
                assertTrue(onFx(() -> CanvasChart.textWidth(longer, font)) > width, "the longest that fits");
            }
        }
    }

    @Test
    void theSilhouetteTitleShortensToStayClearOfTheInfoIcon(FxRobot robot) {
        javafx.scene.text.Font font = javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, 14);
        assertEquals("Silhouette per customer (k = 5) · sample of 10,000",
                onFx(() -> SilhouettePlot.title(5, 10_000, 2000, font)), "wide: the whole title");
        assertEquals("Silhouette per customer (k = 5)", onFx(() -> SilhouettePlot.title(5, -1, 2000, font)),
                "every customer shown: no sample mentioned");
        String previous = null;
        for (double width : new double[] {360, 300, 240, 160, 60}) {
            String t = onFx(() -> SilhouettePlot.title(5, 10_000, width, font));
            double tw = onFx(() -> CanvasChart.textWidth(t, font));
            assertTrue(tw <= width || t.equals("Silhouettes (k = 5)"), () -> t + " is " + tw + " px in " + width);
            assertTrue(t.contains("(k = 5)"), t);
            if (previous != null) {
                String p = previous;
                assertTrue(t.length() <= p.length(), () -> "narrower never longer: " + t + " after " + p);
            }
            previous = t;
        }
        assertEquals("Silhouettes (k = 5)", onFx(() -> SilhouettePlot.title(5, 10_000, 60, font)));
    }

    @Test
    void hoveringAKnownPointShowsItsLabel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // an isolated point: the one farthest from the data centre is unlikely to have a neighbour within 6 px
        int far = farthestPoint();
        Point2D p = onFx(() -> scatter.scenePositionOf(far));
        assertEquals(label(far), onFx(() -> scatter.hoverTextAt(p.getX(), p.getY())));
        robot.moveTo(p.add(robot.targetWindow().getX() + robot.targetWindow().getScene().getX(),
                robot.targetWindow().getY() + robot.targetWindow().getScene().getY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(label(far), scatter.shownHoverText());
        // nothing to hover in an empty corner of the plot
        Point2D corner = onFx(() -> scatter.plotNode().localToScene(scatter.viewport().left() + 1,
                scatter.viewport().top() + 1));
        assertNull(onFx(() -> scatter.hoverTextAt(corner.getX(), corner.getY())));
    }

    @Test
    void zoomAndPanKeepTheHoverLookupRight(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int far = farthestPoint();
        robot.interact(() -> {
            scatter.zoomAt(200, 150, 1.7);
            scatter.panBy(35, -20);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D p = onFx(() -> scatter.scenePositionOf(far));
        String text = onFx(() -> scatter.hoverTextAt(p.getX(), p.getY()));
        if (onFx(() -> insidePlot(p))) {
            assertEquals(label(far), text);
        }
        robot.interact(() -> scatter.resetView());
        assertTrue(scatter.viewport().isHome());
    }

    @Test
    void severalChangesInOnePulseGiveOneRedraw(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int before = scatter.redrawCount();
        robot.interact(() -> {
            scatter.pointSizeProperty().set(5);
            scatter.pointOpacityProperty().set(0.3);
            scatter.showLoadingsProperty().set(true);
            silhouette.selectedClusterProperty().set(1); // the scatter's highlight is bound to it
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, scatter.redrawCount());
        assertTrue(scatter.lastRedrawNanos() > 0);
        robot.interact(() -> silhouette.selectedClusterProperty().set(-1));
    }

    @Test
    void clickingTheK4PointSetsChosenKOnBothCharts(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, elbow.getPointCount());
        assertEquals(9, silhouetteByK.getPointCount(), "NaN at k=1 skipped");
        Point2D p = onFx(() -> elbow.localToScreen(elbow.pointLocation(4)));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, elbow.chosenKProperty().get());
        assertEquals(4, silhouetteByK.chosenKProperty().get(), "shared between charts");
        // clicking anywhere in the k=7 column (top of the plot, far from the point) picks 7
        Point2D col7 = onFx(() -> {
            Point2D pt = silhouetteByK.pointLocation(7);
            return silhouetteByK.localToScreen(pt.getX() + 3, silhouetteByK.getHeight() * 0.2);
        });
        robot.clickOn(col7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, elbow.chosenKProperty().get());
        assertEquals("k = 7: 0.215", silhouetteByK.valueTextAt(7));
    }

    @Test
    void elbowExposesTheKneeMarker(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label marker = robot.lookup("#elbowChartMarker").queryAs(Label.class);
        assertNotNull(marker);
        assertTrue(marker.isVisible());
        assertEquals("knee k=4", marker.getText());
        assertEquals(OptionalInt.of(4), elbow.getMarkedK());
        // the marker sits at the k=4 column
        double x4 = elbow.pointLocation(4).getX();
        assertTrue(Math.abs(marker.getLayoutX() - x4) < 12, "marker near k=4: " + marker.getLayoutX() + " vs " + x4);
    }

    @Test
    void silhouetteBandsAndClickSelectsCluster(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, silhouette.bandCount());
        Point2D c2 = onFx(() -> silhouette.localToScreen(silhouette.bandCenter(2)));
        robot.clickOn(c2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, silhouette.selectedClusterProperty().get());
        assertEquals(2, scatter.highlightedClusterProperty().get(), "bound to the scatter");
        robot.clickOn(c2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, silhouette.selectedClusterProperty().get(), "second click clears");
    }

    @Test
    void heatmapHoverTooltipNamesFeatureClusterAndMeans(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int f = heatmap.featureOrder()[0];
        Point2D p = onFx(() -> heatmap.localToScreen(heatmap.cellCenter(1, f)));
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        String expected = FakeData.FEATURES[f] + " — " + data.names()[1] + ": mean " + ChartFormat.sig3(data.raw[1][f])
                + " (z = " + ChartFormat.signed1(data.z[1][f]) + " vs population "
                + ChartFormat.sig3(FakeData.POPULATION[f]) + ")";
        assertEquals(expected, heatmap.hoverText());
    }

    @Test
    void everyChartSnapshotsAtTheRequestedSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (CanvasChart c : new CanvasChart[] {elbow, silhouette, heatmap}) {
            WritableImage img = onFx(() -> c.snapshot(1920, 1080));
            assertEquals(1920, img.getWidth(), 0);
            assertEquals(1080, img.getHeight(), 0);
        }
        WritableImage img = onFx(() -> scatter.snapshot(1920, 1080));
        assertEquals(1920, img.getWidth(), 0);
        assertEquals(1080, img.getHeight(), 0);
        // the exported scatter has coloured points, not only white
        boolean coloured = false;
        for (int y = 100; y < 1000 && !coloured; y += 7) {
            for (int x = 100; x < 1800 && !coloured; x += 7) {
                int argb = img.getPixelReader().getArgb(x, y);
                coloured = argb == 0xFFE69F00 || ((argb >> 16 & 0xFF) != (argb & 0xFF));
            }
        }
        assertTrue(coloured);
    }

    @Test
    void axisChooserReportsTheChosenIndices(FxRobot robot) {
        java.util.List<int[]> chosen = new java.util.ArrayList<>();
        robot.interact(() -> scatter.setAxisChoices(java.util.List.of("PC1", "PC2", "PC3", "BALANCE"),
                (x, y) -> chosen.add(new int[] {x, y})));
        assertTrue(chosen.isEmpty(), "setting the choices is not a user choice");
        javafx.scene.control.ComboBox<?> x = robot.lookup("#xAxisChoice").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> x.getSelectionModel().select(3));
        assertEquals(1, chosen.size());
        assertEquals(3, chosen.get(0)[0]);
        assertEquals(1, chosen.get(0)[1]);
    }

    @Test
    void largeDataBuildsTheHoverIndexInTheBackground(FxRobot robot) throws Exception {
        int n = PcaScatter.ASYNC_INDEX_THRESHOLD + 50_000;
        FakeData big = new FakeData(n, 6, 3);
        robot.interact(() -> scatter.setData(big.xs, big.ys, big.cluster, big.k, "PC1", "PC2"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scatter.indexReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, scatter.legendItemCount());
        // the far-out point is found through the index built off the FX thread
        int far = 0;
        for (int i = 0; i < n; i++) {
            if (Math.hypot(big.xs[i], big.ys[i]) > Math.hypot(big.xs[far], big.ys[far])) {
                far = i;
            }
        }
        int f = far;
        Point2D p = onFx(() -> scatter.scenePositionOf(f));
        assertEquals(f, (int) onFx(() -> scatter.pointIndexAt(p.getX(), p.getY())));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private String label(int i) {
        return "CUST_ID C" + (10001 + i) + " · " + data.names()[data.cluster[i]];
    }

    private int firstPointOf(int c) {
        int far = -1;
        double best = -1;
        for (int i = 0; i < data.n; i++) {
            double d = Math.hypot(data.xs[i] - data.cx[c], data.ys[i] - data.cy[c]);
            if (data.cluster[i] == c && d > best) {
                best = d;
                far = i;
            }
        }
        return far;
    }

    private int farthestPoint() {
        int far = 0;
        double best = -1;
        for (int i = 0; i < data.n; i++) {
            double d = Math.hypot(data.xs[i], data.ys[i]);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        return far;
    }

    private boolean insidePlot(Point2D scene) {
        Point2D l = scatter.plotNode().sceneToLocal(scene);
        Viewport v = scatter.viewport();
        return l.getX() > v.left() && l.getX() < v.left() + v.width() && l.getY() > v.top()
                && l.getY() < v.top() + v.height();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
