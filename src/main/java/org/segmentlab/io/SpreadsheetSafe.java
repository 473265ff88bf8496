package org.segmentlab.io;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection), as OWASP recommends: a cell
 * starting with {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so it is
 * shown as text. Plain numbers such as {@code -3.5} stay numbers: they are not formulas.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!risky || isPlainNumber(value)) {
            return value;
        }
        return "'" + value;
    }

    /** A decimal number, optionally signed and with an exponent: harmless in a spreadsheet. */
    static boolean isPlainNumber(String s) {
        return s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    }
}
