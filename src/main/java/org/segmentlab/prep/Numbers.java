package org.segmentlab.prep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as SegmentLab shows them to people (DESIGN.md): 3 significant digits for scores and
 * measurements, thousands separators for counts, percentages with one decimal. Locale-independent
 * (',' groups thousands, '.' is the decimal point) so that messages and tests read the same
 * everywhere. Stateless.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * At most 3 significant digits with thousands separators, without padding zeros: 8.1423 -> "8.14",
     * 1234.5 -> "1,230", 0.5 -> "0.5", 4.0 -> "4".
     */
    public static String sig3(double v) {
        return significant(v, 3);
    }

    /** {@code digits} significant digits, thousands separators; "n/a" for NaN, "∞"/"-∞" for infinities. */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0.0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        b = b.stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0, RoundingMode.UNNECESSARY);
        }
        return group(b.toPlainString());
    }

    /** A count with thousands separators: 8950 -> "8,950". */
    public static String count(long n) {
        return group(Long.toString(n));
    }

    /**
     * A fraction as a percentage with one decimal: 0.03497 -> "3.5%". A share too small to show but not
     * zero reads "<0.1%" (1 missing cell in 8,950 is not "0.0%").
     */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        if (fraction > 0 && fraction < 0.0005) {
            return "<0.1%";
        }
        if (fraction < 0 && fraction > -0.0005) {
            return ">-0.1%";
        }
        BigDecimal b = new BigDecimal(fraction * 100.0).setScale(1, RoundingMode.HALF_EVEN);
        return group(b.toPlainString()) + "%";
    }

    private static String group(String plain) {
        boolean negative = plain.startsWith("-");
        String body = negative ? plain.substring(1) : plain;
        int dot = body.indexOf('.');
        String intPart = dot < 0 ? body : body.substring(0, dot);
        String frac = dot < 0 ? "" : body.substring(dot);
        StringBuilder sb = new StringBuilder();
        int first = intPart.length() % 3 == 0 ? 3 : intPart.length() % 3;
        sb.append(intPart, 0, first);
        for (int i = first; i < intPart.length(); i += 3) {
            sb.append(',').append(intPart, i, i + 3);
        }
        return (negative ? "-" : "") + sb + frac;
    }
}
