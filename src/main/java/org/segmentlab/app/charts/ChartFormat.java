package org.segmentlab.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formats shared by the charts (DESIGN.md: 3 significant digits, thousands separators, 1-decimal %), and
 * the 3-significant-digit rounding that the Data tab's {@code table.Formats.number} shares with them.
 *
 * <p>Rounding a double to 3 significant digits through {@code new BigDecimal(v)} cost ~10 µs a number, which a
 * heatmap of 10 clusters x 20 features turned into a 45 ms FX-thread stall. Here the digits come from one
 * multiplication by an exact power of ten; only when that cannot decide (a value on or within 1e-9 of a rounding
 * tie or of a short exact decimal, or outside 1e-4..1e9) does the exact BigDecimal path run, so the output is
 * the BigDecimal one, character for character.
 */
public final class ChartFormat {

    private static final MathContext SIG3 = new MathContext(3, RoundingMode.HALF_EVEN);
    /** 10^0 .. 10^22: every one an exact double. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

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
        long r = round3(Math.abs(v), false);
        if (r < 0) {
            return sig3Exact(v);
        }
        return digits(v < 0, (int) (r >> 8), (int) (byte) r, true, true);
    }

    /** {@link #sig3} the slow, exact way (BigDecimal); the reference the fast path must match. */
    static String sig3Exact(double v) {
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

    /**
     * {@code new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString()} for finite
     * {@code v} with 1e-4 <= |v| < 1e9 or v = 0 (the Data tab's numbers, {@code table.Formats.number}): "0.198",
     * "12.3", "-2", "1000" (no separators), computed without BigDecimal when the digits are unambiguous.
     */
    public static String plain3(double v) {
        double a = Math.abs(v);
        long r = a == 0 || Double.isNaN(a) || Double.isInfinite(a) ? -1 : round3(a, true);
        if (r < 0) {
            return plain3Exact(v);
        }
        return digits(v < 0, (int) (r >> 8), (int) (byte) r, false, false);
    }

    static String plain3Exact(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code a} (> 0) rounded to 3 significant digits as {@code n << 8 | (e & 0xff)}: n in 100..999 and
     * a ~ n x 10^(e-2); -1 when the exact path must decide: e outside -4..8, the scaled value within 1e-9 of a
     * rounding tie (where HALF_UP and HALF_EVEN differ and the double's exact expansion decides), or, unless
     * {@code zerosDropped}, below 100 and within 1e-9 of an integer (the exact value may be a short decimal such as
     * 0.5, which BigDecimal keeps at fewer than 3 digits). Multiplying by an exact power of ten errs by at most
     * 1000 x 2^-53 ~ 1e-13, far inside those margins.
     */
    private static long round3(double a, boolean zerosDropped) {
        int e = (int) Math.floor(Math.log10(a));
        if (e < -5 || e > 9) {
            return -1;
        }
        double scaled = scale(a, e);
        // log10 may be off by one next to a power of ten
        if (scaled < 100) {
            scaled = scale(a, --e);
        } else if (scaled >= 1000) {
            scaled = scale(a, ++e);
        }
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        // Near a whole number the exact value may be a short decimal (0.5 stays "0.5"), which matters only while
        // fraction digits are shown (e < 2): from 100 up a whole number is written the same either way. Chart
        // ticks are mostly such numbers (inertia 20,000,000), and the exact path cost each one a BigDecimal and
        // a DecimalFormat in every paint.
        if (Math.abs(frac - 0.5) < 1e-9 || (!zerosDropped && e < 2 && (frac < 1e-9 || frac > 1 - 1e-9))) {
            return -1;
        }
        long n = (long) floor + (frac > 0.5 ? 1 : 0);
        if (n == 1000) {
            n = 100;
            e++;
        }
        if (n < 100 || n > 999 || e < -4 || e > 8) {
            return -1;
        }
        return n << 8 | (e & 0xff);
    }

    /** a x 10^(2-e), with one rounding. */
    private static double scale(double a, int e) {
        int k = 2 - e;
        return k >= 0 ? a * POW10[k] : a / POW10[-k];
    }

    /**
     * n x 10^(e-2) written out: integer digits (grouped by ',' if asked), then 2-e fraction digits when e < 2
     * (their trailing zeros dropped unless {@code keepZeros}).
     */
    private static String digits(boolean negative, int n, int e, boolean keepZeros, boolean group) {
        StringBuilder sb = new StringBuilder(16);
        if (negative) {
            sb.append('-');
        }
        if (e >= 2) {
            String integer = Integer.toString(n) + "0".repeat(e - 2);
            appendGrouped(sb, integer, group);
            return sb.toString();
        }
        int fractionDigits = 2 - e;
        int unit = (int) POW10[fractionDigits];
        appendGrouped(sb, Integer.toString(n / unit), group);
        String fraction = Integer.toString(n % unit);
        StringBuilder f = new StringBuilder(fractionDigits);
        for (int i = fraction.length(); i < fractionDigits; i++) {
            f.append('0');
        }
        f.append(fraction);
        int end = f.length();
        if (!keepZeros) {
            while (end > 0 && f.charAt(end - 1) == '0') {
                end--;
            }
        }
        if (end > 0) {
            sb.append('.').append(f, 0, end);
        }
        return sb.toString();
    }

    private static void appendGrouped(StringBuilder sb, String integer, boolean group) {
        if (!group) {
            sb.append(integer);
            return;
        }
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        sb.append(integer, 0, first);
        for (int i = first; i < integer.length(); i += 3) {
            sb.append(',').append(integer, i, i + 3);
        }
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
