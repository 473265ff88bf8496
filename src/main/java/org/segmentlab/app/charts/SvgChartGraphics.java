package org.segmentlab.app.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * {@link ChartGraphics} that records an SVG document: the charts' own painting, as vector shapes and live text
 * (a slide or a print scales it without blur), with the state rules of {@code GraphicsContext} (save and restore
 * keep every attribute, the transform and the clip; path points are placed with the transform at the time they
 * are added). Raster images (the scatter's points) are embedded as PNG.
 *
 * <p>Record on the FX thread (the charts read their state there, and text is measured with JavaFX's fonts);
 * {@link #toSvg()} may then run on any thread: it encodes the embedded images, the slow part.
 */
public final class SvgChartGraphics implements ChartGraphics {

    private static final String SYSTEM_FONTS = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif";

    private final double width;
    private final double height;
    /** the document body: strings and {@link Raster}s, in drawing order */
    private final List<Object> parts = new ArrayList<>();
    private StringBuilder body = new StringBuilder();
    private final StringBuilder defs = new StringBuilder();
    private final Deque<State> saved = new ArrayDeque<>();
    private final Map<Font, double[]> metrics = new HashMap<>();
    private State st = new State();
    private final StringBuilder path = new StringBuilder();
    private String openClip;
    private int ids;

    /** The SVG's size in pixels (its viewBox too). */
    public SvgChartGraphics(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** Everything a {@code save()} keeps. */
    private static final class State implements Cloneable {
        Paint fill = Color.BLACK;
        Paint stroke = Color.BLACK;
        double lineWidth = 1;
        double[] dashes;
        StrokeLineCap cap = StrokeLineCap.SQUARE;
        StrokeLineJoin join = StrokeLineJoin.MITER;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        // x' = a x + c y + e, y' = b x + d y + f
        double a = 1;
        double b;
        double c;
        double d = 1;
        double e;
        double f;
        String clip;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException ex) {
                throw new AssertionError(ex);
            }
        }

        boolean identity() {
            return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0;
        }
    }

    /** An embedded image: its pixels copied when drawn, encoded as PNG in {@link #toSvg()}. */
    private record Raster(int[] argb, int w, int h, String attributes) {
    }

    // --- state ---------------------------------------------------------------------------------------------------

    @Override
    public void setFill(Paint p) {
        st.fill = p;
    }

    @Override
    public void setStroke(Paint p) {
        st.stroke = p;
    }

    @Override
    public void setLineWidth(double w) {
        if (w > 0 && Double.isFinite(w)) {
            st.lineWidth = w;
        }
    }

    @Override
    public void setLineDashes(double... dashes) {
        st.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        if (cap != null) {
            st.cap = cap;
        }
    }

    @Override
    public void setLineJoin(StrokeLineJoin join) {
        if (join != null) {
            st.join = join;
        }
    }

    @Override
    public void setFont(Font f) {
        if (f != null) {
            st.font = f;
        }
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        if (align != null) {
            st.align = align;
        }
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        if (baseline != null) {
            st.baseline = baseline;
        }
    }

    @Override
    public void save() {
        saved.push(st.copy());
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            st = saved.pop();
        }
    }

    @Override
    public void translate(double x, double y) {
        st.e += st.a * x + st.c * y;
        st.f += st.b * x + st.d * y;
    }

    @Override
    public void rotate(double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        double a = st.a * cos + st.c * sin;
        double b = st.b * cos + st.d * sin;
        double c = -st.a * sin + st.c * cos;
        double d = -st.b * sin + st.d * cos;
        st.a = a;
        st.b = b;
        st.c = c;
        st.d = d;
    }

    // --- paths (points placed with the transform of the moment, as a canvas does) ------------------------------

    @Override
    public void beginPath() {
        path.setLength(0);
    }

    @Override
    public void moveTo(double x, double y) {
        path.append('M').append(n(tx(x, y))).append(' ').append(n(ty(x, y)));
    }

    @Override
    public void lineTo(double x, double y) {
        path.append('L').append(n(tx(x, y))).append(' ').append(n(ty(x, y)));
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        moveTo(x, y);
        lineTo(x + w, y);
        lineTo(x + w, y + h);
        lineTo(x, y + h);
        path.append('Z');
    }

    @Override
    public void stroke() {
        if (path.length() == 0) {
            return;
        }
        begin().append("<path d=\"").append(path).append('"');
        strokeAttributes(Math.sqrt(Math.abs(st.a * st.d - st.b * st.c)));
        body.append("/>\n");
    }

    @Override
    public void clip() {
        String id = "c" + (++ids);
        defs.append("<clipPath id=\"").append(id).append('"');
        if (st.clip != null) {
            defs.append(" clip-path=\"url(#").append(st.clip).append(")\"");
        }
        defs.append("><path d=\"").append(path.length() == 0 ? "M0 0Z" : path).append("\"/></clipPath>\n");
        st.clip = id;
    }

    private double tx(double x, double y) {
        return st.a * x + st.c * y + st.e;
    }

    private double ty(double x, double y) {
        return st.b * x + st.d * y + st.f;
    }

    // --- shapes --------------------------------------------------------------------------------------------------

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        begin().append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"');
        transform();
        strokeAttributes(1);
        body.append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rectElement(x, y, w, h, 0, 0);
        fillAttributes();
        body.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        rectElement(x, y, w, h, 0, 0);
        strokeAttributes(1);
        body.append("/>\n");
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        // an SVG has nothing under its shapes to clear to
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        rectElement(x, y, w, h, arcWidth / 2, arcHeight / 2);
        fillAttributes();
        body.append("/>\n");
    }

    private void rectElement(double x, double y, double w, double h, double rx, double ry) {
        begin().append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append('"');
        if (rx > 0 || ry > 0) {
            body.append(" rx=\"").append(n(rx)).append("\" ry=\"").append(n(ry)).append('"');
        }
        transform();
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        ellipse(x, y, w, h);
        fillAttributes();
        body.append("/>\n");
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        ellipse(x, y, w, h);
        strokeAttributes(1);
        body.append("/>\n");
    }

    private void ellipse(double x, double y, double w, double h) {
        begin().append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2))
                .append("\" rx=\"").append(n(Math.abs(w) / 2)).append("\" ry=\"").append(n(Math.abs(h) / 2)).append('"');
        transform();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count) {
        polygon(xs, ys, count);
        fillAttributes();
        body.append("/>\n");
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count) {
        polygon(xs, ys, count);
        strokeAttributes(1);
        body.append("/>\n");
    }

    private void polygon(double[] xs, double[] ys, int count) {
        begin().append("<polygon points=\"");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append('"');
        transform();
    }

    @Override
    public void drawImage(Image img, double x, double y) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        if (w < 1 || h < 1 || img.getPixelReader() == null) {
            return;
        }
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        StringBuilder at = new StringBuilder();
        at.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append('"');
        if (!st.identity()) {
            at.append(" transform=\"").append(matrix()).append('"');
        }
        begin();
        parts.add(body.toString());
        parts.add(new Raster(argb, w, h, at.toString()));
        body = new StringBuilder();
    }

    // --- text ----------------------------------------------------------------------------------------------------

    @Override
    public void fillText(String text, double x, double y) {
        fillText(text, x, y, 0);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double[] m = metrics.computeIfAbsent(st.font, SvgChartGraphics::measure);
        double base = switch (st.baseline) {
            case TOP -> y + m[0];
            case CENTER -> y + (m[0] - m[1]) / 2;
            case BOTTOM -> y - m[1];
            default -> y;
        };
        begin().append("<text x=\"").append(n(x)).append("\" y=\"").append(n(base)).append('"');
        transform();
        Font f = st.font;
        body.append(" font-family=\"").append(family(f)).append("\" font-size=\"").append(n(f.getSize())).append('"');
        String style = f.getStyle() == null ? "" : f.getStyle().toLowerCase(java.util.Locale.ROOT);
        if (style.contains("bold")) {
            body.append(" font-weight=\"bold\"");
        }
        if (style.contains("italic")) {
            body.append(" font-style=\"italic\"");
        }
        if (st.align == TextAlignment.CENTER) {
            body.append(" text-anchor=\"middle\"");
        } else if (st.align == TextAlignment.RIGHT) {
            body.append(" text-anchor=\"end\"");
        }
        if (maxWidth > 0 && CanvasChart.textWidth(text, f) > maxWidth) {
            body.append(" textLength=\"").append(n(maxWidth)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        fillAttributes();
        body.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    /** Ascent and descent of a font, as JavaFX lays text out. */
    private static double[] measure(Font f) {
        Text t = new Text("Hg");
        t.setFont(f);
        Bounds b = t.getLayoutBounds();
        return new double[] {-b.getMinY(), b.getMaxY()};
    }

    private static String family(Font f) {
        String fam = f.getFamily();
        if (fam == null || fam.isBlank() || fam.startsWith("System")) {
            return SYSTEM_FONTS;
        }
        return "'" + escape(fam.replace("'", "")) + "', sans-serif";
    }

    // --- attributes ----------------------------------------------------------------------------------------------

    /** Opens or closes the group of the current clip as needed; returns the body to append the element to. */
    private StringBuilder begin() {
        if (!java.util.Objects.equals(openClip, st.clip)) {
            if (openClip != null) {
                body.append("</g>\n");
            }
            if (st.clip != null) {
                body.append("<g clip-path=\"url(#").append(st.clip).append(")\">\n");
            }
            openClip = st.clip;
        }
        return body;
    }

    private void transform() {
        if (!st.identity()) {
            body.append(" transform=\"").append(matrix()).append('"');
        }
    }

    private String matrix() {
        return "matrix(" + n(st.a) + ' ' + n(st.b) + ' ' + n(st.c) + ' ' + n(st.d) + ' ' + n(st.e) + ' ' + n(st.f) + ')';
    }

    private void fillAttributes() {
        paintAttribute("fill", st.fill);
    }

    /** {@code scale}: how much the transform of the moment scales a stroke drawn in device space. */
    private void strokeAttributes(double scale) {
        body.append(" fill=\"none\"");
        paintAttribute("stroke", st.stroke);
        body.append(" stroke-width=\"").append(n(st.lineWidth * scale)).append('"');
        if (st.dashes != null) {
            body.append(" stroke-dasharray=\"");
            for (int i = 0; i < st.dashes.length; i++) {
                body.append(i == 0 ? "" : ",").append(n(st.dashes[i] * scale));
            }
            body.append('"');
        }
        if (st.cap != StrokeLineCap.SQUARE) {
            body.append(" stroke-linecap=\"").append(st.cap == StrokeLineCap.ROUND ? "round" : "butt").append('"');
        }
        if (st.join != StrokeLineJoin.MITER) {
            body.append(" stroke-linejoin=\"").append(st.join == StrokeLineJoin.ROUND ? "round" : "bevel").append('"');
        }
    }

    /** {@code fill="..."} or {@code stroke="..."}, with its opacity when the colour is translucent. */
    private void paintAttribute(String attribute, Paint p) {
        body.append(' ').append(attribute).append("=\"").append(paint(p)).append('"');
        if (p instanceof Color col && col.getOpacity() < 1) {
            body.append(' ').append(attribute).append("-opacity=\"").append(n3(col.getOpacity())).append('"');
        }
    }

    /** A colour as #rrggbb, a linear gradient as a reference to its definition; other paints as black. */
    private String paint(Paint p) {
        if (p instanceof Color col) {
            return hex(col);
        }
        if (p instanceof LinearGradient g) {
            String id = "g" + (++ids);
            defs.append("<linearGradient id=\"").append(id).append('"')
                    .append(g.isProportional() ? "" : " gradientUnits=\"userSpaceOnUse\"")
                    .append(" x1=\"").append(n3(g.getStartX())).append("\" y1=\"").append(n3(g.getStartY()))
                    .append("\" x2=\"").append(n3(g.getEndX())).append("\" y2=\"").append(n3(g.getEndY())).append("\">");
            for (Stop s : g.getStops()) {
                defs.append("<stop offset=\"").append(n3(s.getOffset())).append("\" stop-color=\"").append(hex(s.getColor()))
                        .append('"');
                if (s.getColor().getOpacity() < 1) {
                    defs.append(" stop-opacity=\"").append(n3(s.getColor().getOpacity())).append('"');
                }
                defs.append("/>");
            }
            defs.append("</linearGradient>\n");
            return "url(#" + id + ")";
        }
        return "#000000";
    }

    private static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** A coordinate with at most two decimals, never in exponent notation. */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * 100);
        long abs = Math.abs(r);
        StringBuilder s = new StringBuilder(12);
        if (r < 0) {
            s.append('-');
        }
        s.append(abs / 100);
        long frac = abs % 100;
        if (frac != 0) {
            s.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                s.append(frac % 10);
            }
        }
        return s.toString();
    }

    private static String n3(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "") : "0";
    }

    /** Text for XML: markup characters escaped, control characters (not allowed in XML 1.0) dropped. */
    static String escape(String s) {
        return org.segmentlab.io.ReportHtml.esc(s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
    }

    // --- the document --------------------------------------------------------------------------------------------

    /** The SVG document (UTF-8 XML). Any thread, once the chart has been painted into this; encodes the images. */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + defs.length() + 512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .append(" version=\"1.1\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\">\n");
        if (defs.length() > 0) {
            out.append("<defs>\n").append(defs).append("</defs>\n");
        }
        out.append("<g stroke-linecap=\"square\" stroke-linejoin=\"miter\" stroke-miterlimit=\"10\">\n");
        for (Object part : parts) {
            if (part instanceof Raster r) {
                out.append("<image").append(r.attributes()).append(" preserveAspectRatio=\"none\" xlink:href=\"")
                        .append("data:image/png;base64,").append(png(r)).append("\"/>\n");
            } else {
                out.append((String) part);
            }
        }
        out.append(body);
        if (openClip != null) {
            out.append("</g>\n");
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    private static String png(Raster r) {
        BufferedImage img = new BufferedImage(r.w(), r.h(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, r.w(), r.h(), r.argb(), 0, r.w());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("No PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
