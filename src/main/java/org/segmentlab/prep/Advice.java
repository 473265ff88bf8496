package org.segmentlab.prep;

import java.util.Objects;

/**
 * One plain-language note about preparing a column, e.g. "CUST_ID looks like an identifier: excluded
 * from clustering". Immutable.
 *
 * @param column  the column it is about
 * @param kind    what sort of note it is (the GUI picks an icon from it)
 * @param message the sentence shown to the user
 */
public record Advice(String column, Kind kind, String message) {

    public Advice {
        Objects.requireNonNull(column);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
    }

    /** What an advice is about. */
    public enum Kind {
        /** A unique key per row: excluded. */
        IDENTIFIER,
        /** Every cell missing: left out. */
        EMPTY,
        /** A single value: left out. */
        CONSTANT,
        /** Text categories: left out unless one-hot encoded. */
        CATEGORICAL,
        /** Cells of a numeric column that were not numbers and became missing. */
        NON_NUMERIC,
        /** Missing values and how they are handled. */
        MISSING,
        /** A long right tail: log1p suggested (never applied automatically). */
        SKEWED
    }
}
