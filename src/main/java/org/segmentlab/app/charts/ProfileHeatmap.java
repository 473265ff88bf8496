package org.segmentlab.app.charts;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Clusters (rows) by features (columns): each cell is coloured by the scaled centroid z on a symmetric
 * blue-white-red scale centred at 0 and shows the raw-unit mean. Features are ordered by how much they separate
 * the clusters (variance of z across clusters, descending). Rows carry the cluster's colour chip, name, size and
 * share. The caller's arrays are copied, never modified.
 *
 * <p>On screen a row is never shorter than its numbers: when the clusters do not fit the height (many clusters in
 * a short pane, e.g. at 1280 x 800), the rows keep a minimum height and scroll under fixed feature headers, with
 * a scroll bar at the right and the mouse wheel. Exports show every row in the space they are given.
 */
public class ProfileHeatmap extends CanvasChart {

    private String[] clusterNames = new String[0];
    private int[] sizes = new int[0];
    private String[] features = new String[0];
    private double[][] z = new double[0][];
    private double[][] raw = new double[0][];
    /** raw formatted once per {@link #setData}: every paint (resize, scroll, hover) shows the same numbers. */
    private String[][] rawText = new String[0][];
    private double[] population = new double[0];
    private int[] order = new int[0];
    private double maxAbs = 1;
    // geometry of the last live paint
    private double gridLeft, gridTop, cellW, cellH, gridViewH;
    /** Vertical scroll of the rows on screen, in pixels (0 when they fit). */
    private double scrollY;
    private final ScrollBar vbar = new ScrollBar();
    private boolean syncingBar;
    private int hoverRow = -1, hoverCol = -1;
    private double[][] headers = new double[0][];

