package org.segmentlab.app.charts;

import java.util.List;
import java.util.OptionalInt;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Manual look at every chart with fake credit-card data: 4 clusters, 8,950 customers, 17 features. */
public final class ChartsDemo {

    private ChartsDemo() {
    }

    /** Not an Application subclass itself, so it runs from the class path without module flags. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        FakeData d = new FakeData(8950, 4, 42);
        String[] names = d.names();

        MetricByKChart elbow = MetricByKChart.elbow();
        elbow.setData(FakeData.KS, FakeData.INERTIA, OptionalInt.of(4), "knee k=4");
        elbow.setFitTimes(FakeData.FIT_SECONDS);
        MetricByKChart sil = MetricByKChart.silhouette();
        sil.setData(FakeData.KS, FakeData.SIL, OptionalInt.of(3), "best k=3");
        MetricByKChart ch = MetricByKChart.calinskiHarabasz();
        ch.setData(FakeData.KS, FakeData.CH, OptionalInt.of(2), "best k=2");
        MetricByKChart db = MetricByKChart.daviesBouldin();
        db.setData(FakeData.KS, FakeData.DB, OptionalInt.of(8), "best k=8");
        for (MetricByKChart m : List.of(sil, ch, db)) {
            m.chosenKProperty().bindBidirectional(elbow.chosenKProperty());
        }
        elbow.chosenKProperty().set(4);
        GridPane metrics = new GridPane();
        metrics.setHgap(4);
        metrics.setVgap(4);
        metrics.add(elbow, 0, 0);
        metrics.add(sil, 1, 0);
        metrics.add(ch, 0, 1);
        metrics.add(db, 1, 1);
        for (MetricByKChart m : List.of(elbow, sil, ch, db)) {
            GridPane.setHgrow(m, Priority.ALWAYS);
            GridPane.setVgrow(m, Priority.ALWAYS);
            m.setPrefSize(380, 230);
        }

        PcaScatter scatter = new PcaScatter();
        scatter.setClusterNames(names);
        scatter.setData(d.xs, d.ys, d.cluster, d.k, "PC1 (27.3%)", "PC2 (20.3%)");
        scatter.setCentroids(d.cx, d.cy, null);
        scatter.setLoadings(new String[] {"PURCHASES", "CASH_ADVANCE", "BALANCE", "PRC_FULL_PAYMENT"},
                new double[] {0.41, 0.05, 0.12, 0.13}, new double[] {0.07, 0.44, 0.40, -0.19});
        scatter.showLoadingsProperty().set(true);
        scatter.setPointLabeler(i -> "CUST_ID C" + (10001 + i) + " · " + names[d.cluster[i]] + " · BALANCE "
                + ChartFormat.sig3(40.9 + i));
        scatter.setAxisChoices(List.of("PC1", "PC2", "PC3", "BALANCE", "PURCHASES"), (a, b) -> { });
        scatter.setWarning(getParameters().getRaw().contains("--warn")
                ? "PC1 and PC2 explain only 47.6% of the variance: distances here are approximate" : null);

        SilhouettePlot silPlot = new SilhouettePlot();
        silPlot.setData(d.silhouette, d.cluster, d.k, names, false);
        scatter.highlightedClusterProperty().bind(silPlot.selectedClusterProperty());

        ProfileHeatmap heat = new ProfileHeatmap();
        heat.setData(names, d.sizes, FakeData.FEATURES, d.z, d.raw, FakeData.POPULATION);

        SplitPane top = new SplitPane(metrics, scatter);
        top.setDividerPositions(0.5);
        SplitPane bottom = new SplitPane(silPlot, heat);
        bottom.setDividerPositions(0.36);
        VBox root = new VBox(top, bottom);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        top.setPrefHeight(560);
        bottom.setPrefHeight(420);
        if (getParameters().getRaw().contains("--select")) {
            silPlot.selectedClusterProperty().set(2);
        }
        int ex = getParameters().getRaw().indexOf("--export");
        if (ex >= 0 && ex + 1 < getParameters().getRaw().size()) {
            // writes each chart's export rendering, to check text scaling by eye
            java.nio.file.Path dir = java.nio.file.Path.of(getParameters().getRaw().get(ex + 1));
            javafx.application.Platform.runLater(() -> {
                ExportOptions o = new ExportOptions(1920, 1080, 1, null, "cc_general.csv · k = 4 · 2026-11-25");
                java.util.Map<String, CanvasChart> charts = new java.util.LinkedHashMap<>();
                charts.put("elbow.png", elbow);
                charts.put("silhouette.png", silPlot);
                charts.put("heatmap.png", heat);
                ChartExport.exportAllAsync(charts, dir, o.withTitle("SegmentLab · choose k and segments"));
                ChartExport.writePngAsync(scatter.plotNode(), dir.resolve("scatter.png"),
                        o.withTitle("Customer segments in the first two principal components"));
                ChartExport.writePngAsync(elbow, dir.resolve("elbow-3840.png"),
                        new ExportOptions(3840, 2160, 1, "Elbow at 3840 px", "text scales with the size"));
            });
        }
        stage.setTitle("SegmentLab charts demo");
        stage.setScene(new Scene(root, 1600, 1000));
        stage.show();
    }
}
}
