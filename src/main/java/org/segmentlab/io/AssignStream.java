package org.segmentlab.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.segmentlab.data.DataException;
import org.segmentlab.data.MissingMarkers;
import org.segmentlab.data.NumberParser;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;

/**
 * Assigns every row of a CSV file to a segment, streaming: rows are read one at a time with Commons
 * CSV and written out at once, so memory does not grow with the file. The output has every input
 * column, then {@code cluster}, {@code segment}, {@code distance} (Euclidean, to the assigned centroid,
 * in the scaled space) and {@code problem} (why a row has no cluster), all spreadsheet-safe. The output
 * is written to a temporary file and renamed at the end, so a failure or cancellation leaves no half
 * file. Model columns are matched to the header by name, exactly first, then ignoring case.
 *
 * <p>Dialect: the delimiter (comma, semicolon, tab or pipe) is sniffed from the header line, the
 * decimal comma from the first 64 KiB (only with a non-comma delimiter), the encoding is UTF-8 unless
 * that sample is not valid UTF-8 (then windows-1252). Cells are read as the loader reads them: spaces
 * stripped, the missing markers ("", NA, N/A, ...) are missing, text in a numeric column is missing.
 */
public final class AssignStream {

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+");

    /** The columns SegmentLab appends; input columns of these names get a "segmentlab_" prefix instead. */
    public static final List<String> OUTPUT_COLUMNS = List.of("cluster", "segment", "distance", "problem");

    private AssignStream() {
    }

    /**
     * @param delimiter   force this delimiter, or null to sniff it
     * @param bufferChars the reader's buffer in characters (memory per file is this plus one row)
     */
    public record Options(Character delimiter, int bufferChars) {
        public Options {
            if (bufferChars < 1) {
                throw new IllegalArgumentException("bufferChars must be positive");
            }
        }

        public static Options defaults() {
            return new Options(null, 64 * 1024);
        }
    }

