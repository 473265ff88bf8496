package org.segmentlab.app.assign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmentlab.data.MissingMarkers;
import org.segmentlab.data.NumberParser;
import org.segmentlab.io.AssignStream;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.segment.ClusterModel;

/**
 * The one-customer form: one field per input column of the model, prefilled with the value a missing
 * cell takes in training (the imputation mean or median), so the user types only what they know. Every
 * edit assigns the customer again with {@link ClusterModel#assign} (imputation, derived columns,
 * transforms and scaling included): the segment and the distance to every centroid. A field that is
 * not a number is marked and the customer is not assigned until it is fixed; a blank field is missing
 * (imputed). FX thread only; nothing here blocks (one assignment is k x d multiplications).
 */
public final class CustomerFormViewModel {

    /** One input column. */
    public static final class Field {
        private final String column;
        private final boolean categorical;
        private final String defaultText;
        private final StringProperty text;
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        Field(String column, boolean categorical, String defaultText) {
            this.column = column;
            this.categorical = categorical;
            this.defaultText = defaultText;
            this.text = new SimpleStringProperty(this, "text", defaultText);
        }

        public String column() {
            return column;
        }

        /** True for a column read as a category (text), not a number. */
        public boolean isCategorical() {
            return categorical;
        }

        /** The prefilled value: the training fill value ("" when none is known: blank is imputed). */
        public String defaultText() {
            return defaultText;
        }

        public StringProperty textProperty() {
            return text;
        }

        /** Why the text is not usable ("" when it is). */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    /** Kept: a read-only view listens to its list weakly, so a fresh view per call could lose listeners. */
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyObjectWrapper<ClusterModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ClusterModel.Assignment> assignment = new ReadOnlyObjectWrapper<>(this, "assignment");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Set<String> categorical = Set.of();

    /** Builds one field per input column of {@code m} (null: none) and assigns the prefilled customer. */
    public void setModel(ClusterModel m) {
        model.set(m);
        List<Field> fresh = new ArrayList<>();
        if (m != null) {
            categorical = AssignStream.categoricalColumns(m);
            for (String c : m.inputColumns()) {
                Field f = new Field(c, categorical.contains(c), defaultText(m, c));
                f.textProperty().addListener(o -> update());
                fresh.add(f);
            }
        }
        fields.setAll(fresh);
        update();
    }

    /** Puts every field back to its prefilled value. */
    public void reset() {
        for (Field f : fields) {
            f.textProperty().set(f.defaultText());
        }
    }

    /** The field of {@code column}, or null. */
    public Field field(String column) {
        return fields.stream().filter(f -> f.column().equals(column)).findFirst().orElse(null);
    }

    /**
     * The value a blank cell of {@code column} takes in training, as text: the fill value of the numeric
     * feature read from it (the imputation mean or median); for a column whose missing rows were dropped,
     * the centre of the scaling (the mean under z-scores), undoing log1p. "" for a category or a column
     * only a derived expression reads (blank: the expression's result is imputed).
     */
    static String defaultText(ClusterModel m, String column) {
        for (FittedPreparation.Feature f : m.preparation().features()) {
            if (!f.source().equals(column) || f.isOneHot()) {
                continue;
            }
            double v = Double.isFinite(f.fill()) ? f.fill() : f.log1p() ? Math.expm1(f.center()) : f.center();
            return Double.isFinite(v) ? plain(v) : "";
        }
        return "";
    }

    /** A value as a person types it: up to 6 significant digits, no exponent, no grouping. */
    static String plain(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b.toPlainString();
    }

    private void update() {
        ClusterModel m = model.get();
        if (m == null) {
            assignment.set(null);
            message.set("Run an analysis or open a model.json first.");
            return;
        }
        Map<String, Object> raw = new HashMap<>();
        List<String> bad = new ArrayList<>();
        for (Field f : fields) {
            String t = f.textProperty().get() == null ? "" : f.textProperty().get().strip();
            String err = "";
            if (MissingMarkers.isMissing(t)) {
                raw.put(f.column(), null);
            } else if (f.isCategorical()) {
                raw.put(f.column(), t);
            } else {
                double v = NumberParser.parseOrNaN(t, '.');
                if (Double.isNaN(v)) {
                    err = "'" + t + "' is not a number: type a number such as 1250.5, or leave it blank to use the"
                            + " training value";
                    bad.add(f.column());
                } else {
                    raw.put(f.column(), v);
                }
            }
            f.error.set(err);
        }
        if (!bad.isEmpty()) {
            assignment.set(null);
            message.set("Not a number in " + String.join(", ", bad) + ": fix the marked field"
                    + (bad.size() > 1 ? "s." : "."));
            return;
        }
        ClusterModel.Assignment a = m.assign(raw);
        assignment.set(a);
        message.set(a.assigned() ? "" : "This customer cannot be assigned: " + a.problem() + ".");
    }

    public ObservableList<Field> fields() {
        return fieldsView;
    }

    public ReadOnlyObjectProperty<ClusterModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The customer's assignment as the fields read now; null while a field is not a number. */
    public ReadOnlyObjectProperty<ClusterModel.Assignment> assignmentProperty() {
        return assignment.getReadOnlyProperty();
    }

    public ClusterModel.Assignment assignment() {
        return assignment.get();
    }

    /** Why there is no segment ("" when there is one). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
