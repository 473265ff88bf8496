package org.segmentlab.app.learn;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.segmentlab.app.charts.CanvasChart;
import org.segmentlab.app.charts.MetricByKChart;
import org.segmentlab.app.charts.NiceTicks;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.prep.Numbers;
import org.segmentlab.app.charts.ChartGraphics;

/**
 * Inertia after every half-step of a run, growing as the run goes: an assignment at iteration i + 0.5,
 * the move that follows at i + 1, so whole numbers are completed iterations. A staircase that only goes
 * down shows the student that both half-steps lower the inertia. Points from the states it is given;
 * nothing is kept from the caller.
 */
public final class InertiaChart extends CanvasChart {

    private static final Color LINE = Color.web("#0072B2");
    private static final Color ASSIGN = Color.web("#D55E00");

    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private boolean[] assigned = new boolean[0];

    public InertiaChart() {
        setId("learnInertiaChart");
        setPrefSize(320, 240);
    }

    /** The run's states, oldest first; the start (no inertia yet) is skipped. */
    public void setHistory(List<KMeansStepper.State> states) {
        int m = 0;
        for (KMeansStepper.State s : states) {
            if (!Double.isNaN(s.inertia())) {
                m++;
            }
        }
        xs = new double[m];
        ys = new double[m];
        assigned = new boolean[m];
        int j = 0;
        for (KMeansStepper.State s : states) {
            if (Double.isNaN(s.inertia())) {
                continue;
            }
            boolean a = s.phase() == KMeansStepper.Phase.ASSIGNED;
            xs[j] = s.iteration() + (a ? 0.5 : 0);
            ys[j] = s.inertia();
            assigned[j] = a;
            j++;
        }
        canvas.setAccessibleText("Inertia per iteration, " + m + " points"
                + (m > 0 ? ", now " + Numbers.significant(ys[m - 1], 4) : ""));
        requestRedraw();
    }

    /** Number of plotted points (half-steps with an inertia). */
    public int pointCount() {
        return xs.length;
    }

    /** The plotted inertia values, oldest first (a copy). */
    public double[] values() {
        return ys.clone();
    }

    @Override
    protected void paint(ChartGraphics gc, double w, double h, double s, boolean live) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        Font title = font(s, 1.0, true);
        Font tick = font(s, 0.8, false);
        gc.setFill(Color.web("#222"));
        gc.setFont(title);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText("Inertia per iteration", 10 * s, 6 * s);
        gc.setFont(font(s, 0.8, false));
        gc.setFill(Color.web("#555"));
        gc.fillText("\u2193 lower is better; each step lowers it", 10 * s, 8 * s + textHeight(title));
        double top = 14 * s + textHeight(title) + textHeight(tick) + 4 * s;
        double lo;
        double hi;
        if (ys.length == 0) {
            lo = 0;
            hi = 1;
        } else {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (double v : ys) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 1e-3 + 1e-12);
            lo -= pad;
            hi += pad;
        }
        double[] yt = NiceTicks.ticks(lo, hi, 4);
        double left = 14 * s + textWidth(yt.length > 0 ? MetricByKChart.tickText(yt[yt.length - 1], yt) + "0" : "0000", tick);
        double bottom = 2 * textHeight(tick) + 14 * s;
        double right = 12 * s;
        double pw = Math.max(1, w - left - right);
        double ph = Math.max(1, h - top - bottom);
        double xMax = Math.max(2, xs.length == 0 ? 2 : Math.ceil(xs[xs.length - 1]));
        gc.setStroke(Color.web("#888"));
        gc.setLineWidth(1 * s);
        gc.strokeRect(left, top, pw, ph);
        gc.setFont(tick);
        gc.setFill(Color.web("#444"));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double t : yt) {
            double y = top + ph - (t - lo) / (hi - lo) * ph;
            gc.setStroke(Color.web("#E6E6E6"));
            gc.strokeLine(left, y, left + pw, y);
            gc.fillText(MetricByKChart.tickText(t, yt), left - 5 * s, y);
        }
        double[] xt = NiceTicks.ticks(0, xMax, Math.max(2, (int) (pw / (50 * s))));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.setStroke(Color.web("#888"));
        for (double t : xt) {
            if (t != Math.rint(t)) {
                continue; // iterations are whole numbers
            }
            double x = left + t / xMax * pw;
            gc.strokeLine(x, top + ph, x, top + ph + 4 * s);
            gc.fillText(String.valueOf((long) t), x, top + ph + 5 * s);
        }
        gc.fillText("iteration", left + pw / 2, top + ph + 7 * s + textHeight(tick));
        if (xs.length == 0) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.setFill(Color.web("#777"));
            gc.fillText("Step to see the inertia fall", left + pw / 2, top + ph / 2);
            return;
        }
        gc.setStroke(LINE);
        gc.setLineWidth(2 * s);
        gc.beginPath();
        for (int i = 0; i < xs.length; i++) {
            double x = left + xs[i] / xMax * pw;
            double y = top + ph - (ys[i] - lo) / (hi - lo) * ph;
            if (i == 0) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
        double r = (xs.length > 80 ? 2 : 3.5) * s;
        for (int i = 0; i < xs.length; i++) {
            double x = left + xs[i] / xMax * pw;
            double y = top + ph - (ys[i] - lo) / (hi - lo) * ph;
            gc.setFill(assigned[i] ? ASSIGN : LINE);
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        // legend: which dot is which half-step
        gc.setFont(tick);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.TOP);
        double lx = left + pw - 6 * s;
        double ly = top + 5 * s;
        gc.setFill(Color.web("#444"));
        gc.fillText("after assign", lx, ly);
        gc.fillText("after move", lx, ly + textHeight(tick) + 2 * s);
        double tw = Math.max(textWidth("after assign", tick), textWidth("after move", tick));
        gc.setFill(ASSIGN);
        gc.fillOval(lx - tw - 12 * s, ly + textHeight(tick) / 2 - 3.5 * s, 7 * s, 7 * s);
        gc.setFill(LINE);
        gc.fillOval(lx - tw - 12 * s, ly + textHeight(tick) * 1.5 + 2 * s - 3.5 * s, 7 * s, 7 * s);
    }
}
