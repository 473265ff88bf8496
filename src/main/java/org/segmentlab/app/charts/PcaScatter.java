package org.segmentlab.app.charts;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.segmentlab.progress.WorkerThreads;

/**
 * Scatter of every customer (up to about a million points) in two chosen dimensions, rasterised into an int
 * ARGB buffer and drawn once on a Canvas with axes on top. Wheel zooms about the cursor, drag pans, double-click
 * resets; hovering finds the nearest point through a {@link SpatialGrid}. A compact toolbar holds point size,
 * opacity, the biplot toggle and (optionally) the axis chooser; the legend below hides/shows clusters.
 *
 * <p>The caller's arrays are copied on {@code setData}; nothing the caller passes is modified. All methods
 * must be called on the FX thread. From {@link #ASYNC_INDEX_THRESHOLD} points on, the spatial index and the
 * point raster are made off the FX thread: the raster is drawn by a background renderer into an int buffer and
 * the FX thread only copies the finished frame into the displayed image. While a new frame is being drawn
 * (after a pan or zoom), the last finished frame is shown moved and scaled to where its data now lies, so the
 * mouse never waits; a newer request replaces an older one not yet started, and a frame is never shown after a
 * newer one. Exports ({@link #snapshot}) still draw the full raster at once.
 */
public class PcaScatter extends BorderPane {

    /**
     * From this many points on, the hover index and the point raster are built off the FX thread (below it both
     * take a few milliseconds, and drawing at once avoids a frame without points).
     */
    static final int ASYNC_INDEX_THRESHOLD = 50_000;
    private static final double HOVER_RADIUS_PX = 6;
    private static final int DIMMED = 0xFFC8C8C8;
    /** Default point size in pixels. */
    public static final double DEFAULT_POINT_SIZE = 3;
    /** Default point size above {@link #LARGE_DATA_POINTS} points: 4 pixels instead of 9, less overplotting. */
    public static final double LARGE_DATA_POINT_SIZE = 2;
    /** From this many points on, setData picks {@link #LARGE_DATA_POINT_SIZE} unless the user chose a size. */
    public static final int LARGE_DATA_POINTS = 200_000;

    private final DoubleProperty pointSize = new SimpleDoubleProperty(this, "pointSize", DEFAULT_POINT_SIZE);
    /** True once the user (or caller) set a point size; then setData no longer picks one by data size. */
    private boolean pointSizeChosen;
    private boolean settingDefaultSize;
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final BooleanProperty showLoadings = new SimpleBooleanProperty(this, "showLoadings", false);
    private final BooleanProperty equalAspect = new SimpleBooleanProperty(this, "equalAspect", true);
    private final IntegerProperty highlightedCluster = new SimpleIntegerProperty(this, "highlightedCluster", -1);
    private final ObservableSet<Integer> hiddenClusters = FXCollections.observableSet();
    private final ReadOnlyBooleanWrapper indexReady = new ReadOnlyBooleanWrapper(this, "indexReady", true);

    private final PlotView plot = new PlotView();
    private final FlowPane legend = new FlowPane(6, 4);
    private final Label warning = new Label();
    /** Wraps to a second row when the pane is narrow, rather than cutting its labels to "op...". */
    private final FlowPane toolbar = new FlowPane(10, 4);
    private final ComboBox<String> xChoice = new ComboBox<>();
    private final ComboBox<String> yChoice = new ComboBox<>();
    private final HBox axisBox = new HBox(4);

    /** The arrays of the last setData call (not copies), to notice the same unchanged points again. */
    private double[] srcXs, srcYs;
    private int[] srcCluster;
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int[] cluster = new int[0];
    private int k;
    private int[] sizes = new int[0];
    private String xLabel = "";
    private String yLabel = "";
    private String[] clusterNames = new String[0];
    private double[] cx;
    private double[] cy;
    private String[] centroidLabels;
    private String[] loadingNames;
    private double[] lx;
    private double[] ly;
    private IntFunction<String> labeler;
    private SpatialGrid grid;
    /**
     * Copies of xs, ys, cluster permuted into grid-cell order, for drawing: reading them in sequence and writing
     * nearby pixels one after another is about 3 times faster than data order at a million points. Until the
     * index exists they are the data arrays themselves.
     */
    private DrawOrder drawOrder = new DrawOrder(new double[0], new double[0], new int[0], null);

    /** Points in drawing order; {@code index} (null until the grid exists) finds the points of a band of y. */
    private record DrawOrder(double[] xs, double[] ys, int[] cluster, ScatterRaster.YIndex index) {
        static DrawOrder of(SpatialGrid g, double[] xs, double[] ys, int[] cluster) {
            int[] o = g.cellOrder();
            double[] x = new double[o.length], y = new double[o.length];
            int[] c = new int[o.length];
            for (int i = 0; i < o.length; i++) {
                x[i] = xs[o[i]];
                y[i] = ys[o[i]];
                c[i] = cluster[o[i]];
            }
            return new DrawOrder(x, y, c, new ScatterRaster.YIndex(g.rowStarts(), g.rowMinY(0), g.cellHeight()));
        }
    }
    /**
     * One raster frame to draw: the view, plot size, points and styling, captured on the FX thread. Immutable
     * (the arrays are fresh per job and never changed), so the renderer may read it on any thread.
     */
    record RasterJob(long seq, long requestNanos, int dataGen, int pw, int ph, double x0, double x1, double y0,
            double y1, DrawOrder order, int k, boolean[] include, boolean[] others, int alpha, int dimAlpha,
            int[] stamp) {

        /** Same picture as {@code o} (everything but the sequence number and time). */
        boolean sameFrame(RasterJob o) {
            return dataGen == o.dataGen && pw == o.pw && ph == o.ph && x0 == o.x0 && x1 == o.x1 && y0 == o.y0
                    && y1 == o.y1 && order == o.order && k == o.k && Arrays.equals(include, o.include)
                    && Arrays.equals(others, o.others) && alpha == o.alpha && dimAlpha == o.dimAlpha
                    && Arrays.equals(stamp, o.stamp);
        }

        /** Fills {@code buf} (pw x ph, opaque ARGB) with the frame. Modified: {@code buf}. */
        void draw(int[] buf) {
            Arrays.fill(buf, 0xFFFFFFFF);
            if (order.xs().length == 0) {
                return;
            }
            int[] colors = new int[k];
            for (int c = 0; c < k; c++) {
                colors[c] = ClusterPalette.argb(c);
            }
            double fx = pw / (x1 - x0), fy = ph / (y1 - y0);
            if (others != null) {
                pass(buf, colors, others, dimAlpha, fx, fy, DIMMED);
            }
            pass(buf, colors, include, alpha, fx, fy, 0);
        }

        private void pass(int[] buf, int[] colors, boolean[] which, int a, double fx, double fy, int override) {
            DrawOrder d = order;
            if (d.index() != null) {
                ScatterRaster.blendParallel(buf, pw, ph, d.xs(), d.ys(), d.cluster(), d.index(), colors, which, a, x0,
                        y1, fx, fy, stamp, override);
            } else {
                ScatterRaster.blendParallel(buf, pw, ph, d.xs(), d.ys(), d.cluster(), colors, which, a, x0, y1, fx,
                        fy, stamp, override);
            }
        }
    }

