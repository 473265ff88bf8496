package org.segmentlab.prep;

import java.util.Locale;

/** How missing values of a feature are handled. */
public enum ImputeStrategy {
    MEAN, MEDIAN, MODE, DROP, CONSTANT;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
