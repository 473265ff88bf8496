package org.segmentlab.data;

import java.util.Locale;

/** What a column holds, as detected on load or as overridden by the user. */
public enum ColumnType {
    /** Numbers (stored as doubles, NaN for missing). */
    NUMERIC,
    /** A small set of repeated text values (dictionary-encoded). */
    CATEGORICAL,
    /** A unique key per row (customer id): never a feature by default. */
    IDENTIFIER,
    /** Every cell missing. */
    EMPTY,
    /** A single distinct non-missing value. */
    CONSTANT;

    /** The lower-case name used in JSON and on the command line. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
