package org.segmentlab.app.table;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as users read them (DESIGN.md): 3 significant digits, thousands separators, 1-decimal %. */
public final class Formats {

    private Formats() {
    }

    /** One per thread (NumberFormat is not thread-safe); making one per call showed up in FX-thread samples. */
    private static final ThreadLocal<NumberFormat> COUNT =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.US));

    /** "8,950". */
    public static String count(long n) {
        return COUNT.get().format(n);
    }

    /** "3.5%"; "0.0%" when the total is 0. */
    public static String percent(long part, long total) {
        double p = total == 0 ? 0 : 100.0 * part / total;
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /**
     * 3 significant digits without exponent for ordinary magnitudes ("0.198", "1,565" for large values,
     * which keep their integer digits), "" for NaN.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return a >= 1e12 ? String.format(Locale.ROOT, "%.3g", v) : count(Math.round(v));
        }
        if (a != 0 && a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        // the charts' rounding: the same digits as BigDecimal's HALF_UP round, without a BigDecimal per cell
        return org.segmentlab.app.charts.ChartFormat.plain3(v);
    }
}