    /** One daemon thread draws the rasters of every scatter (it uses a second core through ScatterRaster). */
    private static final java.util.concurrent.ExecutorService RENDERER =
            java.util.concurrent.Executors.newSingleThreadExecutor(WorkerThreads.factory("scatter-render"));

    private int generation;
    private BiConsumer<Integer, Integer> onChooseAxes;
    private boolean updatingChoices;

    public PcaScatter() {
        setId("pcaScatter");
        buildToolbar();
        legend.setId("scatterLegend");
        legend.setPadding(new Insets(4, 8, 4, 8));
        warning.setId("scatterWarning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setStyle("-fx-background-color: #FFF4CE; -fx-text-fill: #5C4400; -fx-padding: 3 8 3 8;"
                + " -fx-border-color: #E6C200; -fx-border-width: 0 0 1 0;");
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setVisible(false);
        setTop(new VBox(toolbar, warning));
        setCenter(plot);
        setBottom(legend);
        setStyle("-fx-background-color: white;");

        pointSize.addListener((o, a, b) -> {
            if (!settingDefaultSize) {
                pointSizeChosen = true;
            }
            plot.requestRedraw();
        });
        opacity.addListener((o, a, b) -> plot.requestRedraw());
        showLoadings.addListener((o, a, b) -> plot.requestRedraw());
        plot.viewport.setEqualAspect(equalAspect.get());
        equalAspect.addListener((o, a, b) -> {
            plot.viewport.setEqualAspect(b);
            plot.hideHoverMarker();
            plot.requestRedraw();
        });
        highlightedCluster.addListener((o, a, b) -> {
            updateLegendStyles();
            plot.requestRedraw();
        });
        hiddenClusters.addListener((SetChangeListener<Integer>) ch -> {
            updateLegendStyles();
            plot.hideHoverMarker();
            plot.requestRedraw();
        });
    }

