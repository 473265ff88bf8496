package org.segmentlab.prep;

/**
 * A column computed from an arithmetic expression over other columns, e.g.
 * {@code PURCHASE_SHARE = PURCHASES / (PURCHASES + CASH_ADVANCE)}.
 */
public record DerivedColumn(String name, String expression) {

    /** Parses "NAME=EXPR". */
    public static DerivedColumn parse(String definition) {
        int eq = definition.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("derived column '" + definition + "' must be written NAME=EXPRESSION");
        }
        return new DerivedColumn(definition.substring(0, eq).trim(), definition.substring(eq + 1).trim());
    }
}
