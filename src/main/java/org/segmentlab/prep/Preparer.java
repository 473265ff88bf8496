package org.segmentlab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.Matrix;
import org.segmentlab.data.DataTable;

/**
 * Turns a table and {@link PrepOptions} into {@link PreparedData}: derived columns, feature selection,
 * missing values, log1p, one-hot encoding, scaling. Does not modify the table or its arrays (every
 * step works on copies). Stateless and thread-safe.
 *
 * <p>Order of the steps: derived columns are computed from the raw table values; rows are dropped for
 * features whose strategy is DROP; the remaining missing values are filled with statistics of the
 * kept rows; log1p is applied; categorical columns are expanded; constant features are left out;
 * the rest are scaled.
 */
public final class Preparer {

    private Preparer() {
    }

    /** A feature source: a numeric (table or derived) column, or a categorical column to expand. */
    private record Source(String name, double[] numbers, Column categorical) {
        boolean oneHot() {
            return categorical != null;
        }
    }

    /**
     * @throws PrepException when the options cannot be applied to this table (unknown column, bad
     *                       expression, log1p below -1, nothing left to cluster on); the message says
     *                       which column or expression and what to do
     */
    public static PreparedData prepare(DataTable table, PrepOptions options) throws PrepException {
        int n = table.rowCount();
        List<String> warnings = new ArrayList<>();

        // 1. Derived columns, from raw values (NaN stays missing), each may use the earlier ones.
        Map<String, double[]> derived = new LinkedHashMap<>();
        List<Expression> expressions = new ArrayList<>();
        Set<String> numericNames = new LinkedHashSet<>();
        Set<String> textNames = new LinkedHashSet<>();
        for (Column c : table.columns()) {
            (c.isNumeric() ? numericNames : textNames).add(c.name());
        }
        for (DerivedColumn d : options.derived()) {
            String name = d.name() == null ? "" : d.name().trim();
            if (name.isEmpty()) {
                throw new PrepException("Derived column `" + d.expression() + "` has no name: write it NAME = EXPRESSION.");
            }
            if (numericNames.contains(name) || textNames.contains(name)) {
                throw new PrepException("Derived column " + name + " has the name of an existing column: choose another name.");
            }
            Expression e = Expression.compile(name, d.expression(), numericNames, textNames);
            double[] values = e.evaluate(c -> derived.containsKey(c) ? derived.get(c)
                    : table.column(c).map(Column::numbersView).orElse(null), n);
            derived.put(name, values);
            expressions.add(e);
            numericNames.add(name);
        }

        // 2. Every name the options mention must exist.
        Set<String> allNames = new LinkedHashSet<>(table.columnNames());
        allNames.addAll(derived.keySet());
        checkNames("features", options.features(), allNames);
        checkNames("exclude", options.exclude(), allNames);
        checkNames("log1p", options.log1p(), allNames);
        checkNames("one-hot", options.oneHot(), allNames);
        checkNames("imputation", options.imputeOverrides().keySet(), allNames);
        for (String c : options.oneHot()) {
            if (numericNames.contains(c)) {
                throw new PrepException("One-hot encoding needs a categorical column, but " + c
                        + " is numeric: change its type to categorical, or remove it from one-hot.");
            }
        }

        // 3. Feature selection.
        List<Source> sources = selectSources(table, options, derived, numericNames);
        if (sources.isEmpty()) {
            throw new PrepException("No features left to cluster on: the table has no numeric column that is not an"
                    + " identifier, empty or constant, or every one was excluded. Choose features explicitly,"
                    + " add a derived column, or one-hot encode a categorical column.");
        }

        // 4. Rows kept: those with a value in every feature whose strategy is DROP.
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        List<String> dropColumns = new ArrayList<>();
        for (Source s : sources) {
            if (strategy(options, s.name()).strategy() != ImputeStrategy.DROP) {
                continue;
            }
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (s.oneHot() ? s.categorical().codesView()[i] < 0 : Double.isNaN(s.numbers()[i])) {
                    any |= keep[i];
                    keep[i] = false;
                }
            }
            if (any) {
                dropColumns.add(s.name());
            }
        }
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        int[] sourceRows = new int[m];
        for (int i = 0, r = 0; i < n; i++) {
            if (keep[i]) {
                sourceRows[r++] = i;
            }
        }
        if (m == 0) {
            throw new PrepException("Every row has a missing value in " + String.join(", ", dropColumns)
                    + ", so dropping rows leaves nothing: fill those columns (mean, median, mode or a constant) instead.");
        }
        if (m < n) {
            warnings.add(Numbers.count(n - m) + " rows (" + Numbers.percent((double) (n - m) / n)
                    + ") with missing values dropped (" + String.join(", ", dropColumns) + ").");
        }

