package org.segmentlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.CsvDialect;
import org.segmentlab.data.DataTable;

/**
 * The JSON summary of a loaded table that {@code inspect --json} writes:
 * <pre>{"file", "rows", "delimiter", "decimal", "encoding", "header",
 *  "columns": [{"name", "type", "missing", "distinct", "mean", "sd", "min", "q1", "median", "q3", "max",
 *               "skewness"}], "warnings": [...]}</pre>
 * Statistics from mean on appear only for numeric and numeric constant columns (null where undefined,
 * e.g. the sd of a single value). The table is not modified.
 */
public final class TableSummaryJson {

    private TableSummaryJson() {
    }

    /** @param file the file as the user named it */
    public static ObjectNode toJson(DataTable table, String file) {
        ObjectNode root = JsonSupport.object();
        CsvDialect d = table.dialect();
        root.put("file", file);
        root.put("rows", table.rowCount());
        root.put("delimiter", String.valueOf(d.delimiter()));
        root.put("decimal", d.decimalName());
        root.put("encoding", d.encoding());
        root.put("header", d.header());
        ArrayNode columns = root.putArray("columns");
        for (Column c : table.columns()) {
            ObjectNode o = columns.addObject();
            ColumnStatistics s = c.statistics();
            o.put("name", c.name());
            o.put("type", c.type().jsonName());
            o.put("missing", s.missing());
            o.put("distinct", s.distinct());
            if (hasNumberStatistics(c)) {
                JsonSupport.putNumber(o, "mean", s.mean());
                JsonSupport.putNumber(o, "sd", s.sd());
                JsonSupport.putNumber(o, "min", s.min());
                JsonSupport.putNumber(o, "q1", s.q1());
                JsonSupport.putNumber(o, "median", s.median());
                JsonSupport.putNumber(o, "q3", s.q3());
                JsonSupport.putNumber(o, "max", s.max());
                JsonSupport.putNumber(o, "skewness", s.skewness());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        table.warnings().forEach(warnings::add);
        return root;
    }

    /** Mean, sd and the rest mean something for numbers, not for ids, categories or empty columns. */
    public static boolean hasNumberStatistics(Column c) {
        return c.isNumeric() && (c.type() == ColumnType.NUMERIC || c.type() == ColumnType.CONSTANT)
                && c.statistics().count() > 0;
    }

    public static void write(Path out, DataTable table, String file) throws IOException {
        JsonSupport.write(out, toJson(table, file));
    }
}
