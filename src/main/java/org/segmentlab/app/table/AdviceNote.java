package org.segmentlab.app.table;

import java.util.Objects;

/**
 * One preparation note shown in the Data tab, e.g. "CUST_ID looks like an identifier: excluded from
 * clustering". Mirrors the core advisor's {@code Advice(column, kind, message)}, with the kind as its
 * enum name so the app does not depend on the core enum.
 *
 * @param column the column the note is about, or null for the whole table
 * @param kind   IDENTIFIER, SKEWED, MISSING, CONSTANT, NON_NUMERIC, EMPTY, ... (free text)
 */
public record AdviceNote(String column, String kind, String message) {
    public AdviceNote {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
    }
}
