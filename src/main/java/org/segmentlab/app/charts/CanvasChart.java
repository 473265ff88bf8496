package org.segmentlab.app.charts;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Base for the canvas charts: a resizable Canvas with an overlay pane for a few real nodes (hover label, marker
 * labels), coalesced redraws (any number of invalidations in one pulse give one paint) and export to an image
 * at any size with text scaled by width/1200.
 */
public abstract class CanvasChart extends Region {

    /** Base font size in pixels at text scale 1. */
    protected static final double BASE_FONT = 12;

    protected final Canvas canvas = new Canvas();
    /** The on-screen canvas as the charts draw on it. */
    private final ChartGraphics screen = new FxChartGraphics(canvas.getGraphicsContext2D());
    protected final Pane overlay = new Pane();
    protected final Label hoverLabel = new Label();
    private boolean redrawScheduled;
    private long lastRedrawNanos;
    private int redrawCount;

    protected CanvasChart() {
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        hoverLabel.getStyleClass().add("chart-hover");
        hoverLabel.setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-border-color: #888;"
                + " -fx-padding: 3 6 3 6; -fx-text-fill: #111; -fx-font-size: 12px;");
        hoverLabel.setManaged(false);
        hoverLabel.setVisible(false);
        hoverLabel.setId("hoverLabel");
        overlay.getChildren().add(hoverLabel);
        getChildren().addAll(canvas, overlay);
        setMinSize(160, 120);
        setPrefSize(520, 360);
        setStyle("-fx-background-color: white;");
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            requestRedraw();
        }
        overlay.resizeRelocate(0, 0, w, h);
    }

    /**
     * Marks the chart dirty; the paint happens once, in the next FX pulse, however often this is called. A chart
     * in the window but hidden (a tab not shown, a pane made invisible) paints when it is next shown instead:
     * painting hidden charts cost the FX thread (and Prism's render thread, which still draws a hidden canvas's
     * commands into its buffer) hundreds of milliseconds at start-up and whenever a result arrived behind another
     * tab.
     */
    public final void requestRedraw() {
        if (redrawScheduled) {
            return;
        }
        redrawScheduled = true;
        Platform.runLater(() -> {
            redrawScheduled = false;
            if (!waitUntilShown()) {
                redrawNow();
            }
        });
    }

    /** A paint skipped while the chart is hidden is requested again when it shows. */
    private final ShowGate shown = new ShowGate(this, this::requestRedraw);

    /** True when the chart is hidden in its window: then it paints once it shows (see {@link ShowGate}). */
    private boolean waitUntilShown() {
        return shown.waitUntilShown();
    }

    /** True while a paint waits for the chart to be shown (tests). */
    public boolean paintPending() {
        return shown.waiting();
    }

    /** Paints at once (FX thread). Normally called through {@link #requestRedraw()}. */
    public final void redrawNow() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w >= 1 && h >= 1) {
            paint(screen, w, h, 1.0, true);
        }
        lastRedrawNanos = System.nanoTime() - t0;
        redrawCount++;
        afterLivePaint();
    }

    /** Hook after a live paint, e.g. to position overlay nodes computed during painting. */
    protected void afterLivePaint() {
    }

    /**
     * Paints the whole chart.
     *
     * @param textScale multiply font sizes and line widths by this (1 on screen, width/1200 for exports)
     * @param live      true for the on-screen canvas (may use interactive state such as hover), false for export
     */
    protected abstract void paint(ChartGraphics gc, double w, double h, double textScale, boolean live);

    /** Duration of the last paint in nanoseconds. */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    /** Number of paints so far (tests check that several changes give one paint). */
    public int redrawCount() {
        return redrawCount;
    }

    /**
     * Renders the chart at {@code width x height} into a new image, text scaled by width/1200 (at least 1).
     * Call on the FX thread. The on-screen chart is not changed.
     */
    public WritableImage snapshot(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("snapshot size must be positive, got " + width + " x " + height);
        }
        Canvas c = new Canvas(width, height);
        paint(new FxChartGraphics(c.getGraphicsContext2D()), width, height, Math.max(1.0, width / 1200.0), false);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        return c.snapshot(p, new WritableImage(width, height));
    }

    /** Shows the hover label near (x, y) in local coordinates, kept inside the chart. */
    protected void showHover(String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            hideHover();
            return;
        }
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        hoverLabel.applyCss();
        hoverLabel.autosize();
        double lw = hoverLabel.getWidth(), lh = hoverLabel.getHeight();
        double lx = x + 12, ly = y + 12;
        if (lx + lw > getWidth()) {
            lx = Math.max(0, x - 12 - lw);
        }
        if (ly + lh > getHeight()) {
            ly = Math.max(0, y - 12 - lh);
        }
        hoverLabel.relocate(lx, ly);
    }

    protected void hideHover() {
        hoverLabel.setVisible(false);
    }

    /** Text of the hover label if shown, else null. */
    public String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : null;
    }

    /** Converts scene coordinates to this chart's local coordinates. */
    protected Point2D local(double sceneX, double sceneY) {
        return sceneToLocal(sceneX, sceneY);
    }

    // --- drawing helpers -------------------------------------------------------------------------------

    protected static Font font(double textScale, double rel, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, BASE_FONT * rel * textScale);
    }

    private static final Text MEASURE = new Text();

    /** Width of {@code s} in {@code f}. */
    protected static double textWidth(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        Bounds b = MEASURE.getLayoutBounds();
        return b.getWidth();
    }

    protected static double textHeight(Font f) {
        MEASURE.setFont(f);
        MEASURE.setText("Ag");
        return MEASURE.getLayoutBounds().getHeight();
    }
}
