package org.segmentlab.app.learn;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.segmentlab.app.charts.CanvasChart;
import org.segmentlab.app.charts.ClusterPalette;
import org.segmentlab.app.charts.MetricByKChart;
import org.segmentlab.app.charts.PlotAxes;
import org.segmentlab.app.charts.ScatterRaster;
import org.segmentlab.app.charts.Viewport;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.app.charts.ChartGraphics;

/**
 * One k-means run drawn on a Canvas: the points as a raster (never a node per point) coloured by
 * cluster with {@link ClusterPalette} (grey before the first assignment), the points that just changed
 * cluster outlined while {@link #setEmphasis} fades, optional lines from points to their centroid,
 * each centroid's trail through its earlier positions, and the centroids. Equal aspect, so distances on
 * screen are the distances k-means uses. A click reports data coordinates (placing centroids). The
 * caller's arrays are copied, never modified.
 */
public final class StepCanvas extends CanvasChart {

    /** Lines to the centroid are drawn for at most this many points (evenly spaced), to stay fast. */
    static final int MAX_LINES = 1500;

    private final Viewport viewport = new Viewport();
    private final boolean compact;
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private String xLabel = "";
    private String yLabel = "";
    private KMeansStepper.State state;
    private List<KMeansStepper.State> trail = List.of();
    private List<double[]> placed = List.of();
    private int k;
    private int[] changed = new int[0];
    private double emphasis;
    private boolean lines;
    private boolean trails = true;
    private String caption = "";
    private int[] pixels = new int[0];
    private int[] clusterBuf = new int[0];
    private PixelBuffer<IntBuffer> pixelBuffer;
    private WritableImage image;
    private BiConsumer<Double, Double> onPlace;

