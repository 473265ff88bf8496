package org.segmentlab.app.table;

import java.util.Locale;

/** Small labels on a column in the summary. */
public enum Badge {
    IDENTIFIER, SKEWED, MISSING, CONSTANT, CATEGORICAL, EMPTY;

    /** Lower-case label shown in the badge ("identifier"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
