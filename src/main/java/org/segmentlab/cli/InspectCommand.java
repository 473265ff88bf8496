package org.segmentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.CsvDialect;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataException;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.io.TableSummaryJson;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inspect --input FILE [--json OUT]}: the dialect, row count and a table of column statistics. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a CSV file's dialect and columns.")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file to read.")
    Path input;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the summary as JSON to this file.")
    Path json;

    @Option(names = "--skip-ragged", description = "Skip rows with the wrong number of fields instead of refusing the file.")
    boolean skipRagged;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Force the delimiter: ',', ';', '|' or 'tab' (default: sniffed).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Force the encoding, e.g. UTF-8 or windows-1252.")
    String encoding;

    @Option(names = "--no-header", description = "The first row is data, not column names.")
    boolean noHeader;

    @Option(names = "--header", description = "The first row names the columns (default: detected).")
    boolean header;

    @Override
    public Integer call() throws DataException, IOException {
        if (header && noHeader) {
            throw new UsageException("--header and --no-header contradict each other: give at most one");
        }
        Boolean headerOption = header ? Boolean.TRUE : noHeader ? Boolean.FALSE : null;
        LoadOptions options = new LoadOptions(delimiterChar(), null, headerOption, encoding,
                skipRagged, LoadOptions.DEFAULT_MAX_LINE_CHARS);
        DataTable table = new CsvLoader().load(input, options, ProgressListener.NONE, CancellationToken.NONE);
        table.computeStatistics(ProgressListener.NONE, CancellationToken.NONE);
        print(table, spec.commandLine().getOut());
        if (json != null) {
            TableSummaryJson.write(json, table, input.toString());
        }
        return ExitCodes.OK;
    }

    private Character delimiterChar() {
        if (delimiter == null) {
            return null;
        }
        switch (delimiter.toLowerCase(Locale.ROOT)) {
            case ",", "comma":
                return ',';
            case ";", "semicolon":
                return ';';
            case "|", "pipe":
                return '|';
            case "tab", "\\t", "\t":
                return '\t';
            default:
                throw new UsageException("--delimiter must be ',', ';', '|' or 'tab', not '" + delimiter + "'");
        }
    }

    private void print(DataTable t, PrintWriter out) {
        CsvDialect d = t.dialect();
        out.printf("File:      %s%n", input);
        out.printf("Dialect:   delimiter '%s', decimal '%s', encoding %s%s, header %s, line ends %s%n",
                d.delimiterName(), d.decimalName(), d.encoding(), d.bom() ? " (BOM)" : "", d.header() ? "yes" : "no",
                d.lineEnding());
        out.printf(Locale.ROOT, "Rows:      %,d%s%n", t.rowCount(),
                t.skippedRows() > 0 ? String.format(Locale.ROOT, " (%,d skipped)", t.skippedRows()) : "");
        out.printf("Columns:   %d%n%n", t.columnCount());
        String[] head = {"column", "type", "missing", "distinct", "mean", "sd", "min", "q1", "median", "q3", "max",
            "skewness"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Column c : t.columns()) {
            ColumnStatistics s = c.statistics();
            String[] r = new String[head.length];
            r[0] = c.name().replace("\r", "\\r").replace("\n", "\\n"); // keep one line per column
            r[1] = c.type().jsonName();
            r[2] = String.valueOf(s.missing());
            r[3] = String.valueOf(s.distinct());
            boolean numbers = TableSummaryJson.hasNumberStatistics(c);
            double[] v = {s.mean(), s.sd(), s.min(), s.q1(), s.median(), s.q3(), s.max(), s.skewness()};
            for (int k = 0; k < v.length; k++) {
                r[4 + k] = numbers ? number(v[k]) : "";
            }
            rows.add(r);
        }
        int[] width = new int[head.length];
        for (String[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                width[k] = Math.max(width[k], r[k].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < r.length; k++) {
                // Names and types left-aligned, numbers right-aligned so digits line up.
                String cell = k < 2 ? String.format("%-" + width[k] + "s", r[k]) : String.format("%" + width[k] + "s", r[k]);
                sb.append(k == 0 ? "" : "  ").append(cell);
            }
            out.println(sb.toString().stripTrailing());
        }
        if (!t.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            for (String w : t.warnings()) {
                out.println("  - " + w);
            }
        }
        out.flush();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