        // 5. Imputation on the kept rows, then log1p.
        Set<String> log1p = new LinkedHashSet<>(options.log1p());
        for (String c : options.log1p()) {
            boolean isFeature = sources.stream().anyMatch(s -> s.name().equals(c));
            if (!isFeature) {
                warnings.add("log1p on " + c + " ignored: it is not a feature.");
            } else if (sources.stream().anyMatch(s -> s.name().equals(c) && s.oneHot())) {
                throw new PrepException("log1p cannot be applied to " + c
                        + ": it is one-hot encoded (0/1 indicators). Remove it from log1p.");
            }
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<FittedPreparation.Feature> recipe = new ArrayList<>();
        Map<String, Double> imputed = new LinkedHashMap<>();
        List<String> droppedConstant = new ArrayList<>();
        for (Source s : sources) {
            Imputation imp = strategy(options, s.name());
            boolean drop = imp.strategy() == ImputeStrategy.DROP;
            if (s.oneHot()) {
                expandOneHot(s, sourceRows, drop, names, columns, recipe, warnings);
                continue;
            }
            double[] raw = s.numbers();
            double[] col;
            int missing = 0;
            if (m == n) {
                // Every row kept: a complete column is read in place (never written), saving a copy.
                missing = Stats.missing(raw);
                col = missing == 0 ? raw : raw.clone();
            } else {
                col = new double[m];
                for (int r = 0; r < m; r++) {
                    double v = raw[sourceRows[r]];
                    col[r] = v;
                    if (Double.isNaN(v)) {
                        missing++;
                    }
                }
            }
            if (missing == m) {
                droppedConstant.add(s.name());
                warnings.add(s.name() + " has no values in the rows kept: left out.");
                continue;
            }
            double fill = Double.NaN;
            if (!drop) {
                fill = switch (imp.strategy()) {
                    case MEAN -> Stats.mean(col);
                    case MEDIAN -> Stats.median(col);
                    case MODE -> Stats.mode(col);
                    case CONSTANT -> imp.constant();
                    default -> throw new IllegalStateException();
                };
                if (!Double.isFinite(fill)) {
                    throw new PrepException("The fill value for missing " + s.name() + " must be a finite number, not "
                            + imp.constant() + ": use mean, median, mode, drop or a number.");
                }
                if (missing > 0) {
                    for (int r = 0; r < m; r++) {
                        if (Double.isNaN(col[r])) {
                            col[r] = fill;
                        }
                    }
                    imputed.put(s.name(), fill);
                    warnings.add(s.name() + ": " + Numbers.count(missing) + " missing (" + Numbers.percent((double) missing / m)
                            + ") filled with " + describe(imp) + " (" + Numbers.sig3(fill) + ").");
                }
            }
            boolean applyLog = log1p.contains(s.name()) || options.log1pAll();
            if (applyLog) {
                double min = Stats.min(col);
                if (min <= -1.0) {
                    if (log1p.contains(s.name())) {
                        throw new PrepException("log1p cannot be applied to " + s.name() + ": its minimum is "
                                + Numbers.sig3(min) + ", and log1p needs values above -1. Remove " + s.name()
                                + " from log1p, or shift it first with a derived column (e.g. " + s.name()
                                + "_SHIFTED = " + quote(s.name()) + " - (" + Numbers.sig3(min) + ") ).");
                    }
                    warnings.add("log1p skipped on " + s.name() + ": its minimum is " + Numbers.sig3(min)
                            + ", and log1p needs values above -1.");
                    applyLog = false;
                } else {
                    if (col == raw) {
                        col = raw.clone();
                    }
                    for (int r = 0; r < m; r++) {
                        col[r] = Math.log1p(col[r]);
                    }
                }
            }
            names.add(s.name());
            columns.add(col);
            recipe.add(new FittedPreparation.Feature(s.name(), s.name(), null, fill, drop, applyLog, 0, 1));
        }

        // 6. Constant features out, then centre and scale.
        List<String> keptNames = new ArrayList<>();
        List<double[]> keptColumns = new ArrayList<>();
        List<FittedPreparation.Feature> keptRecipe = new ArrayList<>();
        List<Double> centers = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] col = columns.get(j);
            double min = Stats.min(col);
            double max = Stats.max(col);
            if (min == max) {
                droppedConstant.add(names.get(j));
                warnings.add(names.get(j) + " is constant (every value " + Numbers.sig3(min)
                        + ") in the rows clustered: left out.");
                continue;
            }
            double center;
            double scale;
            switch (options.scaling()) {
                case ZSCORE -> {
                    center = Stats.mean(col);
                    scale = Math.sqrt(Stats.populationVariance(col));
                }
                case MINMAX -> {
                    center = min;
                    scale = max - min;
                }
                case ROBUST -> {
                    double[] q = Stats.quantiles(col, 0.25, 0.5, 0.75);
                    center = q[1];
                    scale = q[2] - q[0];
                    if (!(scale > 0)) {
                        // Most values equal (e.g. mostly zeros): an IQR of 0 would divide by zero.
                        scale = Math.sqrt(Stats.populationVariance(col));
                        warnings.add(names.get(j) + " has an interquartile range of 0 (at least half its values are "
                                + Numbers.sig3(center) + "): scaled by its standard deviation instead.");
                    }
                }
                default -> {
                    center = 0.0;
                    scale = 1.0;
                }
            }
            if (!(scale > 0) || !Double.isFinite(scale)) {
                droppedConstant.add(names.get(j));
                warnings.add(names.get(j) + " has no usable spread in the rows clustered: left out.");
                continue;
            }
            FittedPreparation.Feature f = recipe.get(j);
            keptNames.add(names.get(j));
            keptColumns.add(col);
            centers.add(center);
            scales.add(scale);
            keptRecipe.add(new FittedPreparation.Feature(f.name(), f.source(), f.category(), f.fill(), f.dropIfMissing(),
                    f.log1p(), center, scale));
        }
        int d = keptNames.size();
        if (d == 0) {
            throw new PrepException("No features left to cluster on: every chosen feature is constant or empty ("
                    + String.join(", ", droppedConstant) + "). Choose other features.");
        }

        // 7. Row-major matrices; (x - center) / scale in that order, as scikit-learn does.
        // Only the scaled matrix is kept: the unscaled one is scaled * scale + center, and keeping both
        // would double the largest allocation (2 x 160 MB at 1,000,000 x 20). It is kept in blocks of rows
        // (8 MB at most), never one 160 MB array: see Matrix for why.
        Matrix scaled = Matrix.zeros(m, d);
        double[] center = new double[d];
        double[] scale = new double[d];
        double[][] cols = keptColumns.toArray(double[][]::new);
        for (int j = 0; j < d; j++) {
            center[j] = centers.get(j);
            scale[j] = scales.get(j);
        }
        // Runs of 512 rows, so that the row-major output is written while it sits in cache instead of
        // being swept once per feature (a run never crosses a block of the matrix: 512 divides its rows per block).
        final int run = 512;
        for (int r0 = 0; r0 < m; r0 += run) {
            int r1 = Math.min(m, r0 + run);
            double[] out = scaled.blockOf(r0);
            int base = scaled.offset(r0);
            for (int j = 0; j < d; j++) {
                double[] col = cols[j];
                double c = center[j];
                double sc = scale[j];
                for (int r = r0, idx = base + j; r < r1; r++, idx += d) {
                    out[idx] = (col[r] - c) / sc;
                }
            }
        }
        return new PreparedData(keptNames, m, d, null, scaled, sourceRows, center, scale, imputed, derived,
                droppedConstant, warnings, new FittedPreparation(expressions, keptRecipe));
    }

    private static String describe(Imputation imp) {
        return switch (imp.strategy()) {
            case MEAN -> "the mean";
            case MEDIAN -> "the median";
            case MODE -> "the most frequent value";
            default -> "a constant";
        };
    }

    private static String quote(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_.]*") ? name : "`" + name + "`";
    }

    private static Imputation strategy(PrepOptions options, String column) {
        Imputation o = options.imputeOverrides().get(column);
        return o != null ? o : Imputation.of(options.defaultImpute());
    }

    private static void checkNames(String what, java.util.Collection<String> names, Set<String> all) throws PrepException {
        for (String c : names) {
            if (!all.contains(c)) {
                throw new PrepException("Unknown column '" + c + "' in " + what + Names.didYouMean(c, all)
                        + ". Use a column name exactly as in the file header (case matters).");
            }
        }
    }

    private static List<Source> selectSources(DataTable table, PrepOptions options, Map<String, double[]> derived,
                                              Set<String> numericNames) throws PrepException {
        Set<String> oneHot = new LinkedHashSet<>(options.oneHot());
        Set<String> exclude = new LinkedHashSet<>(options.exclude());
        List<String> chosen = new ArrayList<>();
        if (!options.features().isEmpty()) {
            for (String f : options.features()) {
                if (!numericNames.contains(f) && !oneHot.contains(f)) {
                    throw new PrepException(f + " is not numeric, so it cannot be a feature as it is: one-hot encode it"
                            + " (if it is categorical) or leave it out of the features.");
                }
                if (!chosen.contains(f)) {
                    chosen.add(f);
                }
            }
            // Asking for an encoding means wanting the indicators as features.
            for (String c : oneHot) {
                if (!chosen.contains(c)) {
                    chosen.add(c);
                }
            }
        } else {
            for (Column c : table.columns()) {
                boolean numericFeature = c.isNumeric() && c.type() == ColumnType.NUMERIC;
                if (numericFeature || oneHot.contains(c.name())) {
                    chosen.add(c.name());
                }
            }
            chosen.addAll(derived.keySet());
        }
        chosen.removeAll(exclude);
        Map<String, Column> byName = new HashMap<>();
        for (Column c : table.columns()) {
            byName.put(c.name(), c);
        }
        List<Source> out = new ArrayList<>();
        for (String name : chosen) {
            if (oneHot.contains(name)) {
                out.add(new Source(name, null, byName.get(name)));
            } else {
                double[] v = derived.containsKey(name) ? derived.get(name) : byName.get(name).numbersView();
                out.add(new Source(name, v, null));
            }
        }
        return out;
    }

    private static void expandOneHot(Source s, int[] sourceRows, boolean drop, List<String> names,
                                     List<double[]> columns, List<FittedPreparation.Feature> recipe,
                                     List<String> warnings) {
        int[] codes = s.categorical().codesView();
        String[] dictionary = s.categorical().dictionary();
        int m = sourceRows.length;
        double[][] indicators = new double[dictionary.length][m];
        int missing = 0;
        for (int r = 0; r < m; r++) {
            int code = codes[sourceRows[r]];
            if (code < 0) {
                missing++;
            } else {
                indicators[code][r] = 1.0;
            }
        }
        if (missing > 0) {
            warnings.add(s.name() + ": " + Numbers.count(missing) + " missing (" + Numbers.percent((double) missing / m)
                    + ") encoded as all zeros.");
        }
        for (int v = 0; v < dictionary.length; v++) {
            String name = s.name() + "=" + dictionary[v];
            names.add(name);
            columns.add(indicators[v]);
            recipe.add(new FittedPreparation.Feature(name, s.name(), dictionary[v], drop ? Double.NaN : 0.0, drop,
                    false, 0, 1));
        }
    }
}
