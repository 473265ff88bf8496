package org.segmentlab.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats shared by the charts (DESIGN.md: 3 significant digits, thousands separators, 1-decimal %). */
public final class ChartFormat {

    private static final MathContext SIG3 = new MathContext(3, RoundingMode.HALF_EVEN);

    private ChartFormat() {
    }

    /** 3 significant digits with thousands separators: 3260.4 -> "3,260", 40.94 -> "40.9", 0.01234 -> "0.0123". */
    public static String sig3(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(v).round(SIG3);
        if (r.abs().compareTo(BigDecimal.valueOf(1e9)) >= 0 || r.abs().compareTo(BigDecimal.valueOf(1e-4)) < 0) {
            return String.format(Locale.ROOT, "%.2e", r.doubleValue());
        }
        int scale = Math.max(0, r.scale()); // keep trailing zeros: 0.220 shows 3 significant digits
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(r);
    }

    /** Count with thousands separators: 8950 -> "8,950". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Share as a percentage with one decimal: 0.4442 -> "44.4%". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Signed z with one decimal: 1.83 -> "+1.8". */
    public static String signed1(double z) {
        return String.format(Locale.ROOT, "%+.1f", z);
    }
}
