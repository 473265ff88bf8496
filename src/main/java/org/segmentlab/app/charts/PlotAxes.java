package org.segmentlab.app.charts;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The frame and tick marks of a data plot (the PCA scatter, the Learn tab's stepper), drawn the same way. */
public final class PlotAxes {

    private PlotAxes() {
    }

    /**
     * Strokes the plot frame at (left, top, pw, ph) and labels nice ticks of the viewport below and to the left,
     * spaced about 80 px (x) and 50 px (y) apart at text scale {@code s}. Leaves the font and fill as it set them.
     */
    public static void frameAndTicks(ChartGraphics gc, Viewport vp, double left, double top, int pw, int ph, double s,
                                     Font tickFont) {
        gc.setStroke(Color.web("#888"));
        gc.strokeRect(left, top, pw, ph);
        gc.setFont(tickFont);
        gc.setFill(Color.web("#444"));
        double[] xt = NiceTicks.ticks(vp.xMin(), vp.xMax(), Math.max(2, (int) (pw / (80 * s))));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double t : xt) {
            double x = vp.toScreenX(t);
            gc.strokeLine(x, top + ph, x, top + ph + 4 * s);
            gc.fillText(MetricByKChart.tickText(t, xt), x, top + ph + 6 * s);
        }
        double[] yt = NiceTicks.ticks(vp.yMin(), vp.yMax(), Math.max(2, (int) (ph / (50 * s))));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double t : yt) {
            double y = vp.toScreenY(t);
            gc.strokeLine(left - 4 * s, y, left, y);
            gc.fillText(MetricByKChart.tickText(t, yt), left - 6 * s, y);
        }
    }
}
