package org.segmentlab.app.charts;

import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the charts draw with: the part of JavaFX's {@code GraphicsContext} they use, with the same names and
 * meaning, so one drawing path serves the screen and the PNG exports ({@link FxChartGraphics}, a canvas) and
 * the SVG export ({@link SvgChartGraphics}, vector shapes and text).
 */
public interface ChartGraphics {

    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    void setLineDashes(double... dashes);

    void setLineCap(StrokeLineCap cap);

    void setLineJoin(StrokeLineJoin join);

    void setFont(Font f);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);

    /** As {@code GraphicsContext.fillText} with a maximum width: wider text is squeezed to fit. */
    void fillText(String text, double x, double y, double maxWidth);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** Clears to transparent on a canvas; an SVG has nothing under it, so there it draws nothing. */
    void clearRect(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolygon(double[] xs, double[] ys, int n);

    void drawImage(Image img, double x, double y);

    void save();

    void restore();

    void translate(double x, double y);

    /** Rotates by {@code degrees}, clockwise on screen (as {@code GraphicsContext.rotate}). */
    void rotate(double degrees);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void rect(double x, double y, double w, double h);

    void stroke();

    void clip();
}
