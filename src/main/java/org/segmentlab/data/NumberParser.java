package org.segmentlab.data;

/**
 * Strict, allocation-free decimal parser for CSV cells, giving exactly {@link Double#parseDouble}'s
 * value. Accepted syntax: optional sign, digits with an optional decimal separator ('.' or, for
 * decimal-comma files, ','), optional exponent ({@code e}/{@code E}, sign, digits). Anything else
 * (hex, "Infinity", "1d", thousands separators, values beyond the double range) is not a number.
 *
 * <p>Fast path (Clinger 1990): when the significant digits form an integer below 2^53 and the power
 * of ten is at most 22 in magnitude, both operands are exact doubles and one IEEE multiplication or
 * division gives the correctly rounded result. Everything else falls back to
 * {@link Double#parseDouble} on a canonical copy of the text.
 */
public final class NumberParser {

    /** Returned by the byte parser when the cell is not a number (a NaN with a distinct payload). */
    static final double NOT_A_NUMBER = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long TWO_53 = 1L << 53;

    private NumberParser() {
    }

    /** True when {@code v} is the "not a number" marker returned by the byte parser. */
    static boolean isNotANumber(double v) {
        return Double.doubleToRawLongBits(v) == 0x7ff8_dead_beef_0001L;
    }

    /**
     * Parses {@code b[from, to)} (already trimmed). Returns {@link #NOT_A_NUMBER} (test with
     * {@link #isNotANumber}) when the text is not a number.
     */
    static double parse(byte[] b, int from, int to, char decimal) {
        int i = from;
        if (i >= to) {
            return NOT_A_NUMBER;
        }
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        // Up to 18 digits fit a long exactly; more (rare in CSV files) go to the slow path.
        long mantissa = 0;
        int digits = 0;
        int d;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            digits++;
            i++;
        }
        int fractionDigits = 0;
        if (i < to && b[i] == decimal) {
            i++;
            int fracStart = i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            fractionDigits = i - fracStart;
            digits += fractionDigits;
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        int exponent = 0;
        if (i < to && (b[i] | 0x20) == 'e') {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + d;
                }
                i++;
            }
            if (i == expStart) {
                return NOT_A_NUMBER;
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return NOT_A_NUMBER;
        }
        int power = exponent - fractionDigits;
        if (digits <= 18 && mantissa < TWO_53 && power >= -22 && power <= 22) {
            double v = (double) mantissa;
            v = power >= 0 ? v * POW10[power] : v / POW10[-power];
            return negative ? -v : v;
        }
        return slowPath(b, from, to, decimal);
    }

    private static double slowPath(byte[] b, int from, int to, char decimal) {
        char[] chars = new char[to - from];
        for (int k = from; k < to; k++) {
            char ch = (char) b[k];
            if (ch == 'e' || ch == 'E' || ch == '-' || ch == '+' || ch == decimal || (ch >= '0' && ch <= '9')) {
                chars[k - from] = ch == decimal ? '.' : ch;
            } else {
                return NOT_A_NUMBER; // the syntax was checked; this guards Java-only forms ("1d", "0x1p3")
            }
        }
        double v = Double.parseDouble(new String(chars));
        // "1e999" or 400 nines overflow to infinity: not a usable number, so treat the cell as text.
        return Double.isInfinite(v) ? NOT_A_NUMBER : v;
    }

    /**
     * Parses a trimmed cell given as text; returns {@link #NOT_A_NUMBER} when it is not a number or
     * contains characters outside ASCII.
     */
    static double parse(String s, char decimal) {
        int n = s.length();
        if (n == 0) {
            return NOT_A_NUMBER;
        }
        char first = s.charAt(0);
        if ((first < '0' || first > '9') && first != '-' && first != '+' && first != decimal) {
            return NOT_A_NUMBER; // most texts (ids, categories) stop here, without a copy
        }
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            char ch = s.charAt(k);
            if (ch > 127) {
                return NOT_A_NUMBER;
            }
            b[k] = (byte) ch;
        }
        return parse(b, 0, n, decimal);
    }

    /**
     * Parses a trimmed text as a number with the given decimal separator ('.' or ','), or returns NaN
     * when it is not a number in SegmentLab's strict syntax.
     */
    public static double parseOrNaN(String text, char decimal) {
        double v = parse(text.strip(), decimal);
        return isNotANumber(v) ? Double.NaN : v;
    }
}
