package org.segmentlab.app.charts;

import java.util.Arrays;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.segmentlab.app.help.Explanation;
import org.segmentlab.app.help.Explanations;
import org.segmentlab.app.help.HelpIcon;

/**
 * A small line chart of one clustering measure against k (10-30 points) on a Canvas. Configured four times
 * (see the factories {@link #elbow()}, {@link #silhouette()}, {@link #calinskiHarabasz()},
 * {@link #daviesBouldin()}). Hover a column to read its value; click anywhere in a column to set
 * {@link #chosenKProperty()} (bind the four charts' properties together). NaN values (silhouette at k=1) are
 * skipped. The caller's arrays are copied, never modified.
 */
public class MetricByKChart extends CanvasChart {

    /** Which direction of the measure is better, shown to the user. */
    public enum Better {
        HIGHER("higher is better"), LOWER("lower is better"), KNEE("look for the bend");

        private final String text;

        Better(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private static final Color LINE = Color.web("#0072B2");
    private static final Color TIME = Color.web("#999999");
    private static final Color MARK = Color.web("#D55E00");
    private static final Color CHOSEN = Color.web("#E69F00");

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Better better;
    private final IntegerProperty chosenK = new SimpleIntegerProperty(this, "chosenK", 0);
    private final BooleanProperty showFitTime = new SimpleBooleanProperty(this, "showFitTime", false);
    private final HelpIcon infoIcon;
    private final Label betterLabel = new Label();
    private final CheckBox fitTimeToggle = new CheckBox("fit time");
    private final Label markerLabel = new Label();

    private int[] ks = new int[0];
    private double[] values = new double[0];
    private double[] fitSeconds;
    private OptionalInt marked = OptionalInt.empty();
    private String markLabel = "";
    private int hoverK;

    // geometry of the last live paint, for hit testing
    private double plotLeft, plotTop, plotW, plotH, kLo, kHi, yLo, yHi;

    /**
     * A chart whose info icon explains a measure from the help catalogue ({@link Explanations}); which way is
     * better comes from the same entry.
     *
     * @param id     node id (e.g. "elbowChart"); the marker label gets id + "Marker", the info icon id + "Info"
     * @param helpId the catalogue id, e.g. "silhouette"
     */
    public MetricByKChart(String id, String title, String xLabel, String yLabel, String helpId) {
        this(id, title, xLabel, yLabel, HelpIcon.of(helpId), better(Explanations.of(helpId).direction()));
    }

    /**
     * A chart for a measure outside the help catalogue.
     *
     * @param id     node id (e.g. "elbowChart"); the marker label gets id + "Marker"
     * @param info   plain-language explanation shown by the info icon
     */
    public MetricByKChart(String id, String title, String xLabel, String yLabel, String info, Better better) {
        this(id, title, xLabel, yLabel, HelpIcon.adHoc(new Explanation(id, title, info,
                better == Better.HIGHER ? Explanation.Direction.HIGHER : better == Better.LOWER
                        ? Explanation.Direction.LOWER : Explanation.Direction.BEND,
                capitalise(better.text()) + ".", info, "", "", null, null)), better);
    }

    private MetricByKChart(String id, String title, String xLabel, String yLabel, HelpIcon info, Better better) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.better = better;
        setId(id);
        infoIcon = info;
        infoIcon.setId(id + "Info");
        betterLabel.setText(better == Better.LOWER ? "↓ " + better.text()
                : better == Better.HIGHER ? "↑ " + better.text() : better.text());
        betterLabel.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        fitTimeToggle.setStyle("-fx-font-size: 11px;");
        fitTimeToggle.selectedProperty().bindBidirectional(showFitTime);
        fitTimeToggle.setVisible(false);
        fitTimeToggle.setTooltip(new Tooltip("Show how long each fit took, on a second axis"));
        markerLabel.setId(id + "Marker");
        markerLabel.getStyleClass().add("metric-marker");
        markerLabel.setStyle("-fx-text-fill: #D55E00; -fx-font-size: 12px;");
        markerLabel.setManaged(false);
        markerLabel.setVisible(false);
        overlay.getChildren().add(0, markerLabel);
        getChildren().addAll(infoIcon, betterLabel, fitTimeToggle);
        chosenK.addListener((o, a, b) -> requestRedraw());
        showFitTime.addListener((o, a, b) -> requestRedraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverK = 0;
            hideHover();
            requestRedraw();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int k = kAt(e.getX(), e.getY());
            if (k > 0) {
                chosenK.set(k);
            }
            requestFocus();
        });
        // keyboard: Tab focuses the chart, Left/Right (or Up/Down) step the chosen k, Home/End jump to the ends
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int step = switch (e.getCode()) {
                case LEFT, DOWN, KP_LEFT -> -1;
                case RIGHT, UP, KP_RIGHT -> 1;
                case HOME -> Integer.MIN_VALUE;
                case END -> Integer.MAX_VALUE;
                default -> 0;
            };
            if (step != 0 && stepChosenK(step)) {
                e.consume();
            }
        });
        // the focus frame shows only for keyboard focus (Tab), not after a click or at start-up
        focusVisibleProperty().addListener((o, a, b) -> requestRedraw());
        setAccessibleRole(javafx.scene.AccessibleRole.SLIDER);
        setAccessibleHelp("Left and Right arrows change the chosen number of clusters");
        canvas.setAccessibleText(title);
    }

    /** Inertia against k; mark the knee with {@code setData(..., OptionalInt.of(k), "knee k=" + k)}. */
    public static MetricByKChart elbow() {
        return new MetricByKChart("elbowChart", "Elbow: inertia by k", "number of clusters k",
                "inertia", "elbow"); // the info icon says what inertia is; a long axis title overran the chart

    }

    public static MetricByKChart silhouette() {
        return new MetricByKChart("silhouetteChart", "Mean silhouette by k", "number of clusters k",
                "mean silhouette", "silhouette");
    }

    public static MetricByKChart calinskiHarabasz() {
        return new MetricByKChart("chChart", "Calinski-Harabasz by k", "number of clusters k",
                "Calinski-Harabasz index", "calinski-harabasz");
    }

    public static MetricByKChart daviesBouldin() {
        return new MetricByKChart("dbChart", "Davies-Bouldin by k", "number of clusters k",
                "Davies-Bouldin index", "davies-bouldin");
    }

    private static Better better(Explanation.Direction d) {
        return switch (d) {
            case HIGHER -> Better.HIGHER;
            case LOWER -> Better.LOWER;
            default -> Better.KNEE;
        };
    }

    /** The info icon beside the title (opens the measure's learn-more pane). */
    public HelpIcon infoIcon() {
        return infoIcon;
    }

    /**
     * Replaces the data.
     *
     * @param ks        the k values, ascending (copied)
     * @param values    measure per k; NaN is skipped (copied)
     * @param marked    a k to mark with a dashed vertical line (knee, best), or empty
     * @param markLabel text beside the marker, e.g. "knee k=4"
     */
    public void setData(int[] ks, double[] values, OptionalInt marked, String markLabel) {
        if (ks.length != values.length) {
            throw new IllegalArgumentException(getId() + ": " + ks.length + " k values but " + values.length
                    + " measure values");
        }
        this.ks = ks.clone();
        this.values = values.clone();
        this.marked = marked == null ? OptionalInt.empty() : marked;
        this.markLabel = markLabel == null ? "" : markLabel;
        if (fitSeconds != null && fitSeconds.length != ks.length) {
            fitSeconds = null;
        }
        fitTimeToggle.setVisible(fitSeconds != null);
        requestRedraw();
    }

    /** Fit time in seconds per k (parallel to the ks of setData), shown on a right axis when toggled. */
    public void setFitTimes(double[] seconds) {
        this.fitSeconds = seconds == null ? null : seconds.clone();
        fitTimeToggle.setVisible(fitSeconds != null && fitSeconds.length == ks.length);
        requestRedraw();
    }

    /** The k the user chose (0 = none). Bind the four charts' properties bidirectionally. */
    /**
     * Moves the chosen k to the neighbouring k of the data ({@code step} -1 or +1; Integer.MIN_VALUE/MAX_VALUE for
     * the first/last). With no k chosen yet, starts from the marked k, else the first. Returns false when nothing
     * changed (no data, or already at the end).
     */
    public boolean stepChosenK(int step) {
        if (ks.length == 0) {
            return false;
        }
        int cur = -1;
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == chosenK.get()) {
                cur = i;
            }
        }
        int next;
        if (step == Integer.MIN_VALUE) {
            next = 0;
        } else if (step == Integer.MAX_VALUE) {
            next = ks.length - 1;
        } else if (cur < 0) {
            next = 0;
            for (int i = 0; i < ks.length; i++) {
                if (marked.isPresent() && ks[i] == marked.getAsInt()) {
                    next = i;
                }
            }
        } else {
            next = Math.max(0, Math.min(ks.length - 1, cur + step));
        }
        if (next == cur) {
            return false;
        }
        chosenK.set(ks[next]);
        return true;
    }

    public IntegerProperty chosenKProperty() {
        return chosenK;
    }

    public BooleanProperty showFitTimeProperty() {
        return showFitTime;
    }

    /** Number of drawn points (finite values). */
    public int getPointCount() {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    public OptionalInt getMarkedK() {
        return marked;
    }

    public String getMarkLabel() {
        return markLabel;
    }

    /** The hover text for column k, e.g. "k = 4: 0.198", or null if k has no value. */
    public String valueTextAt(int k) {
        int i = indexOf(k);
        if (i < 0) {
            return null;
        }
        String s = "k = " + k + ": " + (Double.isFinite(values[i]) ? ChartFormat.sig3(values[i]) : "not defined");
        if (showFitTime.get() && fitSeconds != null && i < fitSeconds.length) {
            s += "\nfit time " + ChartFormat.sig3(fitSeconds[i]) + " s";
        }
        return s;
    }

    /** Local coordinates of the point for k (from the last paint), or null when k has no finite value. */
    public Point2D pointLocation(int k) {
        int i = indexOf(k);
        if (i < 0 || !Double.isFinite(values[i]) || plotW <= 0) {
            return null;
        }
        return new Point2D(sx(k), sy(values[i]));
    }

    private int indexOf(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return i;
            }
        }
        return -1;
    }

    private int kAt(double x, double y) {
        if (ks.length == 0 || plotW <= 0 || x < plotLeft || x > plotLeft + plotW || y < plotTop - 4
                || y > plotTop + plotH + 4) {
            return 0;
        }
        double kk = kLo + (x - plotLeft) / plotW * (kHi - kLo);
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int k : ks) {
            double d = Math.abs(k - kk);
            if (d < bd) {
                bd = d;
                best = k;
            }
        }
        return bd <= 0.5 ? best : 0;
    }

    private void onMove(MouseEvent e) {
        int k = kAt(e.getX(), e.getY());
        if (k != hoverK) {
            hoverK = k;
            requestRedraw();
        }
        if (k > 0) {
            Point2D p = pointLocation(k);
            showHover(valueTextAt(k), p != null ? p.getX() : e.getX(), p != null ? p.getY() : e.getY());
        } else {
            hideHover();
        }
    }

    private double sx(double k) {
        return plotLeft + (k - kLo) / (kHi - kLo) * plotW;
    }

    private double sy(double v) {
        return plotTop + plotH - (v - yLo) / (yHi - yLo) * plotH;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = getWidth();
        infoIcon.autosize();
        infoIcon.relocate(w - infoIcon.getWidth() - 6, 4);
        betterLabel.autosize();
        betterLabel.relocate(w - infoIcon.getWidth() - betterLabel.getWidth() - 12, 6);
        fitTimeToggle.autosize();
        fitTimeToggle.relocate(w - infoIcon.getWidth() - betterLabel.getWidth() - fitTimeToggle.getWidth() - 22, 5);
    }

    @Override
    protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        Font titleFont = font(s, 1.15, true);
        Font labelFont = font(s, 0.95, false);
        Font tickFont = font(s, 0.85, false);
        boolean time = showFitTime.get() && fitSeconds != null && fitSeconds.length == ks.length;

        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(Color.web("#222"));
        gc.setFont(titleFont);
        gc.fillText(title, 10 * s, 7 * s);
        if (!live) {
            gc.setFont(tickFont);
            gc.setFill(Color.web("#555"));
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(betterLabel.getText(), w - 10 * s, 9 * s);
        }

        double th = textHeight(tickFont);
        double left = 14 * s + textHeight(labelFont) + yTickWidth(tickFont) + 6 * s;
        double right = time ? 14 * s + textHeight(labelFont) + 40 * s : 16 * s;
        double top = 16 * s + textHeight(titleFont);
        double bottom = th + textHeight(labelFont) + 16 * s;
        double pw = Math.max(10, w - left - right), ph = Math.max(10, h - top - bottom);

        // ranges
        int kMin = ks.length == 0 ? 1 : Arrays.stream(ks).min().getAsInt();
        int kMax = ks.length == 0 ? 10 : Arrays.stream(ks).max().getAsInt();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= Math.abs(lo) * 0.1 + 0.5;
            hi += Math.abs(hi) * 0.1 + 0.5;
        }
        double pad = (hi - lo) * 0.08;
        double[] yt = NiceTicks.ticks(lo - pad, hi + pad, Math.max(2, (int) (ph / (40 * s))));
        double gLo = lo - pad, gHi = hi + pad;
        // keep the live geometry for hit tests only from the on-screen paint
        double saveL = plotLeft, saveT = plotTop, saveW = plotW, saveH = plotH, saveKL = kLo, saveKH = kHi,
                saveYL = yLo, saveYH = yHi;
        plotLeft = left;
        plotTop = top;
        plotW = pw;
        plotH = ph;
        kLo = kMin - 0.5;
        kHi = kMax + 0.5;
        yLo = gLo;
        yHi = gHi;

        // chosen column
        int ck = chosenK.get();
        if (ck > 0 && indexOf(ck) >= 0) {
            gc.setFill(CHOSEN.deriveColor(0, 1, 1, 0.22));
            gc.fillRect(sx(ck - 0.5), top, sx(ck + 0.5) - sx(ck - 0.5), ph);
        }
        if (live && isFocusVisible()) {
            // keyboard focus: a dashed frame around the chosen column (or the plot if none is chosen)
            gc.setStroke(Color.web("#0072B2"));
            gc.setLineWidth(1.5);
            gc.setLineDashes(4, 3);
            if (ck > 0 && indexOf(ck) >= 0) {
                gc.strokeRect(sx(ck - 0.5) + 1, top + 1, sx(ck + 0.5) - sx(ck - 0.5) - 2, ph - 2);
            } else {
                gc.strokeRect(left + 1, top + 1, pw - 2, ph - 2);
            }
            gc.setLineDashes();
        }
        if (live && hoverK > 0 && hoverK != ck) {
            gc.setFill(Color.web("#000000", 0.05));
            gc.fillRect(sx(hoverK - 0.5), top, sx(hoverK + 0.5) - sx(hoverK - 0.5), ph);
        }
        // grid and y ticks
        gc.setLineWidth(1 * s);
        gc.setFont(tickFont);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        for (double t : yt) {
            double y = sy(t);
            gc.setStroke(Color.web("#E6E6E6"));
            gc.strokeLine(left, y, left + pw, y);
            gc.setFill(Color.web("#444"));
            gc.fillText(tickText(t, yt), left - 5 * s, y);
        }
        // x ticks
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        int step = Math.max(1, (int) Math.ceil((kMax - kMin + 1) / (pw / (28 * s))));
        for (int k = kMin; k <= kMax; k += step) {
            double x = sx(k);
            gc.setStroke(Color.web("#888"));
            gc.strokeLine(x, top + ph, x, top + ph + 4 * s);
            gc.setFill(k == ck ? Color.BLACK : Color.web("#444"));
            gc.fillText(Integer.toString(k), x, top + ph + 6 * s);
        }
        gc.setStroke(Color.web("#888"));
        gc.strokeLine(left, top + ph, left + pw, top + ph);
        gc.strokeLine(left, top, left, top + ph);
        // axis labels
        gc.setFont(labelFont);
        gc.setFill(Color.web("#333"));
        gc.fillText(xLabel, left + pw / 2, top + ph + th + 10 * s);
        gc.save();
        gc.translate(8 * s, top + ph / 2);
        gc.rotate(-90);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(yLabel, 0, 0);
        gc.restore();

        // secondary series: fit time
        if (time) {
            double tmax = 0;
            for (double t : fitSeconds) {
                if (Double.isFinite(t)) {
                    tmax = Math.max(tmax, t);
                }
            }
            tmax = tmax > 0 ? tmax * 1.08 : 1;
            double[] tt = NiceTicks.ticks(0, tmax, Math.max(2, (int) (ph / (40 * s))));
            gc.setFont(tickFont);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.CENTER);
            gc.setFill(TIME.darker());
            for (double t : tt) {
                gc.fillText(tickText(t, tt), left + pw + 5 * s, top + ph - t / tmax * ph);
            }
            gc.setStroke(TIME);
            gc.setLineDashes(3 * s, 3 * s);
            gc.setLineWidth(1.5 * s);
            gc.beginPath();
            boolean started = false;
            for (int i = 0; i < ks.length; i++) {
                if (!Double.isFinite(fitSeconds[i])) {
                    started = false;
                    continue;
                }
                double x = sx(ks[i]), y = top + ph - fitSeconds[i] / tmax * ph;
                if (started) {
                    gc.lineTo(x, y);
                } else {
                    gc.moveTo(x, y);
                    started = true;
                }
            }
            gc.stroke();
            gc.setLineDashes();
            gc.save();
            gc.translate(w - 4 * s - textHeight(labelFont), top + ph / 2);
            gc.rotate(-90);
            gc.setFont(labelFont);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText("fit time (s)", 0, 0);
            gc.restore();
        }

        // marker (knee / best)
        boolean showMarker = marked.isPresent() && indexOf(marked.getAsInt()) >= 0;
        if (showMarker) {
            double x = sx(marked.getAsInt());
            gc.setStroke(MARK);
            gc.setLineWidth(1.5 * s);
            gc.setLineDashes(6 * s, 4 * s);
            gc.strokeLine(x, top, x, top + ph);
            gc.setLineDashes();
            if (!live) {
                gc.setFont(font(s, 1.0, false));
                gc.setFill(MARK);
                gc.setTextBaseline(VPos.TOP);
                boolean rightHalf = x > left + pw * 0.7;
                gc.setTextAlign(rightHalf ? TextAlignment.RIGHT : TextAlignment.LEFT);
                gc.fillText(markLabel, rightHalf ? x - 5 * s : x + 5 * s, top + 3 * s);
            }
        }

        // the line, broken at NaN
        gc.setStroke(LINE);
        gc.setLineWidth(2 * s);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.beginPath();
        boolean started = false;
        for (int i = 0; i < ks.length; i++) {
            if (!Double.isFinite(values[i])) {
                started = false;
                continue;
            }
            if (started) {
                gc.lineTo(sx(ks[i]), sy(values[i]));
            } else {
                gc.moveTo(sx(ks[i]), sy(values[i]));
                started = true;
            }
        }
        gc.stroke();
        double r = 4 * s;
        for (int i = 0; i < ks.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            double x = sx(ks[i]), y = sy(values[i]);
            boolean chosen = ks[i] == ck;
            double rr = chosen ? r * 1.6 : (live && ks[i] == hoverK ? r * 1.3 : r);
            gc.setFill(chosen ? CHOSEN : Color.WHITE);
            gc.fillOval(x - rr, y - rr, 2 * rr, 2 * rr);
            gc.setStroke(chosen ? Color.BLACK : LINE);
            gc.setLineWidth((chosen ? 2 : 1.8) * s);
            gc.strokeOval(x - rr, y - rr, 2 * rr, 2 * rr);
        }

        if (live) {
            if (showMarker && !markLabel.isEmpty()) {
                markerLabel.setText(markLabel);
                markerLabel.setVisible(true);
                markerLabel.applyCss();
                markerLabel.autosize();
                double x = sx(marked.getAsInt());
                boolean rightHalf = x > left + pw * 0.7;
                markerLabel.relocate(rightHalf ? x - 5 - markerLabel.getWidth() : x + 5, top + 2);
            } else {
                markerLabel.setVisible(false);
            }
            canvas.setAccessibleText(title + ", " + getPointCount() + " points"
                    + (showMarker ? ", " + markLabel : "") + (ck > 0 ? ", chosen k " + ck : ""));
        } else {
            plotLeft = saveL;
            plotTop = saveT;
            plotW = saveW;
            plotH = saveH;
            kLo = saveKL;
            kHi = saveKH;
            yLo = saveYL;
            yHi = saveYH;
        }
    }

    private double yTickWidth(Font f) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return textWidth("0.00", f);
        }
        double[] t = NiceTicks.ticks(lo, hi, 5);
        double m = 0;
        for (double v : t) {
            m = Math.max(m, textWidth(tickText(v, t), f));
        }
        return Math.max(m, textWidth("0.0", f));
    }

    /** Tick text with just enough decimals to tell neighbouring ticks apart. */
    public static String tickText(double v, double[] ticks) {
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(v);
        if (step == 0 || Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v != 0)) {
            return ChartFormat.sig3(v);
        }
        // fewest decimals that show the step exactly: 0.1 -> 1, 0.25 -> 2, 0.02 -> 2, 500 -> 0
        int decimals = 0;
        while (decimals < 6) {
            double scaled = step * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                break;
            }
            decimals++;
        }
        return String.format(java.util.Locale.ROOT, "%,." + Math.min(decimals, 6) + "f", v);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
