package org.segmentlab.app.charts;

/** "Nice" axis ticks (1, 2, 2.5, 5 x 10^n) for a data range; pure logic. */
public final class NiceTicks {

    private NiceTicks() {
    }

    /** Tick values within [lo, hi], about {@code target} of them; empty for a degenerate range. */
    public static double[] ticks(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || target < 1) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        n = Math.max(0, Math.min(n, 1000));
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double v = first + i * step;
            t[i] = Math.abs(v) < step * 1e-9 ? 0 : v; // avoid "-0" labels
        }
        return t;
    }
}
