package org.segmentlab.app.charts;

/**
 * Maps data coordinates to screen pixels for a plot rectangle, and supports zoom about a screen point, pan and
 * reset to the home range. Screen y grows downwards, data y upwards. Pure logic (no JavaFX), mutable; owned by
 * one chart on the FX thread.
 */
public final class Viewport {

    private double homeX0 = 0, homeX1 = 1, homeY0 = 0, homeY1 = 1;
    private double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    private double left, top, width = 1, height = 1;
    private boolean equalAspect;
    private boolean atHome = true;

    /** Sets the home (reset) range and shows it; a zero-width range is widened so transforms stay finite. */
    public void setHome(double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin)) {
            double c = Double.isFinite(xMin) ? xMin : 0;
            xMin = c - 0.5;
            xMax = c + 0.5;
        }
        if (!(yMax > yMin)) {
            double c = Double.isFinite(yMin) ? yMin : 0;
            yMin = c - 0.5;
            yMax = c + 0.5;
        }
        homeX0 = xMin;
        homeX1 = xMax;
        homeY0 = yMin;
        homeY1 = yMax;
        reset();
    }

    /** Home range with a margin (fraction of the span on each side) around the data extent. */
    public void setHomeFromData(double[] xs, double[] ys, double margin) {
        double[] h = homeFromData(xs, ys, margin);
        setHome(h[0], h[1], h[2], h[3]);
    }

    /**
     * The home range {xMin, xMax, yMin, yMax} that {@link #setHomeFromData} would set; pure, so it can run off the
     * FX thread for a million points. Not modified: xs, ys.
     */
    public static double[] homeFromData(double[] xs, double[] ys, double margin) {
        double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
        double c = Double.POSITIVE_INFINITY, d = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i], y = ys[i];
            if (Double.isFinite(x) && Double.isFinite(y)) {
                a = Math.min(a, x);
                b = Math.max(b, x);
                c = Math.min(c, y);
                d = Math.max(d, y);
            }
        }
        if (a > b) {
            return new double[] {-1, 1, -1, 1};
        }
        double mx = (b - a) * margin, my = (d - c) * margin;
        return new double[] {a - mx, b + mx, c - my, d + my};
    }

    /**
     * Sets the screen rectangle of the plot area in pixels. With equal aspect on, a new size keeps the home view
     * fitted (when at home) or else keeps the x range and centre and adapts the y range.
     */
    public void setScreen(double left, double top, double width, double height) {
        double w = Math.max(1, width), h = Math.max(1, height);
        boolean resized = w != this.width || h != this.height;
        this.left = left;
        this.top = top;
        this.width = w;
        this.height = h;
        if (equalAspect && resized) {
            if (atHome) {
                reset();
            } else {
                double cy = (y0 + y1) / 2, half = dataPerPixelX() * this.height / 2;
                y0 = cy - half;
                y1 = cy + half;
            }
        }
    }

    /**
     * Equal aspect: one data unit is as long on screen along x as along y (PCA distances stay true). The home
     * view then grows along one axis about its centre so the whole home range still fits. Off by default.
     */
    public void setEqualAspect(boolean on) {
        if (on != equalAspect) {
            equalAspect = on;
            reset();
        }
    }

    public boolean isEqualAspect() {
        return equalAspect;
    }

    public void reset() {
        x0 = homeX0;
        x1 = homeX1;
        y0 = homeY0;
        y1 = homeY1;
        if (equalAspect) {
            double dpp = Math.max((x1 - x0) / width, (y1 - y0) / height);
            double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
            x0 = cx - dpp * width / 2;
            x1 = cx + dpp * width / 2;
            y0 = cy - dpp * height / 2;
            y1 = cy + dpp * height / 2;
        }
        atHome = true;
    }

    public double toScreenX(double x) {
        return left + (x - x0) / (x1 - x0) * width;
    }

    public double toScreenY(double y) {
        return top + height - (y - y0) / (y1 - y0) * height;
    }

    public double toDataX(double sx) {
        return x0 + (sx - left) / width * (x1 - x0);
    }

    public double toDataY(double sy) {
        return y0 + (top + height - sy) / height * (y1 - y0);
    }

    /** Data units per pixel along x. */
    public double dataPerPixelX() {
        return (x1 - x0) / width;
    }

    /** Data units per pixel along y. */
    public double dataPerPixelY() {
        return (y1 - y0) / height;
    }

    /**
     * Zooms by {@code factor} (&gt;1 zooms in) about screen point (sx, sy): the data point under it stays under
     * it. The zoom is limited so the span never shrinks below 1e-9 of the home span or grows past 1e3 times it.
     */
    public void zoomAbout(double sx, double sy, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            return;
        }
        double homeSpan = homeX1 - homeX0;
        double span = (x1 - x0) / factor;
        if (span < homeSpan * 1e-9 || span > homeSpan * 1e3) {
            return;
        }
        double dx = toDataX(sx), dy = toDataY(sy);
        atHome = false;
        x0 = dx - (dx - x0) / factor;
        x1 = dx + (x1 - dx) / factor;
        y0 = dy - (dy - y0) / factor;
        y1 = dy + (y1 - dy) / factor;
    }

    /** Pans so that content moves by (dxPixels, dyPixels) on screen (drag direction). */
    public void panPixels(double dxPixels, double dyPixels) {
        double ddx = dxPixels * dataPerPixelX();
        double ddy = dyPixels * dataPerPixelY();
        if (ddx != 0 || ddy != 0) {
            atHome = false;
        }
        x0 -= ddx;
        x1 -= ddx;
        y0 += ddy;
        y1 += ddy;
    }

    public double xMin() {
        return x0;
    }

    public double xMax() {
        return x1;
    }

    public double yMin() {
        return y0;
    }

    public double yMax() {
        return y1;
    }

    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** True when showing the home range (as fitted for equal aspect), i.e. not zoomed or panned since reset. */
    public boolean isHome() {
        return atHome;
    }
}
