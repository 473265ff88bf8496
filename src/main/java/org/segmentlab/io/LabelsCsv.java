package org.segmentlab.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;

/**
 * {@code analyze --labels}: one row per input row, in input order: the identifier column if there is
 * one, then {@code cluster} (empty for rows left out of the analysis, e.g. dropped for missing values).
 */
public final class LabelsCsv {

    private LabelsCsv() {
    }

    /**
     * @param sourceRows table row of each labelled row (ascending)
     * @param labels     cluster of each labelled row
     */
    public static void write(Path file, DataTable table, int[] sourceRows, int[] labels) throws IOException {
        int[] byRow = new int[table.rowCount()];
        Arrays.fill(byRow, -1);
        for (int i = 0; i < sourceRows.length; i++) {
            byRow[sourceRows[i]] = labels[i];
        }
        Optional<Column> id = table.identifierColumn();
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            if (id.isPresent()) {
                out.printRecord(id.get().name(), "cluster");
            } else {
                out.printRecord("cluster");
            }
            for (int r = 0; r < byRow.length; r++) {
                String cluster = byRow[r] < 0 ? "" : Integer.toString(byRow[r]);
                if (id.isPresent()) {
                    out.printRecord(id.get().text(r), cluster);
                } else {
                    out.printRecord(cluster);
                }
            }
        }
    }
}
