package org.segmentlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.CsvDialect;
import org.segmentlab.data.DataTable;

/** Small tables built in memory, with statistics computed here, for view-model tests. */
public final class TestTables {

    private TestTables() {
    }

    public static final CsvDialect DIALECT = new CsvDialect(',', false, "UTF-8", false, true, "LF");

    /**
     * A customers table: ID (text identifier), SPEND (right-skewed, 2 missing), VISITS (symmetric),
     * FLAG (constant), with {@code rows} rows from a seeded generator.
     */
    public static DataTable customers(Path source, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[rows];
        int[] codes = new int[rows];
        double[] spend = new double[rows];
        double[] visits = new double[rows];
        double[] flag = new double[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = "C" + (10001 + i);
            codes[i] = i;
            spend[i] = Math.exp(rnd.nextDouble() * 6); // log-uniform: strongly right-skewed
            visits[i] = 10 + (rnd.nextDouble() - 0.5) * 4;
            flag[i] = 1;
        }
        spend[3] = Double.NaN;
        spend[7] = Double.NaN;
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("ID", ColumnType.IDENTIFIER, ColumnType.IDENTIFIER, null, codes, ids,
                new ColumnStatistics(rows, 0, rows, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN), 0, List.of()));
        cols.add(numeric("SPEND", spend, ColumnType.NUMERIC));
        cols.add(numeric("VISITS", visits, ColumnType.NUMERIC));
        cols.add(numeric("FLAG", flag, ColumnType.CONSTANT));
        return new DataTable(source, DIALECT, cols, rows, 0, List.of());
    }

    public static Column numeric(String name, double[] values, ColumnType type) {
        return new Column(name, type, type, values.clone(), null, null, stats(values), 0, List.of());
    }

    /** pandas-style statistics: sample sd, linear-interpolated quartiles, adjusted skewness. */
    public static ColumnStatistics stats(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = v.length;
        long missing = values.length - n;
        long distinct = new LinkedHashSet<>(Arrays.stream(v).boxed().toList()).size();
        if (n == 0) {
            return new ColumnStatistics(0, missing, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double m2 = 0;
        double m3 = 0;
        for (double x : v) {
            m2 += (x - mean) * (x - mean);
            m3 += (x - mean) * (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        double skew = Double.NaN;
        if (n > 2 && m2 > 0) {
            double g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
            skew = Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
        } else if (n > 2) {
            skew = 0;
        }
        return new ColumnStatistics(n, missing, distinct, mean, sd, v[0], quantile(v, 0.25), quantile(v, 0.5),
                quantile(v, 0.75), v[n - 1], skew);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