    /**
     * How an input file meets a model, known before any row is assigned.
     *
     * @param header          the input's column names, in order
     * @param delimiter       the input's delimiter
     * @param decimalComma    true when numbers are written "3,14"
     * @param encoding        "UTF-8" or "windows-1252"
     * @param columnIndex     model input column to its position in the header
     * @param caseInsensitive model column to the header name it was matched to ignoring case
     * @param missingColumns  model columns absent from the file whose missing values are filled (every
     *                        row gets the training fill value)
     * @param extraColumns    input columns the model does not read (copied to the output as they are)
     * @param outputColumns   the appended columns' names (normally {@link #OUTPUT_COLUMNS})
     */
    public record Plan(Path input, List<String> header, char delimiter, boolean decimalComma, String encoding,
                       Map<String, Integer> columnIndex, Map<String, String> caseInsensitive,
                       List<String> missingColumns, List<String> extraColumns, List<String> outputColumns) {
        public Plan {
            header = List.copyOf(header);
            columnIndex = Map.copyOf(columnIndex);
            caseInsensitive = Map.copyOf(caseInsensitive);
            missingColumns = List.copyOf(missingColumns);
            extraColumns = List.copyOf(extraColumns);
            outputColumns = List.copyOf(outputColumns);
        }

        /** Plain-language notes for the user (missing, renamed and extra columns). */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            for (String c : missingColumns) {
                out.add("column " + c + " is not in the file: every row gets its training fill value");
            }
            caseInsensitive.forEach((m, h) -> out.add("model column " + m + " matched to " + h + " (ignoring case)"));
            if (!extraColumns.isEmpty()) {
                out.add(extraColumns.size() + " column(s) the model does not use, copied as they are: "
                        + String.join(", ", extraColumns));
            }
            return out;
        }
    }

    /**
     * What a run did.
     *
     * @param rows         data rows read
     * @param assigned     rows given a cluster
     * @param perCluster   rows per cluster
     * @param problems     the first few reasons rows were not assigned, with their line numbers
     * @param seconds      wall time
     */
    public record Summary(Plan plan, Path output, long rows, long assigned, long[] perCluster, List<String> problems,
                          double seconds) {
        public Summary {
            perCluster = perCluster.clone();
            problems = List.copyOf(problems);
        }

        @Override
        public long[] perCluster() {
            return perCluster.clone();
        }

        public long unassigned() {
            return rows - assigned;
        }
    }

    /**
     * Reads the input's header (and a 64 KiB sample) and matches it to the model.
     *
     * @throws DataException when the file cannot be read, is empty, or lacks a column whose missing rows
     *                       were dropped in training (no row could be assigned); the message names it
     */
    public static Plan plan(ClusterModel model, Path input, Options options) throws DataException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(input)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (NoSuchFileException e) {
            throw new DataException(input, 0, null, "The file does not exist.", "Check the path.");
        } catch (IOException e) {
            throw new DataException(input, 0, null, "The file cannot be read (" + e.getMessage() + ").", null, e);
        }
        boolean truncated = sample.length == SAMPLE_BYTES;
        Charset cs = isUtf8(sample, truncated) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        String text = new String(sample, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delim = options.delimiter() != null ? options.delimiter() : sniffDelimiter(text);
        List<String> header;
        try (CSVParser p = CSVParser.parse(text, format(delim))) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw new DataException(input, 1, null, "The file is empty: there is no header line.",
                        "Give a CSV file whose first line names the columns.");
            }
            header = it.next().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(input, 1, null, "The header line cannot be read as CSV (" + e.getMessage() + ").",
                    null, e);
        }
        boolean decimalComma = delim != ',' && COMMA_DECIMAL.matcher(text).find() && !hasDotDecimal(text, delim);

        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> ci = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> required = requiredColumns(model);
        List<String> lacking = new ArrayList<>();
        for (String col : model.inputColumns()) {
            int at = header.indexOf(col);
            if (at < 0) {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(col)) {
                        at = i;
                        ci.put(col, header.get(i));
                        break;
                    }
                }
            }
            if (at >= 0) {
                index.put(col, at);
            } else if (required.contains(col)) {
                lacking.add(col);
            } else {
                missing.add(col);
            }
        }
        if (!lacking.isEmpty()) {
            throw new DataException(input, 1, lacking.get(0), "The model needs column" + (lacking.size() > 1 ? "s " : " ")
                    + String.join(", ", lacking) + " (rows missing " + (lacking.size() > 1 ? "them" : "it")
                    + " were dropped in training), but the file has no such column.",
                    "Add the column to the file, or rename the file's column to this name. The file's columns are: "
                    + String.join(", ", header) + ".");
        }
        Set<Integer> used = new HashSet<>(index.values());
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used.contains(i)) {
                extra.add(header.get(i));
            }
        }
        List<String> outCols = new ArrayList<>();
        Set<String> lower = new HashSet<>();
        header.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
        for (String c : OUTPUT_COLUMNS) {
            outCols.add(lower.contains(c) ? "segmentlab_" + c : c);
        }
        return new Plan(input, header, delim, decimalComma, cs.name(), index, ci, missing, extra, outCols);
    }

    /** Columns without which no row can be prepared: sources of features whose missing rows were dropped. */
    static Set<String> requiredColumns(ClusterModel model) {
        Set<String> derived = new HashSet<>();
        model.preparation().derived().forEach(e -> derived.add(e.name()));
        Set<String> out = new HashSet<>();
        for (FittedPreparation.Feature f : model.preparation().features()) {
            if (f.dropIfMissing() && !derived.contains(f.source())) {
                out.add(f.source());
            }
        }
        // A dropped derived column needs every column it reads (a missing operand makes it missing).
        for (var e : model.preparation().derived()) {
            boolean dropped = model.preparation().features().stream()
                    .anyMatch(f -> f.dropIfMissing() && f.source().equals(e.name()));
            if (dropped) {
                e.columns().stream().filter(c -> !derived.contains(c)).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Assigns every row of {@code plan.input()} and writes {@code output}.
     *
     * @param progress receives the fraction of the input's bytes read
     * @param cancel   checked for every row; on cancellation no output file is left
     * @throws DataException when the input stops being readable CSV (the message names the line)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static Summary run(ClusterModel model, Plan plan, Path output, Options options, ProgressListener progress,
                              CancellationToken cancel) throws DataException, IOException {
        long t0 = System.nanoTime();
        Path input = plan.input();
        long size = Math.max(1, Files.size(input));
        Path target = output.toAbsolutePath();
        Path tmp = AtomicFiles.tempBeside(target);
        long rows = 0;
        long assigned = 0;
        long[] perCluster = new long[model.k()];
        List<String> problems = new ArrayList<>();
        char decimal = plan.decimalComma() ? ',' : '.';
        List<String> cols = model.inputColumns();
        Set<String> categorical = categoricalColumns(model);
        int width = plan.header().size();
        try {
            CountingInputStream counting = new CountingInputStream(Files.newInputStream(input));
            try (Reader reader = new InputStreamReader(new BufferedInputStream(counting, 1 << 16),
                    decoder(plan.encoding()));
                 CSVParser parser = CSVParser.builder().setReader(reader).setBufferSize(options.bufferChars())
                         .setFormat(format(plan.delimiter())).get();
                 Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                Iterator<CSVRecord> it = parser.iterator();
                if (it.hasNext()) {
                    it.next(); // the header, known from the plan
                }
                for (String h : plan.header()) {
                    out.print(SpreadsheetSafe.cell(h));
                }
                for (String h : plan.outputColumns()) {
                    out.print(h);
                }
                out.println();
                Map<String, Object> raw = new HashMap<>();
                String[] cells = new String[width];
                long lastReport = 0;
                while (true) {
                    CSVRecord rec;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        rec = it.next();
                    } catch (java.io.UncheckedIOException | IllegalStateException e) {
                        throw new DataException(input, 0, null, "The file stops being readable CSV after data row "
                                + rows + " (" + e.getMessage() + ").", "Check quotes around that line.", e);
                    }
                    cancel.throwIfCancelled();
                    rows++;
                    int n = rec.size();
                    for (int i = 0; i < width; i++) {
                        cells[i] = i < n ? rec.get(i) : "";
                    }
                    String problem = null;
                    ClusterModel.Assignment a = null;
                    if (n != width && !(n == 1 && rec.get(0).isEmpty())) {
                        problem = "the row has " + n + " fields, the header has " + width;
                    } else {
                        raw.clear();
                        for (String c : cols) {
                            Integer at = plan.columnIndex().get(c);
                            if (at == null) {
                                continue;
                            }
                            String s = stripSpaces(cells[at]);
                            if (MissingMarkers.isMissing(s)) {
                                raw.put(c, null);
                            } else if (categorical.contains(c)) {
                                raw.put(c, s);
                            } else {
                                raw.put(c, NumberParser.parseOrNaN(s, decimal));
                            }
                        }
                        a = model.assign(raw);
                        if (!a.assigned()) {
                            problem = a.problem();
                        }
                    }
                    for (int i = 0; i < width; i++) {
                        out.print(safe(cells[i]));
                    }
                    if (problem == null) {
                        assigned++;
                        perCluster[a.cluster()]++;
                        out.print(Integer.toString(a.cluster()));
                        out.print(SpreadsheetSafe.cell(a.segment()));
                        out.print(Double.toString(a.distance()));
                        out.print("");
                    } else {
                        if (problems.size() < 5) {
                            problems.add("line " + rec.getRecordNumber() + ": " + problem);
                        }
                        out.print("");
                        out.print("");
                        out.print("");
                        out.print(SpreadsheetSafe.cell(problem));
                    }
                    out.println();
                    if (rows - lastReport >= 4096) {
                        lastReport = rows;
                        progress.update(Math.min(1.0, counting.count() / (double) size),
                                String.format(Locale.ROOT, "assigning: %,d rows", rows));
                    }
                }
            }
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        progress.update(1.0, String.format(Locale.ROOT, "assigned %,d of %,d rows", assigned, rows));
        return new Summary(plan, target, rows, assigned, perCluster, problems, (System.nanoTime() - t0) / 1e9);
    }

    /** Model input columns read only as categories (sources of one-hot features and nothing else). */
    public static Set<String> categoricalColumns(ClusterModel model) {
        Set<String> numeric = new HashSet<>();
        Set<String> cat = new HashSet<>();
        model.preparation().derived().forEach(e -> numeric.addAll(e.columns()));
        for (FittedPreparation.Feature f : model.preparation().features()) {
            (f.isOneHot() ? cat : numeric).add(f.source());
        }
        cat.removeAll(numeric);
        return cat;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    }

    /** Counts each candidate outside quotes on the header line; the most frequent wins (comma on a tie). */
    static char sniffDelimiter(String text) {
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    private static boolean hasDotDecimal(String text, char delim) {
        for (String cell : text.split(Pattern.quote(String.valueOf(delim)) + "|\\R")) {
            if (DOT_DECIMAL.matcher(cell.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] sample, boolean truncated) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int n = sample.length;
        if (truncated) {
            // Do not blame a multi-byte character cut by the sample's end.
            while (n > 0 && n > sample.length - 4 && (sample[n - 1] & 0xC0) == 0x80) {
                n--;
            }
            if (n > 0 && (sample[n - 1] & 0x80) != 0) {
                n--;
            }
        }
        try {
            d.decode(ByteBuffer.wrap(sample, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder decoder(String encoding) {
        // A bad byte later in the file becomes U+FFFD rather than stopping the run.
        CharsetDecoder d = Charset.forName(encoding).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return d;
    }

    /**
     * {@link SpreadsheetSafe#cell}, without its per-call regular expression for the common cells: text
     * not starting with = + - @ tab or CR, and plain numbers such as -3.5, are returned as they are (as
     * SpreadsheetSafe would return them).
     */
    static String safe(String v) {
        if (v.isEmpty()) {
            return v;
        }
        char c = v.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return v;
        }
        if ((c == '-' || c == '+') && isPlainNumber(v)) {
            return v;
        }
        return SpreadsheetSafe.cell(v);
    }

    /** [+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?, as SpreadsheetSafe's pattern. */
    static boolean isPlainNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Spaces only, as the loader strips cells. */
    static String stripSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /** Counts bytes read, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }
}
