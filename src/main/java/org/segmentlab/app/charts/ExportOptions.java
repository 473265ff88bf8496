package org.segmentlab.app.charts;

/**
 * How to export a chart as an image. Immutable.
 *
 * @param width  logical width in pixels (the image is {@code width * scale} pixels wide)
 * @param height logical height in pixels
 * @param scale  1 for normal, 2 for HiDPI (everything, text included, is drawn twice as large)
 * @param title  drawn above the chart in bold; null or blank = no title band
 * @param footer drawn below the chart in small grey text, e.g. "cc_general.csv · k = 4 · 2026-11-25"; null or
 *               blank = no footer band
 */
public record ExportOptions(int width, int height, double scale, String title, String footer) {

    /** Default export size: 1920 x 1080. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;
    /** Largest image side accepted (16384 px), so a typo cannot ask for gigabytes. */
    public static final int MAX_SIDE = 16_384;

    public ExportOptions {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("ExportOptions: scale must be positive (1, or 2 for HiDPI), got "
                    + scale);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("ExportOptions: size must be positive, got " + width + " x " + height);
        }
        if (Math.round(width * scale) > MAX_SIDE || Math.round(height * scale) > MAX_SIDE) {
            throw new IllegalArgumentException("ExportOptions: " + width + " x " + height + " at scale " + scale
                    + " is larger than " + MAX_SIDE + " pixels on a side; choose a smaller size or scale");
        }
    }

    /** 1920 x 1080, scale 1, no title, no footer. */
    public static ExportOptions defaults() {
        return new ExportOptions(DEFAULT_WIDTH, DEFAULT_HEIGHT, 1, null, null);
    }

    /** Size {@code width x height} at scale 1, no title or footer. */
    public static ExportOptions of(int width, int height) {
        return new ExportOptions(width, height, 1, null, null);
    }

    public ExportOptions withSize(int w, int h) {
        return new ExportOptions(w, h, scale, title, footer);
    }

    public ExportOptions withScale(double s) {
        return new ExportOptions(width, height, s, title, footer);
    }

    public ExportOptions withTitle(String t) {
        return new ExportOptions(width, height, scale, t, footer);
    }

    public ExportOptions withFooter(String f) {
        return new ExportOptions(width, height, scale, title, f);
    }

    /** Width of the image in pixels ({@code width * scale}, rounded). */
    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** Height of the image in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /**
     * Factor for fonts and line widths: the image width over the 1200-pixel reference (never below 1), so text
     * keeps its share of the picture at any export size.
     */
    public double textScale() {
        return Math.max(1.0, pixelWidth() / 1200.0);
    }

    boolean hasTitle() {
        return title != null && !title.isBlank();
    }

    boolean hasFooter() {
        return footer != null && !footer.isBlank();
    }
}
