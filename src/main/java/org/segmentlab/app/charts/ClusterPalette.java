package org.segmentlab.app.charts;

import javafx.scene.paint.Color;

/**
 * The one cluster palette used by every view and export, plus the diverging scale for heatmaps.
 *
 * <p>Clusters 0..6 use the Okabe-Ito colours (colour-blind safe) without black and with yellow last, because
 * yellow is hard to read on white. Clusters 7..15 continue with Paul Tol's "muted" qualitative scheme; beyond
 * 16 clusters the colours repeat (a plot with more than 16 segments is not readable by colour anyway).
 */
public final class ClusterPalette {

    private static final String[] HEX = {
        // Okabe-Ito, black dropped, yellow last
        "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
        // Paul Tol muted, ordered so neighbours differ from the Okabe-Ito colours they resemble
        "#332288", "#CC6677", "#44AA99", "#999933", "#882255", "#88CCEE", "#117733", "#DDCC77", "#AA4499"
    };
    private static final Color[] COLORS = new Color[HEX.length];

    static {
        for (int i = 0; i < HEX.length; i++) {
            COLORS[i] = Color.web(HEX[i]);
        }
    }

    /** Stops of the diverging scale at t = -1, -0.5, 0, 0.5, 1 (ColorBrewer RdBu ends, pure white centre). */
    private static final Color[] DIVERGING = {
        Color.web("#2166AC"), Color.web("#92C5DE"), Color.WHITE, Color.web("#F4A582"), Color.web("#B2182B")
    };

    /** Colour for a missing or non-finite value in the diverging scale. */
    public static final Color MISSING = Color.web("#D9D9D9");

    private ClusterPalette() {
    }

    /** Number of distinct colours before they repeat. */
    public static int size() {
        return HEX.length;
    }

    /** Colour of cluster {@code cluster} (0-based); negative ids (noise/unassigned) are grey. */
    public static Color color(int cluster) {
        if (cluster < 0) {
            return Color.GRAY;
        }
        return COLORS[cluster % COLORS.length];
    }

    /** CSS hex form, e.g. {@code "#E69F00"}, for styles, SVG and HTML exports. */
    public static String hex(int cluster) {
        return cluster < 0 ? "#808080" : HEX[cluster % HEX.length];
    }

    /** Opaque ARGB int for raster drawing. */
    public static int argb(int cluster) {
        return toArgb(color(cluster));
    }

    /**
     * Blue-white-red colour for z, centred at 0: -maxAbs is full blue, 0 is white, +maxAbs full red; values
     * beyond the range are clamped; NaN (or maxAbs <= 0 with z != 0 undefined) gives {@link #MISSING}.
     */
    public static Color diverging(double z, double maxAbs) {
        if (!Double.isFinite(z) || !(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            return Double.isFinite(z) && z == 0 ? Color.WHITE : MISSING;
        }
        double t = Math.max(-1, Math.min(1, z / maxAbs));
        double pos = (t + 1) * 2; // 0..4 over the 5 stops
        int i = Math.min(3, (int) Math.floor(pos));
        return DIVERGING[i].interpolate(DIVERGING[i + 1], pos - i);
    }

    /** Opaque ARGB int of a colour. */
    public static int toArgb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** Black or white, whichever reads better on {@code background} (WCAG relative luminance). */
    public static Color textOn(Color background) {
        double l = 0.2126 * lin(background.getRed()) + 0.7152 * lin(background.getGreen())
                + 0.0722 * lin(background.getBlue());
        // contrast with black = (l+0.05)/0.05, with white = 1.05/(l+0.05); equal at l ~ 0.179
        return l > 0.179 ? Color.BLACK : Color.WHITE;
    }

    private static double lin(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
