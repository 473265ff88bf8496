package org.segmentlab.app.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One row of the FEATURES checklist: a numeric, identifier, constant or derived column, whether it
 * is clustered on, and whether log1p is applied to it. Mutable FX state, owned by the
 * {@link SettingsViewModel}.
 */
public final class FeatureItem {

    /** Why a column is in the list, which decides its default check and its tag. */
    public enum Kind { NUMERIC, IDENTIFIER, CONSTANT, DERIVED }

    private final String name;
    private final Kind kind;
    private final double skewness;
    private final BooleanProperty checked;
    private final BooleanProperty log1p = new SimpleBooleanProperty(this, "log1p");

    public FeatureItem(String name, Kind kind, double skewness) {
        this.name = name;
        this.kind = kind;
        this.skewness = skewness;
        this.checked = new SimpleBooleanProperty(this, "checked", kind == Kind.NUMERIC || kind == Kind.DERIVED);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** NaN when unknown (derived columns before a run). */
    public double skewness() {
        return skewness;
    }

    public boolean isSkewed() {
        return Math.abs(skewness) > 1.0;
    }

    /** The name with its tag: "CUST_ID (id)", "RATIO (derived)". */
    public String label() {
        return switch (kind) {
            case IDENTIFIER -> name + " (id)";
            case CONSTANT -> name + " (constant)";
            case DERIVED -> name + " (derived)";
            case NUMERIC -> name;
        };
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public boolean isChecked() {
        return checked.get();
    }

    public void setChecked(boolean b) {
        checked.set(b);
    }

    public BooleanProperty log1pProperty() {
        return log1p;
    }

    public boolean isLog1p() {
        return log1p.get();
    }

    public void setLog1p(boolean b) {
        log1p.set(b);
    }

    @Override
    public String toString() {
        return label();
    }
}
