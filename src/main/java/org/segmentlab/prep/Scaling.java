package org.segmentlab.prep;

import java.util.Locale;

/** How features are scaled before clustering. */
public enum Scaling {
    /** (x - mean) / population sd, as scikit-learn's StandardScaler. */
    ZSCORE,
    /** (x - min) / (max - min). */
    MINMAX,
    /** (x - median) / IQR. */
    ROBUST,
    /** Raw values. */
    NONE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scaling parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace("-", ""));
    }
}