    /** @param compact small panels (side-by-side restarts): smaller margins, no axis titles */
    public StepCanvas(boolean compact) {
        this.compact = compact;
        viewport.setEqualAspect(true);
        setPrefSize(compact ? 300 : 640, compact ? 220 : 480);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && onPlace != null && inPlot(e.getX(), e.getY())) {
                onPlace.accept(viewport.toDataX(e.getX()), viewport.toDataY(e.getY()));
            }
        });
    }

    private boolean inPlot(double x, double y) {
        return x >= viewport.left() && x <= viewport.left() + viewport.width() && y >= viewport.top()
                && y <= viewport.top() + viewport.height();
    }

    /** New points (copied); the view is fitted to them. */
    public void setData(double[] xs, double[] ys, String xLabel, String yLabel) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        clusterBuf = new int[xs.length];
        viewport.setHomeFromData(this.xs, this.ys, 0.04);
        requestRedraw();
    }

    /**
     * The state to show and the states before it (for the trails), oldest first; null before a run.
     */
    public void setState(KMeansStepper.State state, List<KMeansStepper.State> history, int k) {
        this.state = state;
        this.trail = history;
        this.k = k;
        requestRedraw();
    }

    /** Rows to outline and how strongly (1 = just changed, 0 = not at all). */
    public void setEmphasis(int[] rows, double strength) {
        // Eight levels are enough for a fade and spare most frames a full repaint.
        double level = Math.ceil(Math.max(0, Math.min(1, strength)) * 8) / 8;
        if (rows == changed && level == emphasis) {
            return;
        }
        this.changed = rows;
        this.emphasis = level;
        requestRedraw();
    }

    public void setShowLines(boolean on) {
        lines = on;
        requestRedraw();
    }

    public void setShowTrails(boolean on) {
        trails = on;
        requestRedraw();
    }

    /** Centroids placed by clicking, before the run starts (x, y pairs). */
    public void setPlaced(List<double[]> placed) {
        this.placed = placed;
        requestRedraw();
    }

    /** A line drawn at the top of the plot (restart panels: seed and inertia). */
    public void setCaption(String caption) {
        this.caption = caption == null ? "" : caption;
        requestRedraw();
    }

    public void setOnPlace(BiConsumer<Double, Double> onPlace) {
        this.onPlace = onPlace;
    }

    /** Screen position of data point (x, y), for tests that click. */
    public javafx.geometry.Point2D toScreen(double x, double y) {
        return new javafx.geometry.Point2D(viewport.toScreenX(x), viewport.toScreenY(y));
    }

    @Override
    protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        Font tickFont = font(s, compact ? 0.75 : 0.85, false);
        Font labelFont = font(s, 1.0, false);
        double th = textHeight(tickFont);
        double lh = compact ? 0 : textHeight(labelFont);
        double top = (caption.isEmpty() ? 8 : 8 + textHeight(font(s, 1.0, true)) + 4) * s;
        double left = (compact ? 6 : 10) * s + lh + textWidth("-00.0", tickFont) + 6 * s;
        double bottom = th + lh + (compact ? 10 : 18) * s;
        double right = 12 * s;
        int pw = (int) Math.max(1, Math.floor(w - left - right));
        int ph = (int) Math.max(1, Math.floor(h - top - bottom));
        Viewport vp = viewport;
        if (!live) {
            vp = new Viewport();
            vp.setScreen(left, top, pw, ph);
            vp.setEqualAspect(true);
            vp.setHome(viewport.xMin(), viewport.xMax(), viewport.yMin(), viewport.yMax());
        } else {
            vp.setScreen(left, top, pw, ph);
        }

        int[] buf;
        if (live) {
            if (pixelBuffer == null || pixelBuffer.getWidth() != pw || pixelBuffer.getHeight() != ph) {
                pixels = new int[pw * ph];
                pixelBuffer = new PixelBuffer<>(pw, ph, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixelBuffer);
            }
            buf = pixels;
        } else {
            buf = new int[pw * ph];
        }
        rasterize(buf, pw, ph, vp, s);
        if (live) {
            pixelBuffer.updateBuffer(b -> null);
            gc.drawImage(image, left, top);
        } else {
            WritableImage img = new WritableImage(pw, ph);
            img.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbInstance(), buf, 0, pw);
            gc.drawImage(img, left, top);
        }

        gc.save();
        gc.beginPath();
        gc.rect(left, top, pw, ph);
        gc.clip();
        if (lines && state != null && state.phase() != KMeansStepper.Phase.START) {
            paintLines(gc, vp, s);
        }
        if (trails) {
            paintTrails(gc, vp, s);
        }
        paintCentroids(gc, vp, s);
        gc.restore();
        paintAxes(gc, vp, left, top, pw, ph, s, tickFont, labelFont);
        if (!caption.isEmpty()) {
            gc.setFont(font(s, 1.0, true));
            gc.setFill(Color.web("#222"));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(caption, left, 6 * s);
        }
    }

    private void rasterize(int[] buf, int pw, int ph, Viewport vp, double s) {
        Arrays.fill(buf, 0xFFFFFFFF);
        int n = xs.length;
        if (n == 0) {
            return;
        }
        int[] colors = new int[k + 1];
        for (int c = 0; c < k; c++) {
            colors[c] = ClusterPalette.argb(c);
        }
        colors[k] = 0xFF9AA5B1; // before the first assignment: one neutral grey
        int[] cl = clusterBuf.length == n ? clusterBuf : new int[n];
        if (state == null) {
            Arrays.fill(cl, k);
        } else {
            state.copyLabels(cl);
            for (int i = 0; i < n; i++) {
                if (cl[i] < 0) {
                    cl[i] = k;
                }
            }
        }
        // fewer points get bigger dots; 10,000 stay readable at 4 px
        double diameter = (n > 5000 ? 4 : n > 1500 ? 5 : 6) * s * (compact ? 0.8 : 1);
        int[] stamp = ScatterRaster.discStamp(diameter);
        double fx = pw / (vp.xMax() - vp.xMin());
        double fy = ph / (vp.yMax() - vp.yMin());
        ScatterRaster.blend(buf, pw, ph, xs, ys, cl, null, colors, null, n > 5000 ? 170 : 210, vp.xMin(), vp.yMax(),
                fx, fy, stamp, 0);
        if (emphasis > 0 && changed.length > 0 && state != null) {
            // outline: a dark disc 4 px wider under a full-colour one, fading with the emphasis
            int a = (int) Math.round(256 * emphasis);
            ScatterRaster.blend(buf, pw, ph, xs, ys, cl, changed, colors, null, a, vp.xMin(), vp.yMax(), fx, fy,
                    ScatterRaster.discStamp(diameter + 5 * s), 0xFF1F2933);
            ScatterRaster.blend(buf, pw, ph, xs, ys, cl, changed, colors, null, 256, vp.xMin(), vp.yMax(), fx, fy,
                    ScatterRaster.discStamp(diameter + 1.5 * s), 0);
        }
    }

    private void paintLines(ChartGraphics gc, Viewport vp, double s) {
        int n = xs.length;
        int stride = Math.max(1, (n + MAX_LINES - 1) / MAX_LINES);
        gc.setLineWidth(0.8 * s);
        for (int c = 0; c < k; c++) {
            double cx = vp.toScreenX(state.centroid(c, 0));
            double cy = vp.toScreenY(state.centroid(c, 1));
            gc.setStroke(ClusterPalette.color(c).deriveColor(0, 1, 0.8, 0.35));
            gc.beginPath();
            for (int i = 0; i < n; i += stride) {
                if (state.label(i) == c) {
                    gc.moveTo(vp.toScreenX(xs[i]), vp.toScreenY(ys[i]));
                    gc.lineTo(cx, cy);
                }
            }
            gc.stroke();
        }
    }

    private void paintTrails(ChartGraphics gc, Viewport vp, double s) {
        if (state == null || trail.size() < 2) {
            return;
        }
        gc.setLineJoin(StrokeLineJoin.ROUND);
        for (int c = 0; c < k; c++) {
            Color col = ClusterPalette.color(c).deriveColor(0, 1, 0.6, 1);
            gc.setStroke(col);
            gc.setFill(col);
            gc.setLineWidth(2 * s);
            gc.beginPath();
            boolean first = true;
            for (KMeansStepper.State t : trail) {
                if (t.phase() == KMeansStepper.Phase.ASSIGNED) {
                    continue; // an assignment does not move the centroids
                }
                double x = vp.toScreenX(t.centroid(c, 0));
                double y = vp.toScreenY(t.centroid(c, 1));
                if (first) {
                    gc.moveTo(x, y);
                    first = false;
                } else {
                    gc.lineTo(x, y);
                }
                if (t != state) {
                    gc.fillOval(x - 2.5 * s, y - 2.5 * s, 5 * s, 5 * s);
                }
            }
            gc.stroke();
        }
    }

    private void paintCentroids(ChartGraphics gc, Viewport vp, double s) {
        double r = (compact ? 6.5 : 9) * s;
        if (state == null) {
            for (int i = 0; i < placed.size(); i++) {
                double[] p = placed.get(i);
                marker(gc, vp.toScreenX(p[0]), vp.toScreenY(p[1]), r, ClusterPalette.color(i), s);
            }
            return;
        }
        for (int c = 0; c < k; c++) {
            marker(gc, vp.toScreenX(state.centroid(c, 0)), vp.toScreenY(state.centroid(c, 1)), r,
                    ClusterPalette.color(c), s);
        }
    }

    /** A centroid: a cluster-coloured disc with a white ring and a dark edge, readable on any point colour. */
    private static void marker(ChartGraphics gc, double x, double y, double r, Color c, double s) {
        gc.setFill(Color.web("#1F2933"));
        gc.fillOval(x - r - 2 * s, y - r - 2 * s, 2 * (r + 2 * s), 2 * (r + 2 * s));
        gc.setFill(Color.WHITE);
        gc.fillOval(x - r, y - r, 2 * r, 2 * r);
        double ri = r - 2.5 * s;
        gc.setFill(c);
        gc.fillOval(x - ri, y - ri, 2 * ri, 2 * ri);
    }

    private void paintAxes(ChartGraphics gc, Viewport vp, double left, double top, int pw, int ph, double s,
                           Font tickFont, Font labelFont) {
        gc.setLineWidth(1 * s);
        PlotAxes.frameAndTicks(gc, vp, left, top, pw, ph, s, tickFont);
        if (compact) {
            return;
        }
        gc.setFont(labelFont);
        gc.setFill(Color.web("#222"));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(xLabel, left + pw / 2.0, top + ph + 6 * s + textHeight(tickFont) + 4 * s + textHeight(labelFont));
        gc.save();
        gc.translate(6 * s, top + ph / 2.0);
        gc.rotate(-90);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(yLabel, 0, 0);
        gc.restore();
    }
}
