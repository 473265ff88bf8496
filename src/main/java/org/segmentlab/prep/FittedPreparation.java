package org.segmentlab.prep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;

/**
 * What it takes to apply a fitted preparation to new customers: the derived expressions, and per
 * feature its source column, fill value, log1p flag, one-hot category and centre/scale. Immutable and
 * thread-safe; {@link #transform} reproduces {@link PreparedData#scaled()} for the training rows.
 */
public final class FittedPreparation {

    /**
     * One feature of the matrix.
     *
     * @param name          the feature's name ("BALANCE", "REGION=North")
     * @param source        the table or derived column it comes from
     * @param category      for a one-hot indicator, the text it is 1 for; null for a numeric feature
     * @param fill          the value a missing cell takes (0 for a one-hot indicator); NaN when
     *                      {@code dropIfMissing}
     * @param dropIfMissing true when a row missing this value was dropped (cannot be transformed)
     * @param log1p         true when log1p is applied after filling
     * @param center        subtracted by the scaling
     * @param scale         divided by the scaling
     */
    public record Feature(String name, String source, String category, double fill, boolean dropIfMissing,
                          boolean log1p, double center, double scale) {
        public Feature {
            Objects.requireNonNull(name);
            Objects.requireNonNull(source);
        }

        public boolean isOneHot() {
            return category != null;
        }
    }

    private final List<Expression> derived;
    private final List<Feature> features;

    public FittedPreparation(List<Expression> derived, List<Feature> features) {
        this.derived = List.copyOf(derived);
        this.features = List.copyOf(features);
    }

    /**
     * A preparation that only centres and scales columns of the same names (for matrices built without
     * {@link Preparer}).
     */
    public static FittedPreparation scalingOnly(List<String> featureNames, double[] center, double[] scale) {
        List<Feature> fs = new ArrayList<>();
        for (int j = 0; j < featureNames.size(); j++) {
            fs.add(new Feature(featureNames.get(j), featureNames.get(j), null, Double.NaN, true, false,
                    center[j], scale[j]));
        }
        return new FittedPreparation(List.of(), fs);
    }

    public List<Expression> derived() {
        return derived;
    }

    public List<Feature> features() {
        return features;
    }

    /** The table columns a raw row must provide (sources and columns the derived expressions read). */
    public List<String> inputColumns() {
        java.util.LinkedHashSet<String> in = new java.util.LinkedHashSet<>();
        java.util.Set<String> derivedNames = new java.util.HashSet<>();
        for (Expression e : derived) {
            for (String c : e.columns()) {
                if (!derivedNames.contains(c)) {
                    in.add(c);
                }
            }
            derivedNames.add(e.name());
        }
        for (Feature f : features) {
            if (!derivedNames.contains(f.source())) {
                in.add(f.source());
            }
        }
        return List.copyOf(in);
    }

    /**
     * Prepares one raw row exactly as the training rows were prepared.
     *
     * @param raw column name to value: a Number, a String (parsed for numeric sources, compared for
     *            one-hot ones; blank = missing) or null (missing). Not modified.
     * @return the scaled feature vector, or null when the row lacks a value whose rows were dropped
     */
    public double[] transform(Map<String, ?> raw) {
        Map<String, Double> numbers = new HashMap<>();
        for (Expression e : derived) {
            double v = e.evaluate(c -> numbers.containsKey(c) ? numbers.get(c) : number(raw.get(c)));
            numbers.put(e.name(), v);
        }
        double[] out = new double[features.size()];
        for (int j = 0; j < out.length; j++) {
            Feature f = features.get(j);
            double x;
            if (f.isOneHot()) {
                Object v = raw.get(f.source());
                String t = v == null ? "" : v.toString();
                if (t.isBlank()) {
                    if (f.dropIfMissing()) {
                        return null;
                    }
                    x = 0.0;
                } else {
                    x = t.equals(f.category()) ? 1.0 : 0.0;
                }
            } else {
                x = numbers.containsKey(f.source()) ? numbers.get(f.source()) : number(raw.get(f.source()));
                if (Double.isNaN(x)) {
                    if (f.dropIfMissing()) {
                        return null;
                    }
                    x = f.fill();
                }
            }
            out[j] = apply(f, x);
        }
        return out;
    }

    /** Prepares row {@code row} of a table with the same columns as the training table. */
    public double[] transformRow(DataTable table, int row) {
        Map<String, Object> raw = new HashMap<>();
        for (String c : inputColumns()) {
            Column col = table.column(c).orElse(null);
            if (col == null) {
                continue;
            }
            if (col.isNumeric()) {
                raw.put(c, col.numbersView()[row]);
            } else {
                int code = col.codesView()[row];
                raw.put(c, code < 0 ? null : col.dictionaryText(code));
            }
        }
        return transform(raw);
    }

    /** Fill, log1p and scaling of one non-missing value, in the order {@link Preparer} applies them. */
    static double apply(Feature f, double x) {
        double v = f.log1p() ? Math.log1p(x) : x;
        v -= f.center();
        v /= f.scale();
        return v;
    }

    /**
     * A raw cell as a number: a Number as it is, text parsed (blank or unparseable = NaN), null = NaN.
     */
    public static double number(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        String t = v.toString().trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