    public ProfileHeatmap() {
        setId("profileHeatmap");
        setPrefSize(900, 360);
        vbar.setId("heatmapScroll");
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setManaged(false);
        vbar.setVisible(false);
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!syncingBar) {
                scrollY = b.doubleValue();
                requestRedraw();
            }
        });
        getChildren().add(vbar);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (vbar.isVisible() && e.getDeltaY() != 0) {
                vbar.setValue(Math.max(vbar.getMin(), Math.min(vbar.getMax(), vbar.getValue() - e.getDeltaY())));
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            int r = rc == null ? -1 : rc[0], c = rc == null ? -1 : rc[1];
            if (r != hoverRow || c != hoverCol) {
                hoverRow = r;
                hoverCol = c;
                requestRedraw();
            }
            if (rc != null) {
                showHover(tooltipText(rc[0], rc[1]), e.getX(), e.getY());
            } else {
                hideHover();
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverRow = -1;
            hoverCol = -1;
            hideHover();
            requestRedraw();
        });
    }

    /**
     * Replaces the data.
     *
     * @param clusterNames    one per row
     * @param sizes           customers per cluster
     * @param features        column names
     * @param z               [cluster][feature] scaled centroid (z against the population)
     * @param rawMeans        [cluster][feature] mean in raw units
     * @param populationMeans [feature] population mean in raw units
     */
    public void setData(String[] clusterNames, int[] sizes, String[] features, double[][] z, double[][] rawMeans,
            double[] populationMeans) {
        int k = clusterNames.length, f = features.length;
        if (sizes.length != k || z.length != k || rawMeans.length != k || populationMeans.length != f) {
            throw new IllegalArgumentException("ProfileHeatmap.setData: expected " + k + " clusters and " + f
                    + " features, got sizes " + sizes.length + ", z " + z.length + ", rawMeans " + rawMeans.length
                    + ", populationMeans " + populationMeans.length);
        }
        for (int c = 0; c < k; c++) {
            if (z[c].length != f || rawMeans[c].length != f) {
                throw new IllegalArgumentException("ProfileHeatmap.setData: row " + c + " has " + z[c].length
                        + " z and " + rawMeans[c].length + " means, expected " + f);
            }
        }
        this.clusterNames = clusterNames.clone();
        this.sizes = sizes.clone();
        this.features = features.clone();
        this.z = deepCopy(z);
        this.raw = deepCopy(rawMeans);
        this.rawText = new String[raw.length][];
        for (int c = 0; c < raw.length; c++) {
            rawText[c] = new String[raw[c].length];
            for (int j = 0; j < raw[c].length; j++) {
                rawText[c][j] = ChartFormat.sig3(raw[c][j]);
            }
        }
        this.population = populationMeans.clone();
        this.order = orderFeatures(this.z);
        double m = 0;
        for (double[] row : this.z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        // round the symmetric range up to a half unit so the legend has clean ends
        this.maxAbs = Math.max(0.5, Math.ceil(m * 2) / 2);
        requestRedraw();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Feature indices ordered by the variance of z across clusters, descending (ties keep input order; NaN
     * entries are left out of a feature's variance). Not modified: {@code z}.
     */
    public static int[] orderFeatures(double[][] z) {
        if (z.length == 0) {
            return new int[0];
        }
        int f = z[0].length;
        double[] var = new double[f];
        for (int j = 0; j < f; j++) {
            // two passes, so a constant column has exactly zero variance and ties stay ties
            double s = 0;
            int n = 0;
            for (double[] row : z) {
                if (Double.isFinite(row[j])) {
                    s += row[j];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : s / n, ss = 0;
            for (double[] row : z) {
                if (Double.isFinite(row[j])) {
                    ss += (row[j] - mean) * (row[j] - mean);
                }
            }
            var[j] = n == 0 ? -1 : ss / n;
        }
        return IntStream.range(0, f).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -var[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Current column order (original feature indices, left to right). */
    public int[] featureOrder() {
        return order.clone();
    }

    /** Half-range of the colour scale (the legend runs from -maxAbs to +maxAbs). */
    public double colorRange() {
        return maxAbs;
    }

    /** Tooltip for cluster row c and original feature index f. */
    public String tooltipText(int c, int f) {
        return features[f] + " — " + clusterNames[c] + ": mean " + ChartFormat.sig3(raw[c][f]) + " (z = "
                + (Double.isFinite(z[c][f]) ? ChartFormat.signed1(z[c][f]) : "–") + " vs population "
                + ChartFormat.sig3(population[f]) + ")";
    }

    /** {row, original feature index} of the cell under a local point, or null. */
    public int[] cellAt(double x, double y) {
        if (cellW <= 0 || x < gridLeft || y < gridTop || y >= gridTop + gridViewH) {
            return null;
        }
        int col = (int) ((x - gridLeft) / cellW), row = (int) ((y - gridTop + scrollY) / cellH);
        if (row >= clusterNames.length || col >= order.length) {
            return null;
        }
        return new int[] {row, order[col]};
    }

    /**
     * Where the header of display column {@code column} starts and ends in the last on-screen paint: {startX,
     * startY, endX, endY} in local pixels (the text runs up-right from its column's centre), or null.
     */
    public double[] headerExtent(int column) {
        return column >= 0 && column < headers.length && headers[column] != null ? headers[column].clone() : null;
    }

    /** Centre of the cell of row c and original feature f in local coordinates (last paint). */
    public Point2D cellCenter(int c, int f) {
        int col = -1;
        for (int i = 0; i < order.length; i++) {
            if (order[i] == f) {
                col = i;
            }
        }
        return col < 0 ? null : new Point2D(gridLeft + (col + 0.5) * cellW, gridTop + (c + 0.5) * cellH - scrollY);
    }

    /** Whether the rows scroll (they do not fit at their minimum height) in the last on-screen paint. */
    public boolean rowsScroll() {
        return vbar.isVisible();
    }

    /** Row height in the last on-screen paint, in pixels. */
    public double rowHeight() {
        return cellH;
    }

    @Override
    protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        int k = clusterNames.length, nf = order.length;
        Font titleFont = font(s, 1.15, true);
        Font labelFont = font(s, 0.95, false);
        Font smallFont = font(s, 0.8, false);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(Color.web("#222"));
        gc.setFont(titleFont);
        gc.fillText("Cluster profiles", 10 * s, 7 * s);
        gc.setFont(smallFont);
        gc.setFill(Color.web("#555"));
        gc.fillText("colour: z against the population · number: mean in raw units · columns: most distinctive first",
                10 * s + textWidth("Cluster profiles", titleFont) + 12 * s, 7 * s + 3 * s);
        if (k == 0 || nf == 0) {
            if (live) {
                vbar.setVisible(false);
            }
            return;
        }
        double labelW = 0;
        long total = Arrays.stream(sizes).asLongStream().sum();
        for (int c = 0; c < k; c++) {
            labelW = Math.max(labelW, textWidth(clusterNames[c], labelFont));
            labelW = Math.max(labelW, textWidth(sizeText(c, total), smallFont));
        }
        labelW = Math.min(labelW, w * 0.28);
        double left = 10 * s + 16 * s + labelW + 10 * s;
        double right = 12 * s;
        double legendH = 14 * s + textHeight(smallFont) * 2 + 14 * s;
        // feature headers are rotated 50 degrees up-right and start at their column's centre; the columns are
        // narrowed, if needed, so that every header ends inside the chart
        double angle = Math.toRadians(50), cos = Math.cos(angle), sin = Math.sin(angle);
        double maxName = 0;
        for (String f : features) {
            maxName = Math.max(maxName, textWidth(f, smallFont));
        }
        double headerH = Math.min(maxName * sin + 10 * s, h * 0.4);
        if (live) {
            // in a short pane the rotated headers give way (down to names of about 80 px, squeezed beyond) so that
            // at least three rows show before the rows scroll
            double rowsWanted = Math.min(k, 3) * (textHeight(labelFont) + 4 * s);
            double room = h - (14 * s + textHeight(titleFont)) - legendH - rowsWanted;
            headerH = Math.max(Math.min(headerH, room), Math.min(headerH, 80 * s * sin + 10 * s));
        }
        // longest header that fits the band; longer ones are squeezed by fillText's maxWidth
        double maxLen = Math.max(10 * s, (headerH - 10 * s) / sin);
        double top = 14 * s + textHeight(titleFont) + headerH;
        double avail = h - top - legendH;
        double cw = columnWidth(w, left, right, nf, maxLen, cos, s, smallFont);
        Font cellFont = font(s, Math.min(0.9, Math.max(0.55, cw / (s * 52))), false);
        // a row must hold its numbers (and the name beside it): below that, scroll on screen
        double minRow = Math.max(textHeight(cellFont), textHeight(labelFont)) + 4 * s;
        double ch = Math.max(6, Math.min(90 * s, avail / k));
        boolean scroll = live && ch < minRow;
        if (scroll) {
            right += 14; // room for the scroll bar
            cw = columnWidth(w, left, right, nf, maxLen, cos, s, smallFont);
            ch = minRow;
        }
        double viewH = scroll ? Math.max(ch, avail) : k * ch;
        double maxScroll = scroll ? k * ch - viewH : 0;
        if (live) {
            scrollY = Math.max(0, Math.min(maxScroll, scrollY));
        }
        double sy = live ? scrollY : 0;

        // headers
        if (live) {
            headers = new double[nf][];
        }
        gc.setFont(smallFont);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int j = 0; j < nf; j++) {
            double x = left + (j + 0.5) * cw;
            gc.save();
            gc.translate(x, top - 4 * s);
            gc.rotate(-50);
            gc.setFill(live && order[j] == hoverColFeature() ? Color.BLACK : Color.web("#333"));
            gc.fillText(features[order[j]], 0, 0, maxLen);
            gc.restore();
            if (live) {
                double len = Math.min(maxLen, textWidth(features[order[j]], smallFont));
                headers[j] = new double[] {x, top - 4 * s, x + len * cos, top - 4 * s - len * sin};
            }
        }
        // cells (clipped to the rows' viewport when they scroll)
        gc.save();
        gc.beginPath();
        gc.rect(0, top, w, viewH);
        gc.clip();
        gc.setFont(cellFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < k; c++) {
            double y = top + c * ch - sy;
            if (y + ch < top || y > top + viewH) {
                continue;
            }
            for (int j = 0; j < nf; j++) {
                int f = order[j];
                double x = left + j * cw;
                Color col = ClusterPalette.diverging(z[c][f], maxAbs);
                gc.setFill(col);
                gc.fillRect(x, y, cw, ch);
                if (cw >= 22 * s && ch >= textHeight(cellFont)) {
                    gc.setFill(ClusterPalette.textOn(col));
                    gc.fillText(rawText[c][f], x + cw / 2, y + ch / 2, cw - 2 * s);
                }
            }
            // row label
            double cy = y + ch / 2;
            gc.setFill(ClusterPalette.color(c));
            gc.fillRect(10 * s, cy - 6 * s, 12 * s, 12 * s);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setFill(Color.web("#222"));
            gc.setFont(labelFont);
            boolean twoLines = ch >= textHeight(labelFont) + textHeight(smallFont);
            gc.setTextBaseline(twoLines ? VPos.BOTTOM : VPos.CENTER);
            gc.fillText(clusterNames[c], 26 * s, twoLines ? cy + 2 * s : cy, labelW);
            if (twoLines) {
                gc.setFont(smallFont);
                gc.setFill(Color.web("#555"));
                gc.setTextBaseline(VPos.TOP);
                gc.fillText(sizeText(c, total), 26 * s, cy + 2 * s, labelW);
            }
            gc.setFont(cellFont);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
        }
        // cell separators
        gc.setStroke(Color.WHITE);
        gc.setLineWidth(1 * s);
        for (int j = 1; j < nf; j++) {
            gc.strokeLine(left + j * cw, top, left + j * cw, top + k * ch - sy);
        }
        for (int c = 1; c < k; c++) {
            gc.strokeLine(left, top + c * ch - sy, left + nf * cw, top + c * ch - sy);
        }
        if (live && hoverRow >= 0 && hoverCol >= 0) {
            int j = indexInOrder(hoverCol);
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(2);
            gc.strokeRect(left + j * cw, top + hoverRow * ch - sy, cw, ch);
        }
        gc.restore();
        paintLegend(gc, left, top + viewH + 14 * s, Math.min(320 * s, nf * cw), s, smallFont);
        if (live) {
            gridLeft = left;
            gridTop = top;
            cellW = cw;
            cellH = ch;
            gridViewH = viewH;
            syncingBar = true;
            try {
                vbar.setVisible(scroll);
                if (scroll) {
                    vbar.resizeRelocate(w - 13, top, 12, viewH);
                    vbar.setMin(0);
                    vbar.setMax(maxScroll);
                    vbar.setVisibleAmount(maxScroll * viewH / (k * ch));
                    vbar.setUnitIncrement(ch);
                    vbar.setBlockIncrement(viewH);
                    vbar.setValue(scrollY);
                }
            } finally {
                syncingBar = false;
            }
            setAccessibleText("Profile heatmap, " + k + " clusters by " + nf + " features");
        }
    }

    /** Column width so that every rotated header ends inside the chart. */
    private double columnWidth(double w, double left, double right, int nf, double maxLen, double cos, double s,
            Font smallFont) {
        double cw = Math.max(4, (w - left - right) / nf);
        for (int j = 0; j < nf; j++) {
            double reach = Math.min(maxLen, textWidth(features[order[j]], smallFont)) * cos + 4 * s;
            double limit = (w - right - left - reach) / (j + 0.5);
            cw = Math.max(4, Math.min(cw, limit));
        }
        return cw;
    }

    private int hoverColFeature() {
        return hoverCol;
    }

    private int indexInOrder(int f) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] == f) {
                return i;
            }
        }
        return 0;
    }

    private String sizeText(int c, long total) {
        return ChartFormat.count(sizes[c]) + " · " + ChartFormat.percent(total == 0 ? 0 : sizes[c] / (double) total);
    }

    private void paintLegend(ChartGraphics gc, double x, double y, double width, double s, Font f) {
        double barH = 10 * s;
        Stop[] stops = new Stop[9];
        for (int i = 0; i < stops.length; i++) {
            double t = i / (double) (stops.length - 1);
            stops[i] = new Stop(t, ClusterPalette.diverging((t * 2 - 1) * maxAbs, maxAbs));
        }
        gc.setFill(new LinearGradient(x, 0, x + width, 0, false, CycleMethod.NO_CYCLE, stops));
        gc.fillRect(x, y, width, barH);
        gc.setStroke(Color.web("#999"));
        gc.setLineWidth(1 * s);
        gc.strokeRect(x, y, width, barH);
        gc.setFont(f);
        gc.setFill(Color.web("#333"));
        gc.setTextBaseline(VPos.TOP);
        double[] ticks = {-maxAbs, -maxAbs / 2, 0, maxAbs / 2, maxAbs};
        for (double t : ticks) {
            double tx = x + (t + maxAbs) / (2 * maxAbs) * width;
            gc.strokeLine(tx, y + barH, tx, y + barH + 3 * s);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(t == 0 ? "0" : ChartFormat.signed1(t), tx, y + barH + 4 * s);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("z: below ← population mean → above", x + width + 10 * s, y + barH / 2);
    }
}
