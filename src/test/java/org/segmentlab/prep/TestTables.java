package org.segmentlab.prep;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

/**
 * Builds DataTables in memory for tests, through the public constructors (independent of the CSV
 * loader). Statistics are left NaN: preparation computes what it needs.
 */
public final class TestTables {

    private static final ColumnStatistics NO_STATS = new ColumnStatistics(0, 0, 0, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    private static DataTable creditCard;

    private TestTables() {
    }

    public static Column numeric(String name, double... values) {
        return numeric(name, ColumnType.NUMERIC, values);
    }

    public static Column numeric(String name, ColumnType type, double... values) {
        return new Column(name, type, type, values.clone(), null, null, NO_STATS, 0, List.of());
    }

    /** A numeric column whose non-numeric cells became missing on load. */
    public static Column numericWithBadCells(String name, double[] values, long bad, List<String> examples) {
        return new Column(name, ColumnType.NUMERIC, ColumnType.NUMERIC, values.clone(), null, null, NO_STATS, bad,
                examples);
    }

    /** A dictionary-encoded column (null = missing); dictionary in order of first appearance. */
    public static Column text(String name, ColumnType type, String... values) {
        Map<String, Integer> dict = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] == null ? -1 : dict.computeIfAbsent(values[i], k -> dict.size());
        }
        return new Column(name, type, type, null, codes, dict.keySet().toArray(String[]::new), NO_STATS, 0, List.of());
    }

    public static Column categorical(String name, String... values) {
        return text(name, ColumnType.CATEGORICAL, values);
    }

    public static DataTable table(Column... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].size();
        return new DataTable(null, null, List.of(columns), rows, 0, List.of());
    }

    /** {@code samples/cc_general.csv} (CUST_ID as a text identifier, 17 numeric columns, NaN for empty). */
    public static synchronized DataTable creditCard() throws IOException {
        if (creditCard == null) {
            creditCard = readNumericCsv(Path.of("samples/cc_general.csv"));
        }
        return creditCard;
    }

    /** A CSV whose first column is a text identifier and the others numbers (empty = missing). */
    public static DataTable readNumericCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            List<String> header = records.isEmpty() ? List.of() : records.get(0).getParser().getHeaderNames();
            int n = records.size();
            String[] ids = new String[n];
            double[][] cols = new double[header.size()][n];
            for (int i = 0; i < n; i++) {
                CSVRecord r = records.get(i);
                ids[i] = r.get(0);
                for (int j = 1; j < header.size(); j++) {
                    String t = r.get(j).trim();
                    cols[j][i] = t.isEmpty() ? Double.NaN : Double.parseDouble(t);
                }
            }
            List<Column> columns = new ArrayList<>();
            columns.add(text(header.get(0), ColumnType.IDENTIFIER, ids));
            for (int j = 1; j < header.size(); j++) {
                columns.add(numeric(header.get(j), cols[j]));
            }
            return new DataTable(file, null, columns, n, 0, List.of());
        }
    }
}
