package org.segmentlab.app.charts;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Per-customer silhouettes for one k as horizontal profiles: one band per cluster (values sorted descending,
 * drawn as a single filled polygon, not one bar per row), each cluster's mean as a black tick, the overall mean
 * as a dashed red line. Clicking a band selects that cluster ({@link #selectedClusterProperty()}, -1 none;
 * clicking it again clears). The caller's arrays are not modified.
 */
public class SilhouettePlot extends CanvasChart {

    private static final Color MEAN = Color.web("#C00000");

    private final IntegerProperty selectedCluster = new SimpleIntegerProperty(this, "selectedCluster", -1);
    private SilhouetteBands bands = SilhouetteBands.compute(new double[0], new int[0], 0);
    private String[] names = new String[0];
    private boolean sampled;
    private int hoverBand = -1;
    // band geometry from the last live paint
    private double[] bandTop = new double[0];
    private double[] bandBottom = new double[0];
    private double plotLeft, plotRight;

    public SilhouettePlot() {
        setId("silhouettePlot");
        selectedCluster.addListener((o, a, b) -> requestRedraw());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            int c = bandAt(e.getX(), e.getY());
            if (c >= 0) {
                selectedCluster.set(selectedCluster.get() == c ? -1 : c);
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int c = bandAt(e.getX(), e.getY());
            if (c != hoverBand) {
                hoverBand = c;
                requestRedraw();
            }
            if (c >= 0) {
                showHover(bandText(c), e.getX(), e.getY());
            } else {
                hideHover();
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverBand = -1;
            hideHover();
            requestRedraw();
        });
    }

    /**
     * Replaces the data.
     *
     * @param silhouette per customer (or per sampled customer), -1..1; NaN skipped
     * @param cluster    cluster 0..k-1 per entry
     * @param names      cluster names (null or short = "Cluster c")
     * @param sampled    true when the values are for a sample (shown in the title)
     */
    public void setData(double[] silhouette, int[] cluster, int k, String[] names, boolean sampled) {
        this.bands = SilhouetteBands.compute(silhouette, cluster, k);
        String[] n = new String[k];
        for (int c = 0; c < k; c++) {
            n[c] = names != null && c < names.length && names[c] != null ? names[c] : "Cluster " + c;
        }
        this.names = n;
        this.sampled = sampled;
        if (selectedCluster.get() >= k) {
            selectedCluster.set(-1);
        }
        requestRedraw();
    }

    /** Selected cluster, -1 for none; bind PcaScatter.highlightedClusterProperty() to it. */
    public IntegerProperty selectedClusterProperty() {
        return selectedCluster;
    }

    /** Number of drawn bands (clusters with at least one value). */
    public int bandCount() {
        int n = 0;
        for (int c = 0; c < bands.k(); c++) {
            if (bands.count(c) > 0) {
                n++;
            }
        }
        return n;
    }

    public SilhouetteBands bands() {
        return bands;
    }

    /** Centre of band c in local coordinates (last paint), or null. */
    public Point2D bandCenter(int c) {
        if (c < 0 || c >= bandTop.length || bands.count(c) == 0) {
            return null;
        }
        return new Point2D((plotLeft + plotRight) / 2, (bandTop[c] + bandBottom[c]) / 2);
    }

    /** Cluster of the band under a local point, or -1. */
    public int bandAt(double x, double y) {
        if (x < 0 || x > getWidth()) {
            return -1;
        }
        for (int c = 0; c < bandTop.length; c++) {
            if (y >= bandTop[c] - 1 && y <= bandBottom[c] + 1 && bands.count(c) > 0) {
                return c;
            }
        }
        return -1;
    }

    private String bandText(int c) {
        return names[c] + ": " + ChartFormat.count(bands.count(c)) + " customers\nmean silhouette "
                + ChartFormat.sig3(bands.mean(c)) + " · " + ChartFormat.percent(bands.negativeShare(c))
                + " negative\n(click to highlight in the scatter)";
    }

    /** Room kept right of the title for the info icon the Segments tab lays over the chart's corner. */
    static final double TITLE_RIGHT_ROOM = 30;

    /**
     * The chart's title, as long as fits {@code width}: the full one, then shorter ones (the last even if it does
     * not fit). {@code sampledOf} is the number of customers sampled, or negative when every one is shown.
     */
    static String title(int k, int sampledOf, double width, Font font) {
        String kk = "(k = " + k + ")";
        String n = sampledOf < 0 ? "" : ChartFormat.count(sampledOf);
        List<String> options = sampledOf < 0
                ? List.of("Silhouette per customer " + kk, "Silhouettes " + kk)
                : List.of("Silhouette per customer " + kk + " · sample of " + n,
                        "Silhouette per customer " + kk + " · " + n + " sampled",
                        "Silhouettes " + kk + " · " + n + " sampled",
                        "Silhouettes " + kk);
        return longestThatFits(options, width, font);
    }

    /** The x-axis title, as long as fits {@code width}: the full sentence, then shorter ones. */
    static String axisTitle(double width, Font font) {
        return longestThatFits(AXIS_TITLES, width, font);
    }

    /** The first of {@code options} (longest first) that fits {@code width}, else the last. */
    private static String longestThatFits(List<String> options, double width, Font font) {
        for (String t : options) {
            if (textWidth(t, font) <= width) {
                return t;
            }
        }
        return options.get(options.size() - 1);
    }

    static final List<String> AXIS_TITLES = List.of(
            "silhouette  (−1 closer to another cluster … +1 clearly in its own)",
            "silhouette  (−1 other cluster … +1 own cluster)",
            "silhouette (−1 … +1)");

    @Override
    protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        int k = bands.k();
        Font titleFont = font(s, 1.15, true);
        Font labelFont = font(s, 0.95, false);
        Font smallFont = font(s, 0.85, false);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(titleFont);
        gc.setFill(Color.web("#222"));
        // The window lays an info icon over the top-right corner: the title stops short of it.
        gc.fillText(title(k, sampled ? bands.total() : -1, w - (10 + TITLE_RIGHT_ROOM) * s, titleFont), 10 * s, 7 * s);

        double top = 14 * s + textHeight(titleFont) + textHeight(smallFont) + 6 * s;
        double th = textHeight(smallFont);
        double bottom = th + textHeight(labelFont) + 18 * s;
        double labelW = 0;
        for (int c = 0; c < k; c++) {
            labelW = Math.max(labelW, textWidth(names[c], labelFont));
            labelW = Math.max(labelW, textWidth(ChartFormat.count(bands.count(c)) + " · mean "
                    + ChartFormat.sig3(bands.mean(c)), smallFont));
        }
        labelW = Math.min(labelW, w * 0.35);
        double left = 10 * s + 14 * s + labelW + 10 * s;
        double right = 20 * s;
        double pw = Math.max(10, w - left - right), ph = Math.max(10, h - top - bottom);

        double lo = bands.min();
        lo = Double.isNaN(lo) ? -0.1 : Math.min(-0.1, Math.floor(lo * 10) / 10);
        double hi = 1.0;
        final double fLo = lo, fHi = hi;
        java.util.function.DoubleUnaryOperator sx = v -> left + (v - fLo) / (fHi - fLo) * pw;

        // bands: heights proportional to counts, constant gap between bands
        int nonEmpty = bandCount();
        double gap = Math.min(8 * s, ph * 0.03);
        double usable = Math.max(1, ph - gap * Math.max(0, nonEmpty - 1));
        int total = Math.max(1, bands.total());
        double[] bTop = new double[k], bBot = new double[k];
        double y = top;
        int sel = selectedCluster.get();
        double zeroX = sx.applyAsDouble(0);
        // x grid
        double[] xt = NiceTicks.ticks(lo, hi, Math.max(2, (int) (pw / (70 * s))));
        gc.setLineWidth(1 * s);
        for (double t : xt) {
            gc.setStroke(Color.web("#EBEBEB"));
            gc.strokeLine(sx.applyAsDouble(t), top, sx.applyAsDouble(t), top + ph);
        }
        for (int c = 0; c < k; c++) {
            int n = bands.count(c);
            if (n == 0) {
                bTop[c] = y;
                bBot[c] = y;
                continue;
            }
            double bh = usable * n / total;
            bTop[c] = y;
            bBot[c] = y + bh;
            double[] v = bands.valuesView(c);
            int m = (int) Math.max(1, Math.min(n, Math.ceil(bh)));
            double[] px = new double[2 * m + 2], py = new double[2 * m + 2];
            px[0] = zeroX;
            py[0] = y;
            for (int j = 0; j < m; j++) {
                // one step per pixel row: the first (largest) value of the rows in it keeps the profile's shape
                int idx = (int) ((long) j * n / m);
                double vx = sx.applyAsDouble(v[idx]);
                px[1 + 2 * j] = vx;
                py[1 + 2 * j] = y + bh * j / m;
                px[2 + 2 * j] = vx;
                py[2 + 2 * j] = y + bh * (j + 1) / m;
            }
            px[2 * m + 1] = zeroX;
            py[2 * m + 1] = y + bh;
            Color col = ClusterPalette.color(c);
            boolean dim = sel >= 0 && sel != c;
            gc.setFill(dim ? col.deriveColor(0, 0.4, 1.1, 0.35) : col);
            gc.fillPolygon(px, py, px.length);
            if (sel == c) {
                gc.setStroke(Color.BLACK);
                gc.setLineWidth(1.5 * s);
                gc.strokeRect(left, y - 1, pw, bh + 2);
            } else if (live && hoverBand == c) {
                gc.setStroke(Color.web("#666"));
                gc.setLineWidth(1 * s);
                gc.strokeRect(left, y - 1, pw, bh + 2);
            }
            // cluster mean tick
            double mx = sx.applyAsDouble(bands.mean(c));
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(2 * s);
            gc.strokeLine(mx, y, mx, y + bh);
            // label
            double cy = y + bh / 2;
            gc.setFill(col);
            gc.fillRect(10 * s, cy - textHeight(labelFont) / 2 - 1 * s, 10 * s, 10 * s);
            gc.setFill(Color.web("#222"));
            gc.setFont(labelFont);
            gc.setTextAlign(TextAlignment.LEFT);
            boolean twoLines = bh >= textHeight(labelFont) + textHeight(smallFont);
            gc.setTextBaseline(twoLines ? VPos.BOTTOM : VPos.CENTER);
            gc.fillText(names[c], 24 * s, twoLines ? cy + 3 * s : cy, labelW);
            if (twoLines) {
                gc.setFont(smallFont);
                gc.setFill(Color.web("#555"));
                gc.setTextBaseline(VPos.TOP);
                gc.fillText(ChartFormat.count(n) + " · mean " + ChartFormat.sig3(bands.mean(c)), 24 * s, cy + 3 * s,
                        labelW);
            }
            y += bh + gap;
        }
        // zero line and axis
        gc.setStroke(Color.web("#555"));
        gc.setLineWidth(1 * s);
        gc.strokeLine(zeroX, top, zeroX, top + ph);
        gc.strokeLine(left, top + ph, left + pw, top + ph);
        gc.setFont(smallFont);
        gc.setFill(Color.web("#444"));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double t : xt) {
            double x = sx.applyAsDouble(t);
            gc.strokeLine(x, top + ph, x, top + ph + 4 * s);
            gc.fillText(MetricByKChart.tickText(t, xt), x, top + ph + 6 * s);
        }
        gc.setFont(labelFont);
        gc.setFill(Color.web("#333"));
        String title = axisTitle(w - 8 * s, labelFont);
        double half = textWidth(title, labelFont) / 2;
        gc.fillText(title, Math.max(half + 4 * s, Math.min(left + pw / 2, w - half - 4 * s)), top + ph + th + 10 * s);
        // overall mean
        if (Double.isFinite(bands.overallMean())) {
            double mx = sx.applyAsDouble(bands.overallMean());
            gc.setStroke(MEAN);
            gc.setLineWidth(1.8 * s);
            gc.setLineDashes(6 * s, 4 * s);
            gc.strokeLine(mx, top - 2 * s, mx, top + ph);
            gc.setLineDashes();
            gc.setFill(MEAN);
            gc.setFont(smallFont);
            gc.setTextBaseline(VPos.BOTTOM);
            String t = "mean " + ChartFormat.sig3(bands.overallMean());
            boolean rightSide = mx + textWidth(t, smallFont) + 4 * s < left + pw;
            gc.setTextAlign(rightSide ? TextAlignment.LEFT : TextAlignment.RIGHT);
            gc.fillText(t, rightSide ? mx + 4 * s : mx - 4 * s, top - 2 * s);
        }
        if (live) {
            bandTop = bTop;
            bandBottom = bBot;
            plotLeft = left;
            plotRight = left + pw;
            setAccessibleText("Silhouette plot, " + nonEmpty + " bands, mean " + ChartFormat.sig3(bands.overallMean()));
        }
    }

    @Override
    public String toString() {
        return "SilhouettePlot" + Arrays.toString(bands.means());
    }
}
