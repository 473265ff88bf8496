package org.segmentlab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

/**
 * Reads a table and says, in plain language, how it will be prepared and what the user might change:
 * identifiers, empty and constant columns left out, categories, non-numeric cells, missing values,
 * skewed columns (log1p is suggested, never applied). Uses the loader's column statistics when they
 * are there and computes what is missing. Modifies nothing; stateless.
 */
public final class PreparationAdvisor {

    /** Skewness above which log1p is suggested (pandas' adjusted Fisher-Pearson coefficient). */
    public static final double SKEW_THRESHOLD = 1.0;

    /** Column names that usually hold keys: "ID", "CUST_ID", "CustomerID", "customer id", "Client_No". */
    private static final Pattern ID_NAME = Pattern.compile(
            "(?i)^(id|key|uuid|guid)$|(^|[_ .\\-])(id|key|no|number)$|(?-i)[a-z]I[Dd]$|(?i)^(customer|client|cust|user|account)[_ .\\-]?(id|key|no|number|code)$");

    private PreparationAdvisor() {
    }

    /** The options the application runs first: identifiers out, mean imputation, z-score, no log1p. */
    public static PrepOptions suggest(DataTable table) {
        List<String> exclude = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.isNumeric() && c.type() == ColumnType.NUMERIC && looksLikeNumericIdentifier(c)) {
                exclude.add(c.name());
            }
        }
        return new PrepOptions(List.of(), exclude, List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false, List.of(),
                Scaling.ZSCORE);
    }

    /** Advice for the options {@link #suggest} gives. */
    public static List<Advice> advise(DataTable table) {
        return advise(table, suggest(table));
    }

    /** Advice on preparing {@code table} with {@code options}, in table order. */
    public static List<Advice> advise(DataTable table, PrepOptions options) {
        List<Advice> out = new ArrayList<>();
        Set<String> excluded = Set.copyOf(options.exclude());
        Set<String> chosen = Set.copyOf(options.features());
        for (Column c : table.columns()) {
            String name = c.name();
            boolean explicitlyChosen = chosen.contains(name);
            if (c.type() == ColumnType.IDENTIFIER
                    || (c.isNumeric() && c.type() == ColumnType.NUMERIC && looksLikeNumericIdentifier(c))) {
                if (!explicitlyChosen) {
                    out.add(new Advice(name, Advice.Kind.IDENTIFIER, name + " looks like an identifier: excluded from clustering."));
                    continue;
                }
            }
            long missing = missing(c);
            if (c.type() == ColumnType.EMPTY || missing == c.size()) {
                out.add(new Advice(name, Advice.Kind.EMPTY, name + " is empty: left out."));
                continue;
            }
            if (!c.isNumeric()) {
                int values = c.dictionarySize();
                if (options.oneHot().contains(name)) {
                    out.add(new Advice(name, Advice.Kind.CATEGORICAL, name + " is categorical: one-hot encoded into "
                            + Numbers.count(values) + " indicator features."));
                } else if (c.type() == ColumnType.CONSTANT || values == 1) {
                    out.add(new Advice(name, Advice.Kind.CONSTANT, name + " is constant: left out."));
                } else {
                    out.add(new Advice(name, Advice.Kind.CATEGORICAL, name + " is categorical (" + Numbers.count(values)
                            + " values): left out; one-hot encode it to cluster on it."));
                }
                continue;
            }
            double[] v = c.numbersView();
            double min = Stats.min(v);
            double max = Stats.max(v);
            if (c.type() == ColumnType.CONSTANT || min == max) {
                out.add(new Advice(name, Advice.Kind.CONSTANT, name + " is constant: left out."));
                continue;
            }
            if (c.nonNumericCells() > 0) {
                String example = c.nonNumericExamples().isEmpty() ? "" : " (e.g. '" + c.nonNumericExamples().get(0) + "')";
                out.add(new Advice(name, Advice.Kind.NON_NUMERIC, name + " has " + Numbers.count(c.nonNumericCells())
                        + " non-numeric " + (c.nonNumericCells() == 1 ? "cell" : "cells") + " treated as missing" + example + "."));
            }
            boolean feature = options.features().isEmpty() ? !excluded.contains(name) : explicitlyChosen;
            if (!feature) {
                continue;
            }
            if (missing > 0) {
                Imputation imp = options.imputeOverrides().getOrDefault(name, Imputation.of(options.defaultImpute()));
                String how = switch (imp.strategy()) {
                    case MEAN -> "filled with the mean";
                    case MEDIAN -> "filled with the median";
                    case MODE -> "filled with the most frequent value";
                    case CONSTANT -> "filled with " + Numbers.sig3(imp.constant());
                    case DROP -> "those rows are dropped";
                };
                out.add(new Advice(name, Advice.Kind.MISSING, name + ": " + Numbers.count(missing) + " missing ("
                        + Numbers.percent((double) missing / c.size()) + "), " + how + "."));
            }
            double skew = skewness(c);
            if (skew > SKEW_THRESHOLD && !options.log1p().contains(name) && !options.log1pAll()) {
                String tail = min > -1.0 ? ": consider log1p."
                        : ", but log1p does not apply (minimum " + Numbers.sig3(min) + ", below -1).";
                out.add(new Advice(name, Advice.Kind.SKEWED, name + " is highly skewed (skewness " + Numbers.sig3(skew) + ")" + tail));
            }
        }
        return List.copyOf(out);
    }

    /** The column's skewness: the loader's figure when present, else computed. */
    static double skewness(Column c) {
        ColumnStatistics s = c.statistics();
        if (s != null && !Double.isNaN(s.skewness())) {
            return s.skewness();
        }
        return Stats.skewness(c.numbersView());
    }

    private static long missing(Column c) {
        if (c.isNumeric()) {
            return Stats.missing(c.numbersView());
        }
        long m = 0;
        for (int code : c.codesView()) {
            if (code < 0) {
                m++;
            }
        }
        return m;
    }

    /** An id-like name over whole numbers that are all distinct and present. */
    static boolean looksLikeNumericIdentifier(Column c) {
        if (!ID_NAME.matcher(c.name().trim()).find()) {
            return false;
        }
        double[] v = c.numbersView();
        double[] sorted = v.clone();
        Arrays.sort(sorted); // NaN sorts last
        if (sorted.length < 2 || Double.isNaN(sorted[sorted.length - 1])) {
            return false;
        }
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != Math.rint(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
