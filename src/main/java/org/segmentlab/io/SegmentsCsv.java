package org.segmentlab.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;
import org.segmentlab.segment.ClusterProfile;

/**
 * The segmented data ({@code segments.csv}: every original column, then {@code cluster}, {@code segment}
 * and {@code silhouette}) and the summary ({@code segment_summary.csv}: one row per cluster with size,
 * share and the mean of every numeric column). Both are spreadsheet-safe (see {@link SpreadsheetSafe}).
 */
public final class SegmentsCsv {

    private SegmentsCsv() {
    }

    /**
     * @param sourceRows  table row of each clustered row (ascending)
     * @param labels      cluster of each clustered row
     * @param names       segment name per cluster
     * @param silhouettes silhouette per clustered row (NaN where not computed), or null
     */
    public static void writeSegments(Path file, DataTable table, int[] sourceRows, int[] labels, List<String> names,
                                     double[] silhouettes) throws IOException {
        int[] byRow = new int[table.rowCount()];
        double[] silByRow = new double[table.rowCount()];
        Arrays.fill(byRow, -1);
        Arrays.fill(silByRow, Double.NaN);
        for (int i = 0; i < sourceRows.length; i++) {
            byRow[sourceRows[i]] = labels[i];
            if (silhouettes != null) {
                silByRow[sourceRows[i]] = silhouettes[i];
            }
        }
        List<Column> cols = table.columns();
        try (CSVPrinter out = printer(file)) {
            List<String> header = new ArrayList<>();
            cols.forEach(c -> header.add(SpreadsheetSafe.cell(c.name())));
            header.addAll(List.of("cluster", "segment", "silhouette"));
            out.printRecord(header);
            List<String> row = new ArrayList<>(cols.size() + 3);
            for (int r = 0; r < byRow.length; r++) {
                row.clear();
                for (Column c : cols) {
                    row.add(SpreadsheetSafe.cell(c.text(r)));
                }
                int cl = byRow[r];
                row.add(cl < 0 ? "" : Integer.toString(cl));
                row.add(cl < 0 ? "" : SpreadsheetSafe.cell(names.get(cl)));
                row.add(Double.isNaN(silByRow[r]) ? "" : String.format(Locale.ROOT, "%.6f", silByRow[r]));
                out.printRecord(row);
            }
        }
    }

    /** One row per cluster: segment, cluster, size, share, then the mean of every profiled column. */
    public static void writeSummary(Path file, List<ClusterProfile> profiles, List<String> names) throws IOException {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("no clusters to summarise");
        }
        List<String> columns = new ArrayList<>(profiles.get(0).means().keySet());
        try (CSVPrinter out = printer(file)) {
            List<String> header = new ArrayList<>(List.of("segment", "cluster", "size", "share"));
            columns.forEach(c -> header.add(SpreadsheetSafe.cell(c)));
            out.printRecord(header);
            for (ClusterProfile p : profiles) {
                List<String> row = new ArrayList<>();
                row.add(SpreadsheetSafe.cell(names.get(p.id())));
                row.add(Integer.toString(p.id()));
                row.add(Integer.toString(p.size()));
                row.add(String.format(Locale.ROOT, "%.6f", p.share()));
                for (String c : columns) {
                    Double v = p.means().get(c);
                    row.add(v == null || v.isNaN() ? "" : Double.toString(v));
                }
                out.printRecord(row);
            }
        }
    }

    private static CSVPrinter printer(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }
}