    private void buildToolbar() {
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 8));
        toolbar.setId("scatterToolbar");
        Slider size = new Slider(1, 9, pointSize.get());
        size.setId("pointSizeSlider");
        size.setPrefWidth(90);
        size.valueProperty().bindBidirectional(pointSize);
        size.setTooltip(new Tooltip("Point size in pixels (" + fmtPx(DEFAULT_POINT_SIZE) + " px by default; "
                + fmtPx(LARGE_DATA_POINT_SIZE) + " px above " + ChartFormat.count(LARGE_DATA_POINTS)
                + " customers, so redraws stay fast and dense areas stay readable)"));
        Slider alpha = new Slider(0.02, 1, opacity.get());
        alpha.setId("opacitySlider");
        alpha.setPrefWidth(90);
        alpha.valueProperty().bindBidirectional(opacity);
        alpha.setTooltip(new Tooltip("Opacity: lower it to see where many customers overlap"));
        CheckBox biplot = new CheckBox("Feature arrows");
        biplot.setId("biplotToggle");
        biplot.selectedProperty().bindBidirectional(showLoadings);
        biplot.setTooltip(new Tooltip("Biplot: how each original feature points in this view"));
        CheckBox aspect = new CheckBox("1:1");
        aspect.setId("equalAspectToggle");
        aspect.selectedProperty().bindBidirectional(equalAspect);
        aspect.setTooltip(new Tooltip("Same scale on both axes, so distances on screen match distances between"
                + " customers (turn off to fill the plot)"));
        Label reset = new Label("⟲ reset view");
        reset.setStyle("-fx-text-fill: #0072B2; -fx-cursor: hand;");
        reset.setOnMouseClicked(e -> resetView());
        reset.setTooltip(new Tooltip("Wheel zooms, drag pans, double-click resets"));
        xChoice.setId("xAxisChoice");
        yChoice.setId("yAxisChoice");
        axisBox.setAlignment(Pos.CENTER_LEFT);
        axisBox.getChildren().addAll(new Label("x"), xChoice, new Label("y"), yChoice);
        axisBox.setVisible(false);
        axisBox.managedProperty().bind(axisBox.visibleProperty());
        xChoice.valueProperty().addListener((o, a, b) -> fireAxes());
        yChoice.valueProperty().addListener((o, a, b) -> fireAxes());
        for (javafx.scene.control.Labeled l : List.of(biplot, aspect, reset)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        toolbar.getChildren().addAll(axisBox, labelled("size", size), labelled("opacity", alpha), biplot, aspect,
                reset);
        toolbar.setStyle("-fx-font-size: 11px;");
    }

    /** A control and its label, kept together when the toolbar wraps; the label is never cut short. */
    private static HBox labelled(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void fireAxes() {
        if (updatingChoices || onChooseAxes == null) {
            return;
        }
        int xi = xChoice.getSelectionModel().getSelectedIndex(), yi = yChoice.getSelectionModel().getSelectedIndex();
        if (xi >= 0 && yi >= 0) {
            onChooseAxes.accept(xi, yi);
        }
    }

    // --- data API -----------------------------------------------------------------------------------------

    /**
     * Replaces the points and resets the view. From {@link #ASYNC_INDEX_THRESHOLD} points on, the arrays are
     * copied, counted and indexed on a background thread ({@link #indexReadyProperty()} turns true when done, and
     * the legend then shows the counts), so the caller must not change them after the call (pass the arrays of an
     * immutable result). Passing the same unchanged arrays and k again keeps the index and the view.
     *
     * @param xs      x per customer (copied; NaN points are not drawn)
     * @param ys      y per customer (copied)
     * @param cluster cluster id 0..k-1 per customer (copied)
     * @param k       number of clusters
     * @param xLabel  axis title, e.g. "PC1 (27.3%)"
     */
    public void setData(double[] xs, double[] ys, int[] cluster, int k, String xLabel, String yLabel) {
        if (xs.length != ys.length || xs.length != cluster.length) {
            throw new IllegalArgumentException("PcaScatter.setData: xs, ys and cluster must have the same length, got "
                    + xs.length + ", " + ys.length + ", " + cluster.length);
        }
        if (k < 1) {
            throw new IllegalArgumentException("PcaScatter.setData: k must be at least 1, got " + k);
        }
        boolean samePoints = k == this.k && xs.length >= ASYNC_INDEX_THRESHOLD && xs == srcXs && ys == srcYs
                && cluster == srcCluster && grid != null && Arrays.equals(xs, this.xs) && Arrays.equals(ys, this.ys)
                && Arrays.equals(cluster, this.cluster);
        srcXs = xs;
        srcYs = ys;
        srcCluster = cluster;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        if (samePoints) {
            // the same (unchanged) arrays again, e.g. after a rename: keep the index, the view and the frame
            rebuildLegend();
            plot.requestRedraw();
            return;
        }
        // small data: copied and indexed here. From ASYNC_INDEX_THRESHOLD points on, the copies (fresh memory for
        // a million points can take a second on a busy machine), counts, extent, hover grid and drawing order are
        // made on a background thread; until then the caller's arrays are only read
        this.xs = xs.length < ASYNC_INDEX_THRESHOLD ? xs.clone() : xs;
        this.ys = xs.length < ASYNC_INDEX_THRESHOLD ? ys.clone() : ys;
        this.cluster = xs.length < ASYNC_INDEX_THRESHOLD ? cluster.clone() : cluster;
        this.k = k;
        hiddenClusters.removeIf(c -> c >= k);
        if (highlightedCluster.get() >= k) {
            highlightedCluster.set(-1);
        }
        if (clusterNames.length < k) {
            String[] names = Arrays.copyOf(clusterNames, k);
            for (int c = clusterNames.length; c < k; c++) {
                names[c] = "Cluster " + c;
            }
            clusterNames = names;
        }
        if (!pointSizeChosen) {
            settingDefaultSize = true;
            try {
                pointSize.set(defaultPointSize(this.xs.length));
            } finally {
                settingDefaultSize = false;
            }
        }
        rebuildIndex();
        rebuildLegend();
        plot.hideHoverMarker();
        plot.requestRedraw();
    }

    /** Everything setData derives from the points: made on the FX thread for small data, else in the background. */
    private record Prepared(double[] xs, double[] ys, int[] cluster, int[] sizes, double[] home, SpatialGrid grid,
            DrawOrder order) {
        /** From points this class owns (already copies). */
        static Prepared of(double[] xs, double[] ys, int[] cluster, int k) {
            int[] sizes = new int[k];
            for (int c : cluster) {
                if (c >= 0 && c < k) {
                    sizes[c]++;
                }
            }
            double[] home = Viewport.homeFromData(xs, ys, 0.04);
            SpatialGrid g = new SpatialGrid(xs, ys, 4);
            return new Prepared(xs, ys, cluster, sizes, home, g, DrawOrder.of(g, xs, ys, cluster));
        }
    }

    /** The point size setData picks for {@code n} points while the user has not chosen one. */
    public static double defaultPointSize(int n) {
        return n > LARGE_DATA_POINTS ? LARGE_DATA_POINT_SIZE : DEFAULT_POINT_SIZE;
    }

    private static String fmtPx(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void rebuildIndex() {
        final int gen = ++generation;
        final double[] gx = xs, gy = ys;
        final int[] gc = cluster;
        final int kk = k;
        if (gx.length < ASYNC_INDEX_THRESHOLD) {
            install(Prepared.of(gx, gy, gc, kk));
            return;
        }
        // until the background work is done: no points drawn, no hover, legend without counts
        grid = null;
        sizes = null;
        drawOrder = new DrawOrder(new double[0], new double[0], new int[0], null);
        indexReady.set(false);
        Thread t = WorkerThreads.daemon(() -> {
            Prepared p = Prepared.of(gx.clone(), gy.clone(), gc.clone(), kk);
            Platform.runLater(() -> {
                if (gen == generation) {
                    install(p);
                    rebuildLegend();
                    plot.hideHoverMarker();
                    plot.requestRedraw();
                }
            });
        }, "scatter-index");
        // Two pulses later: a result's views are set up in the pulses after it arrives, and an index thread
        // started at once took a core from them (a 146-171 ms gap with 34-37 ms of FX work, in fx-pulse). A newer
        // setData by then makes this one unnecessary.
        org.segmentlab.app.task.FxThread.afterPulses(2, () -> {
            if (gen == generation) {
                t.start();
            }
        });
    }

    private void install(Prepared p) {
        xs = p.xs();
        ys = p.ys();
        cluster = p.cluster();
        sizes = p.sizes();
        double[] h = p.home();
        plot.viewport.setHome(h[0], h[1], h[2], h[3]);
        grid = p.grid();
        drawOrder = p.order();
        indexReady.set(true);
    }

    /** Names per cluster (copied), e.g. persona names; shown in the legend, hover and centroid labels. */
    public void setClusterNames(String[] names) {
        String[] n = new String[Math.max(k, names == null ? 0 : names.length)];
        for (int c = 0; c < n.length; c++) {
            n[c] = names != null && c < names.length && names[c] != null ? names[c] : "Cluster " + c;
        }
        clusterNames = n;
        rebuildLegend();
        plot.requestRedraw();
    }

    /** Centroids in the current axes' coordinates (copied); labels null = cluster names. */
    public void setCentroids(double[] cx, double[] cy, String[] labels) {
        if (cx == null || cy == null) {
            this.cx = null;
            this.cy = null;
            this.centroidLabels = null;
        } else {
            if (cx.length != cy.length) {
                throw new IllegalArgumentException("setCentroids: cx has " + cx.length + " values, cy " + cy.length);
            }
            this.cx = cx.clone();
            this.cy = cy.clone();
            this.centroidLabels = labels == null ? null : labels.clone();
        }
        plot.requestRedraw();
    }

    /** Loadings of the original features on the two axes (copied), drawn as arrows when showLoadings is on. */
    public void setLoadings(String[] names, double[] lx, double[] ly) {
        if (names == null || lx == null || ly == null) {
            loadingNames = null;
            this.lx = null;
            this.ly = null;
        } else {
            if (names.length != lx.length || names.length != ly.length) {
                throw new IllegalArgumentException("setLoadings: " + names.length + " names but " + lx.length
                        + " and " + ly.length + " loadings");
            }
            loadingNames = names.clone();
            this.lx = lx.clone();
            this.ly = ly.clone();
        }
        plot.requestRedraw();
    }

    /** Hover text per customer index (e.g. "CUST_ID C10001 · Cluster 2 · BALANCE 40.9"); null = default. */
    public void setPointLabeler(IntFunction<String> tooltipText) {
        this.labeler = tooltipText;
    }

    /** Banner above the plot (e.g. "PC1 and PC2 explain only 31% of the variance"); null or empty hides it. */
    public void setWarning(String text) {
        boolean show = text != null && !text.isBlank();
        warning.setText(show ? "⚠ " + text : "");
        warning.setVisible(show);
        plot.requestRedraw();
    }

    /**
     * Shows two ComboBoxes (x and y) with {@code names}, initially the first and second; when the user picks,
     * {@code onChoose} gets the chosen indices (the caller then calls setData with the new coordinates).
     */
    public void setAxisChoices(List<String> names, BiConsumer<Integer, Integer> onChoose) {
        updatingChoices = true;
        try {
            onChooseAxes = onChoose;
            xChoice.getItems().setAll(names);
            yChoice.getItems().setAll(names);
            if (!names.isEmpty()) {
                xChoice.getSelectionModel().select(0);
                yChoice.getSelectionModel().select(Math.min(1, names.size() - 1));
            }
            axisBox.setVisible(!names.isEmpty());
        } finally {
            updatingChoices = false;
        }
    }

    /** Dims every cluster but {@code c}; -1 clears. Same as setting {@link #highlightedClusterProperty()}. */
    public void highlightCluster(int c) {
        highlightedCluster.set(c);
    }

    public IntegerProperty highlightedClusterProperty() {
        return highlightedCluster;
    }

    public ObservableSet<Integer> hiddenClusters() {
        return hiddenClusters;
    }

    public DoubleProperty pointSizeProperty() {
        return pointSize;
    }

    /** Point opacity 0..1 (named so it does not clash with Node.opacityProperty()). */
    public DoubleProperty pointOpacityProperty() {
        return opacity;
    }

    /** Equal scale on both axes (default true): distances are meaningful in PCA; off fills the plot area. */
    public BooleanProperty equalAspectProperty() {
        return equalAspect;
    }

    public BooleanProperty showLoadingsProperty() {
        return showLoadings;
    }

    /** False while the hover index for a large data set is being built. */
    public ReadOnlyBooleanProperty indexReadyProperty() {
        return indexReady.getReadOnlyProperty();
    }

    // --- view control and test hooks ------------------------------------------------------------------------

    /** Zooms by factor (&gt;1 in) about a point in the plot's local coordinates. */
    public void zoomAt(double plotX, double plotY, double factor) {
        plot.viewport.zoomAbout(plotX, plotY, factor);
        plot.hideHoverMarker();
        plot.requestRedraw();
    }

    /** Pans by a drag of (dx, dy) pixels. */
    public void panBy(double dx, double dy) {
        plot.viewport.panPixels(dx, dy);
        plot.hideHoverMarker();
        plot.requestRedraw();
    }

    public void resetView() {
        plot.viewport.reset();
        plot.hideHoverMarker();
        plot.requestRedraw();
    }

    /** The plot area's viewport (read it; change it through zoomAt/panBy/resetView). */
    public Viewport viewport() {
        return plot.viewport;
    }

    /** The plot node (the canvas region, without toolbar and legend). */
    public CanvasChart plotNode() {
        return plot;
    }

    public int legendItemCount() {
        return legend.getChildren().size();
    }

    public int visibleClusterCount() {
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (!hiddenClusters.contains(c)) {
                n++;
            }
        }
        return n;
    }

    /** Index of the visible point nearest to a scene position within a few pixels, or -1. */
    public int pointIndexAt(double sceneX, double sceneY) {
        Point2D p = plot.sceneToLocal(sceneX, sceneY);
        return p == null ? -1 : plot.nearestAt(p.getX(), p.getY());
    }

    /** The hover text for a scene position, or null when no point is near. */
    public String hoverTextAt(double sceneX, double sceneY) {
        int i = pointIndexAt(sceneX, sceneY);
        return i < 0 ? null : textFor(i);
    }

    /** Scene position of point i in the current view. */
    public Point2D scenePositionOf(int i) {
        return plot.localToScene(plot.viewport.toScreenX(xs[i]), plot.viewport.toScreenY(ys[i]));
    }

    /** Text shown by the hover label at the moment, or null. */
    public String shownHoverText() {
        return plot.hoverText();
    }

    public long lastRedrawNanos() {
        return plot.lastRedrawNanos();
    }

    public int redrawCount() {
        return plot.redrawCount();
    }

    /**
     * Time the renderer spent drawing the point raster of the frame on screen, in nanoseconds (from
     * {@link #ASYNC_INDEX_THRESHOLD} points on this is off the FX thread).
     */
    public long lastRasterNanos() {
        return plot.lastRasterNanos;
    }

    /**
     * A future completed on the FX thread once the raster on screen is the one for the newest view and styling
     * asked for (at once if it already is); its value is that frame's latency in nanoseconds, from the paint
     * that asked for it to the frame being on screen. Call on the FX thread (tests, benchmarks).
     */
    public CompletableFuture<Long> whenRasterCurrent() {
        return plot.whenRasterCurrent();
    }

    /** True when the raster on screen is the one for the newest view and styling asked for. FX thread. */
    public boolean isRasterCurrent() {
        return plot.rasterCurrent();
    }

    /** Raster frames put on screen so far (frames overtaken by newer ones are not counted). */
    public int rasterFramesShown() {
        return plot.framesShown;
    }

    /** Latency of the last frame put on screen: from the paint that asked for it to the frame shown, in ns. */
    public long lastFrameLatencyNanos() {
        return plot.lastFrameLatencyNanos;
    }

    /** The image node that shows the raster (tests read where it is placed). */
    javafx.scene.image.ImageView rasterNode() {
        return plot.rasterView;
    }

    /** A copy of the raster on screen (tests), or null before the first frame. */
    int[] shownRaster() {
        return plot.shown == null ? null : plot.shownPixels.clone();
    }

    /** The raster the newest request describes, drawn now on the calling thread (tests compare frames). */
    int[] expectedRaster() {
        RasterJob j = plot.requested;
        if (j == null) {
            return null;
        }
        int[] buf = new int[j.pw() * j.ph()];
        j.draw(buf);
        return buf;
    }

    /** Paints now instead of in the next pulse (benchmarks); the raster follows asynchronously for large data. */
    public void redrawNow() {
        plot.redrawNow();
    }

    /** Renders plot, axes and legend at the given size (text scaled by width/1200); FX thread. */
    public WritableImage snapshot(int width, int height) {
        return plot.snapshot(width, height);
    }

    private String textFor(int i) {
        if (labeler != null) {
            String s = labeler.apply(i);
            if (s != null) {
                return s;
            }
        }
        int c = cluster[i];
        return "#" + ChartFormat.count(i) + " · " + nameOf(c) + " · (" + ChartFormat.sig3(xs[i]) + ", "
                + ChartFormat.sig3(ys[i]) + ")";
    }

    private String nameOf(int c) {
        return c >= 0 && c < clusterNames.length ? clusterNames[c] : "Cluster " + c;
    }

    // --- legend -----------------------------------------------------------------------------------------------

    private void rebuildLegend() {
        legend.getChildren().clear();
        long total = Math.max(1, cluster.length);
        for (int c = 0; c < k; c++) {
            final int cc = c;
            Rectangle chip = new Rectangle(12, 12, ClusterPalette.color(c));
            chip.setArcWidth(3);
            chip.setArcHeight(3);
            // sizes is null while a large data set is still being counted in the background
            Label item = new Label(nameOf(c) + (sizes == null ? "" : "  " + ChartFormat.count(sizes[c]) + " · "
                    + ChartFormat.percent(sizes[c] / (double) total)), chip);
            item.setId("legend-item-" + c);
            item.getStyleClass().add("legend-item");
            item.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    toggleCluster(cc);
                }
            });
            // keyboard: Tab reaches each item, Space or Enter hides/shows it
            item.setFocusTraversable(true);
            item.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) {
                    toggleCluster(cc);
                    e.consume();
                }
            });
            item.focusVisibleProperty().addListener((o, a, b) -> updateLegendStyles());
            item.setAccessibleRole(javafx.scene.AccessibleRole.TOGGLE_BUTTON);
            item.setAccessibleHelp("Space or Enter hides or shows this cluster");
            // The tooltip is made on first hover: each is a popup with its own CSS pass, and k of them made every
            // new result's legend cost the FX thread 10-20 ms more.
            String tip = "Click (or Space/Enter) to hide or show " + nameOf(c);
            item.setOnMouseEntered(e -> {
                if (item.getTooltip() == null) {
                    item.setTooltip(new Tooltip(tip));
                }
            });
            legend.getChildren().add(item);
        }
        updateLegendStyles();
    }

    /** Hides cluster c if shown, shows it if hidden. */
    public void toggleCluster(int c) {
        if (!hiddenClusters.remove(c)) {
            hiddenClusters.add(c);
        }
    }

    private void updateLegendStyles() {
        int h = highlightedCluster.get();
        for (int c = 0; c < legend.getChildren().size(); c++) {
            boolean hidden = hiddenClusters.contains(c);
            boolean dim = h >= 0 && h != c;
            legend.getChildren().get(c).setStyle("-fx-padding: 2 6 2 6; -fx-cursor: hand; -fx-font-size: 11px;"
                    + (hidden ? " -fx-opacity: 0.35;" : dim ? " -fx-opacity: 0.6;" : "")
                    // the border is always there (transparent when off) so highlighting never changes the
                    // legend's height, which would resize the plot and cost a second redraw
                    + " -fx-border-radius: 3; -fx-border-color: "
                    + (legend.getChildren().get(c).isFocusVisible() ? "#0072B2;" : h == c ? "#333;" : "transparent;"));
        }
    }

    // --- the plot ---------------------------------------------------------------------------------------------

    /** The canvas region: raster + axes + overlays. */
    final class PlotView extends CanvasChart {
        final Viewport viewport = new Viewport();
        private final Circle hoverMarker = new Circle(5);
        /** The point raster under the (transparent in the plot area) canvas; moved/scaled while a frame is drawn. */
        private final ImageView rasterView = new ImageView();
        private final Rectangle rasterClip = new Rectangle();
        /** Pixels of the frame on screen; only the FX thread writes them, inside updateBuffer. */
        private int[] shownPixels = new int[0];
        private PixelBuffer<IntBuffer> shownBuffer;
        /** The frame on screen (null: none yet) and the newest frame asked for. */
        private RasterJob shown;
        private RasterJob requested;
        private long nextSeq;
        /** The newest job not yet started by the renderer; a newer one replaces it. */
        private final AtomicReference<RasterJob> pending = new AtomicReference<>();
        /** Finished-with buffers for the renderer to reuse (at most a few; frames are about 3 MB). */
        private final ConcurrentLinkedQueue<int[]> pool = new ConcurrentLinkedQueue<>();
        private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
        private int framesShown;
        private long lastFrameLatencyNanos;
        private double dragX, dragY;
        private volatile long lastRasterNanos;
        private boolean dragging;
        private List<double[]> lastLabelBoxes = List.of();

        PlotView() {
            setId("scatterPlot");
            hoverMarker.setFill(null);
            hoverMarker.setStroke(Color.BLACK);
            hoverMarker.setStrokeWidth(1.5);
            hoverMarker.setManaged(false);
            hoverMarker.setVisible(false);
            overlay.getChildren().add(hoverMarker);
            rasterView.setManaged(false);
            rasterView.setMouseTransparent(true);
            rasterView.setPreserveRatio(false);
            rasterView.setSmooth(false);
            rasterView.setClip(rasterClip);
            rasterView.setVisible(false);
            getChildren().add(0, rasterView);
            setPrefSize(640, 480);
            addEventHandler(ScrollEvent.SCROLL, e -> {
                if (e.getDeltaY() != 0) {
                    zoomAt(e.getX(), e.getY(), Math.pow(1.0025, e.getDeltaY()));
                }
                e.consume();
            });
            addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                dragX = e.getX();
                dragY = e.getY();
                dragging = false;
            });
            addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
                double dx = e.getX() - dragX, dy = e.getY() - dragY;
                if (dragging || Math.abs(dx) + Math.abs(dy) > 2) {
                    dragging = true;
                    panBy(dx, dy);
                    dragX = e.getX();
                    dragY = e.getY();
                }
            });
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    resetView();
                }
            });
            addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                int i = nearestAt(e.getX(), e.getY());
                if (i < 0) {
                    hideHoverMarker();
                } else {
                    double px = viewport.toScreenX(xs[i]), py = viewport.toScreenY(ys[i]);
                    hoverMarker.setRadius(Math.max(4, pointSize.get() / 2 + 3));
                    hoverMarker.setCenterX(px);
                    hoverMarker.setCenterY(py);
                    hoverMarker.setVisible(true);
                    showHover(textFor(i), px, py);
                }
            });
            addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHoverMarker());
        }

        void hideHoverMarker() {
            hoverMarker.setVisible(false);
            hideHover();
        }

        int nearestAt(double localX, double localY) {
            SpatialGrid g = grid;
            if (g == null || xs.length == 0) {
                return -1;
            }
            if (localX < viewport.left() - 2 || localX > viewport.left() + viewport.width() + 2
                    || localY < viewport.top() - 2 || localY > viewport.top() + viewport.height() + 2) {
                return -1;
            }
            double dataX = viewport.toDataX(localX), dataY = viewport.toDataY(localY);
            final int[] cl = cluster;
            final int h = highlightedCluster.get();
            return g.nearest(dataX, dataY, HOVER_RADIUS_PX, 1 / viewport.dataPerPixelX(), 1 / viewport.dataPerPixelY(),
                    i -> !hiddenClusters.contains(cl[i]) && (h < 0 || cl[i] == h));
        }

        @Override
        protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
            gc.setFill(Color.WHITE);
            gc.fillRect(0, 0, w, h);
            Font tickFont = font(s, 0.85, false);
            Font labelFont = font(s, 1.0, false);
            double th = textHeight(tickFont), lh = textHeight(labelFont);

            double top = 10 * s;
            if (!live) {
                top = paintExportHeader(gc, w, s);
            }
            double left = 10 * s + lh + textWidth("-00.0", tickFont) + 8 * s;
            double bottom = th + lh + 18 * s;
            double right = 16 * s;
            int pw = (int) Math.max(1, Math.floor(w - left - right));
            int ph = (int) Math.max(1, Math.floor(h - top - bottom));
            Viewport vp;
            if (live) {
                vp = viewport;
                vp.setScreen(left, top, pw, ph);
            } else {
                // the export shows at least what is on screen; with equal aspect it widens one axis to fit
                vp = new Viewport();
                vp.setScreen(left, top, pw, ph);
                vp.setEqualAspect(equalAspect.get());
                vp.setHome(viewport.xMin(), viewport.xMax(), viewport.yMin(), viewport.yMax());
            }

            // raster: on screen an ImageView under the canvas shows it (the canvas is cleared over the plot area);
            // an export draws it here, at once
            if (live) {
                gc.clearRect(left, top, pw, ph);
                RasterJob want = job(vp, pw, ph, s);
                if (requested == null || !want.sameFrame(requested)) {
                    request(want);
                }
                placeRaster();
            } else {
                int[] buf = new int[pw * ph];
                job(vp, pw, ph, s).draw(buf);
                WritableImage img = new WritableImage(pw, ph);
                img.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbInstance(), buf, 0, pw);
                gc.drawImage(img, left, top);
            }

            paintAxes(gc, vp, left, top, pw, ph, s, tickFont, labelFont);
            if (live && grid == null && xs.length > 0) {
                // a large data set is being counted and indexed in the background (a second or so)
                gc.setFill(Color.web("#666"));
                gc.setFont(labelFont);
                gc.setTextAlign(TextAlignment.CENTER);
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText("Placing " + ChartFormat.count(xs.length) + " customers…", left + pw / 2.0,
                        top + ph / 2.0);
            }
            // centroid labels are placed first (they matter most); arrow labels then move out of their way
            Font centroidFont = font(s, 0.95, true);
            List<double[]> placed = new ArrayList<>();
            List<CentroidMark> marks = layoutCentroids(vp, left, top, pw, ph, s, centroidFont, placed);
            paintLoadings(gc, vp, left, top, pw, ph, s, placed);
            paintCentroids(gc, s, centroidFont, marks);
            if (live) {
                lastLabelBoxes = placed;
            }
            if (live) {
                setAccessibleText("Scatter of " + ChartFormat.count(xs.length) + " customers in " + k + " clusters");
            }
        }

        /** What to draw for this view, captured on the FX thread so the renderer reads no FX state. */
        private RasterJob job(Viewport vp, int pw, int ph, double s) {
            boolean[] include = new boolean[k];
            int h = highlightedCluster.get();
            for (int c = 0; c < k; c++) {
                include[c] = !hiddenClusters.contains(c) && (h < 0 || h == c);
            }
            boolean[] others = null;
            if (h >= 0 && h < k) {
                others = new boolean[k];
                for (int c = 0; c < k; c++) {
                    others[c] = c != h && !hiddenClusters.contains(c);
                }
            }
            // exports scale the point size with the text
            int[] stamp = ScatterRaster.discStamp(pointSize.get() * s);
            int a = (int) Math.round(opacity.get() * 256);
            return new RasterJob(++nextSeq, System.nanoTime(), generation, pw, ph, vp.xMin(), vp.xMax(), vp.yMin(),
                    vp.yMax(), drawOrder, k, include, others, a, Math.max(8, a / 3), stamp);
        }

        /** Draws {@code j} at once (small data) or hands it to the renderer, replacing any job not yet started. */
        private void request(RasterJob j) {
            requested = j;
            if (j.order().xs().length < ASYNC_INDEX_THRESHOLD) {
                int[] buf = take(j.pw() * j.ph());
                long r0 = System.nanoTime();
                j.draw(buf);
                accept(j, buf, System.nanoTime() - r0);
                return;
            }
            pending.set(j);
            RENDERER.execute(this::renderPending);
        }

        /** Renderer thread: draws the newest pending job (if another call already took it, does nothing). */
        private void renderPending() {
            RasterJob j = pending.getAndSet(null);
            if (j == null) {
                return;
            }
            int[] buf = take(j.pw() * j.ph());
            long r0 = System.nanoTime();
            try {
                j.draw(buf);
            } catch (RuntimeException | Error e) {
                pool.offer(buf);
                Platform.runLater(() -> {
                    throw e; // the FX thread's handler reports it; the old frame stays on screen
                });
                return;
            }
            long dt = System.nanoTime() - r0;
            Platform.runLater(() -> accept(j, buf, dt));
        }

        private int[] take(int n) {
            for (int[] b; (b = pool.poll()) != null;) {
                if (b.length == n) {
                    return b;
                }
            }
            return new int[n];
        }

        /**
         * FX thread: shows a finished frame unless a newer one is already on screen or the data changed since it
         * was asked for. The copy into the displayed buffer costs about a millisecond for a full-HD plot.
         */
        private void accept(RasterJob j, int[] buf, long rasterNanos) {
            try {
                if ((shown != null && j.seq() <= shown.seq()) || j.dataGen() != generation) {
                    return;
                }
                int n = j.pw() * j.ph();
                if (shownBuffer == null || shownBuffer.getWidth() != j.pw() || shownBuffer.getHeight() != j.ph()) {
                    shownPixels = new int[n];
                    shownBuffer = new PixelBuffer<>(j.pw(), j.ph(), IntBuffer.wrap(shownPixels),
                            PixelFormat.getIntArgbPreInstance());
                    rasterView.setImage(new WritableImage(shownBuffer));
                }
                shownBuffer.updateBuffer(b -> {
                    System.arraycopy(buf, 0, shownPixels, 0, n);
                    return null;
                });
                shown = j;
                lastRasterNanos = rasterNanos;
                lastFrameLatencyNanos = System.nanoTime() - j.requestNanos();
                framesShown++;
                placeRaster();
                if (rasterCurrent()) {
                    List<CompletableFuture<Long>> done = new ArrayList<>(waiting);
                    waiting.clear();
                    done.forEach(f -> f.complete(lastFrameLatencyNanos));
                }
            } finally {
                if (pool.size() < 3) {
                    pool.offer(buf);
                }
            }
        }

        boolean rasterCurrent() {
            return requested != null && shown != null && shown.seq() == requested.seq();
        }

        CompletableFuture<Long> whenRasterCurrent() {
            CompletableFuture<Long> f = new CompletableFuture<>();
            if (rasterCurrent()) {
                f.complete(lastFrameLatencyNanos);
            } else {
                waiting.add(f);
            }
            return f;
        }

        /**
         * Puts the frame on screen where its data range lies in the current view: exactly over the plot after
         * it was drawn, moved/scaled after a pan or zoom until the next frame arrives. Hidden when there is no
         * frame of the current data (or it would be blown up beyond use).
         */
        private void placeRaster() {
            RasterJob f = shown;
            Viewport vp = viewport;
            rasterClip.setX(vp.left());
            rasterClip.setY(vp.top());
            rasterClip.setWidth(vp.width());
            rasterClip.setHeight(vp.height());
            if (f == null || f.dataGen() != generation || xs.length == 0) {
                rasterView.setVisible(false);
                return;
            }
            double sx0 = vp.toScreenX(f.x0()), sx1 = vp.toScreenX(f.x1());
            double sy0 = vp.toScreenY(f.y1()), sy1 = vp.toScreenY(f.y0());
            double fw = sx1 - sx0, fh = sy1 - sy0;
            if (!(fw > 0 && fh > 0) || fw > 64 * vp.width() || fh > 64 * vp.height()) {
                rasterView.setVisible(false);
                return;
            }
            rasterView.setX(sx0);
            rasterView.setY(sy0);
            rasterView.setFitWidth(fw);
            rasterView.setFitHeight(fh);
            rasterView.setVisible(true);
        }

        private double paintExportHeader(ChartGraphics gc, double w, double s) {
            Font f = font(s, 1.0, false);
            double y = 10 * s;
            double x = 14 * s;
            double lh = textHeight(f);
            gc.setFont(f);
            gc.setTextBaseline(VPos.CENTER);
            gc.setTextAlign(TextAlignment.LEFT);
            long total = Math.max(1, cluster.length);
            for (int c = 0; c < k; c++) {
                if (hiddenClusters.contains(c)) {
                    continue;
                }
                String t = nameOf(c) + (sizes == null ? "" : "  " + ChartFormat.count(sizes[c]) + " · "
                        + ChartFormat.percent(sizes[c] / (double) total));
                double iw = 16 * s + textWidth(t, f) + 16 * s;
                if (x + iw > w - 10 * s && x > 14 * s) {
                    x = 14 * s;
                    y += lh + 6 * s;
                }
                gc.setFill(ClusterPalette.color(c));
                gc.fillRect(x, y + lh / 2 - 6 * s, 12 * s, 12 * s);
                gc.setFill(Color.web("#222"));
                gc.fillText(t, x + 16 * s, y + lh / 2);
                x += iw;
            }
            y += lh + 6 * s;
            if (warning.isVisible()) {
                gc.setFill(Color.web("#5C4400"));
                gc.fillText(warning.getText(), 14 * s, y + lh / 2);
                y += lh + 6 * s;
            }
            return y;
        }

        private void paintAxes(ChartGraphics gc, Viewport vp, double left, double top, int pw, int ph, double s,
                Font tickFont, Font labelFont) {
            gc.setLineWidth(1 * s);
            // zero lines help read PCA scores (the population mean is at 0)
            gc.setStroke(Color.web("#000000", 0.25));
            gc.setLineDashes(4 * s, 4 * s);
            if (vp.xMin() < 0 && vp.xMax() > 0) {
                double x = vp.toScreenX(0);
                gc.strokeLine(x, top, x, top + ph);
            }
            if (vp.yMin() < 0 && vp.yMax() > 0) {
                double y = vp.toScreenY(0);
                gc.strokeLine(left, y, left + pw, y);
            }
            gc.setLineDashes();
            PlotAxes.frameAndTicks(gc, vp, left, top, pw, ph, s, tickFont);
            gc.setFont(labelFont);
            gc.setFill(Color.web("#222"));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(xLabel, left + pw / 2.0, top + ph + 6 * s + textHeight(tickFont) + 4 * s
                    + textHeight(labelFont));
            gc.save();
            gc.translate(6 * s, top + ph / 2.0);
            gc.rotate(-90);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(yLabel, 0, 0);
            gc.restore();
        }

        /** A centroid marker and its label box, laid out before anything is drawn so arrow labels avoid it. */
        private record CentroidMark(int c, double x, double y, double tx, double ty, double tw, double th,
                String label, double alpha) {
        }

        private List<CentroidMark> layoutCentroids(Viewport vp, double left, double top, int pw, int ph, double s,
                Font f, List<double[]> placed) {
            List<CentroidMark> out = new ArrayList<>();
            if (cx == null) {
                return out;
            }
            double r = 7 * s;
            int hl = highlightedCluster.get();
            for (int c = 0; c < cx.length; c++) {
                if (hiddenClusters.contains(c)) {
                    continue;
                }
                double x = vp.toScreenX(cx[c]), y = vp.toScreenY(cy[c]);
                if (x < left || x > left + pw || y < top || y > top + ph) {
                    continue;
                }
                String label = centroidLabels != null && c < centroidLabels.length && centroidLabels[c] != null
                        ? centroidLabels[c] : nameOf(c);
                double tw = textWidth(label, f), th = textHeight(f);
                double tx = x + r + 4 * s;
                if (tx + tw > left + pw) {
                    tx = x - r - 4 * s - tw;
                }
                placed.add(new double[] {x - r, y - r, 2 * r, 2 * r});
                double ty = nudge(tx - 3 * s, y - th / 2 - 1 * s, tw + 6 * s, th + 2 * s, placed, top, top + ph)
                        + th / 2 + 1 * s;
                placed.add(new double[] {tx - 3 * s, ty - th / 2 - 1 * s, tw + 6 * s, th + 2 * s});
                out.add(new CentroidMark(c, x, y, tx, ty, tw, th, label, hl >= 0 && hl != c ? 0.35 : 1));
            }
            return out;
        }

        private void paintLoadings(ChartGraphics gc, Viewport vp, double left, double top, int pw, int ph,
                double s, List<double[]> placed) {
            if (!showLoadings.get() || loadingNames == null || loadingNames.length == 0) {
                return;
            }
            double maxL = 0;
            for (int i = 0; i < lx.length; i++) {
                maxL = Math.max(maxL, Math.hypot(lx[i], ly[i]));
            }
            if (maxL == 0) {
                return;
            }
            // arrows span at most 40% of the smaller half-extent of the view, so they stay on screen
            double ox = vp.toScreenX(0), oy = vp.toScreenY(0);
            if (ox < left || ox > left + pw || oy < top || oy > top + ph) {
                ox = left + pw / 2.0;
                oy = top + ph / 2.0;
            }
            double lenPx = 0.4 * Math.min(pw, ph) / maxL;
            gc.save();
            gc.beginPath();
            gc.rect(left, top, pw, ph);
            gc.clip();
            Font f = font(s, 0.85, true);
            double fh = textHeight(f);
            gc.setFont(f);
            gc.setTextBaseline(VPos.CENTER);
            // longest arrows first: they are the features that matter most, so they get the unmoved spots
            Integer[] idx = new Integer[lx.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (p, q) -> Double.compare(Math.hypot(lx[q], ly[q]), Math.hypot(lx[p], ly[p])));
            for (int i : idx) {
                double ex = ox + lx[i] * lenPx, ey = oy - ly[i] * lenPx;
                gc.setStroke(Color.web("#333333", 0.85));
                gc.setLineWidth(1.4 * s);
                gc.strokeLine(ox, oy, ex, ey);
                double ang = Math.atan2(ey - oy, ex - ox), head = 7 * s;
                gc.setFill(Color.web("#333333", 0.85));
                gc.fillPolygon(new double[] {ex, ex - head * Math.cos(ang - 0.4), ex - head * Math.cos(ang + 0.4)},
                        new double[] {ey, ey - head * Math.sin(ang - 0.4), ey - head * Math.sin(ang + 0.4)}, 3);
            }
            for (int i : idx) {
                double ex = ox + lx[i] * lenPx, ey = oy - ly[i] * lenPx;
                boolean rightSide = ex >= ox;
                String name = loadingNames[i];
                double tx = ex + (rightSide ? 4 : -4) * s;
                double tw = textWidth(name, f);
                double bx = rightSide ? tx : tx - tw;
                double by = nudge(bx - 1 * s, ey - fh / 2, tw + 2 * s, fh, placed, top, top + ph);
                placed.add(new double[] {bx - 1 * s, by, tw + 2 * s, fh});
                double ly0 = by + fh / 2;
                if (Math.abs(ly0 - ey) > fh * 0.6) {
                    // moved away from its arrow: a thin leader line keeps them together
                    gc.setStroke(Color.web("#333333", 0.5));
                    gc.setLineWidth(0.8 * s);
                    gc.strokeLine(ex, ey, rightSide ? bx : bx + tw, ly0);
                }
                gc.setFill(Color.web("#FFFFFF", 0.75));
                gc.fillRect(bx, by, tw, fh);
                gc.setFill(Color.web("#222"));
                gc.setTextAlign(rightSide ? TextAlignment.LEFT : TextAlignment.RIGHT);
                gc.fillText(name, tx, ly0);
            }
            gc.restore();
        }

        private void paintCentroids(ChartGraphics gc, double s, Font f, List<CentroidMark> marks) {
            gc.setFont(f);
            gc.setTextBaseline(VPos.CENTER);
            gc.setTextAlign(TextAlignment.LEFT);
            double r = 7 * s;
            for (CentroidMark m : marks) {
                double x = m.x(), y = m.y(), alpha = m.alpha();
                double[] dx = {x, x + r, x, x - r}, dy = {y - r, y, y + r, y};
                gc.setFill(ClusterPalette.color(m.c()).deriveColor(0, 1, 0.85, alpha));
                gc.fillPolygon(dx, dy, 4);
                gc.setStroke(Color.color(0, 0, 0, alpha));
                gc.setLineWidth(1.5 * s);
                gc.strokePolygon(dx, dy, 4);
                if (Math.abs(m.ty() - y) > m.th() * 0.6) {
                    gc.setStroke(Color.color(0.2, 0.2, 0.2, 0.5 * alpha));
                    gc.setLineWidth(0.8 * s);
                    gc.strokeLine(x, y, m.tx(), m.ty());
                }
                gc.setFill(Color.color(1, 1, 1, 0.8 * alpha));
                gc.fillRoundRect(m.tx() - 3 * s, m.ty() - m.th() / 2 - 1 * s, m.tw() + 6 * s, m.th() + 2 * s, 4 * s,
                        4 * s);
                gc.setFill(Color.color(0.1, 0.1, 0.1, alpha));
                gc.fillText(m.label(), m.tx(), m.ty());
            }
        }
    }

    /**
     * Top y for a box (x, y, w, h) moved vertically as little as possible so it overlaps none of {@code placed}
     * ({x, y, w, h} each), trying alternately below and above in steps of half its height, staying within
     * [minY, maxY]; returns y unchanged if nothing free is found nearby. Not modified: {@code placed}.
     */
    static double nudge(double x, double y, double w, double h, List<double[]> placed, double minY, double maxY) {
        double step = Math.max(1, h / 2);
        for (int i = 0; i <= 40; i++) {
            double off = (i % 2 == 1 ? 1 : -1) * ((i + 1) / 2) * step;
            double yy = y + off;
            if (i > 0 && (yy < minY || yy + h > maxY)) {
                continue;
            }
            boolean free = true;
            for (double[] p : placed) {
                if (x < p[0] + p[2] && p[0] < x + w && yy < p[1] + p[3] && p[1] < yy + h) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return yy;
            }
        }
        return y;
    }

    /**
     * Boxes {x, y, w, h} (plot-local pixels) of the centroid markers, centroid labels and feature-arrow labels of
     * the last on-screen paint, in placement order (tests check that labels do not overlap).
     */
    public List<double[]> labelBoxes() {
        List<double[]> out = new ArrayList<>();
        plot.lastLabelBoxes.forEach(b -> out.add(b.clone()));
        return out;
    }

    /** Names of the legend entries in order (tests, accessibility). */
    public List<String> legendTexts() {
        List<String> out = new ArrayList<>();
        legend.getChildren().forEach(n -> out.add(((Label) n).getText()));
        return out;
    }
}
