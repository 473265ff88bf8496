package org.segmentlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;

/**
 * Reads customer CSV files as people really have them: sniffs the dialect, types the columns and
 * computes their statistics (lazily, on first use). Thread-safe (no state).
 *
 * <p>How: the file is read into memory (progress by bytes read), the dialect is sniffed on the first
 * 64 KiB, and the body is parsed either by {@link FastParser} (no quote characters: the body is split
 * at line boundaries and the parts are parsed in parallel) or by Apache Commons CSV (quoted files).
 * Invalid UTF-8 anywhere restarts the read as windows-1252, unless the user forced an encoding.
 */
public final class CsvLoader {

    static final int SAMPLE_BYTES = 64 * 1024;
    /** Bodies below this size are parsed on one thread (threads cost more than they save). */
    private static final int PARALLEL_MIN_BYTES = 1 << 20;
    private static final int READ_BLOCK = 4 << 20;

    /**
     * Loads a CSV file.
     *
     * @throws DataException      when the file cannot be read as a table; the message names the file,
     *                            line and column and says what to do
     * @throws org.segmentlab.progress.CancelledException when {@code cancel} is cancelled
     */
    public DataTable load(Path file, LoadOptions options, ProgressListener progress, CancellationToken cancel)
            throws DataException {
        return load(file, options, progress, cancel, false);
    }

    public DataTable load(Path file) throws DataException {
        return load(file, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.NONE);
    }

    /** @param forceGeneral parse with Commons CSV even when the fast path could (for tests). */
    DataTable load(Path file, LoadOptions options, ProgressListener progress, CancellationToken cancel,
                   boolean forceGeneral) throws DataException {
        if (options.maxLineChars() <= 0) {
            throw new IllegalArgumentException("maxLineChars must be positive: " + options.maxLineChars());
        }
        progress = monotonic(progress);
        progress.update(0, "Reading " + file.getFileName());
        byte[] bytes = readAll(file, progress.range(0, 0.2), cancel);
        return parseBytes(file, bytes, options, progress.range(0.2, 1.0), cancel, forceGeneral, null);
    }

    /**
     * Never lets the reported fraction go down (a fast parse that meets a quote restarts on the general
     * path; the bar should pause, not jump back). Thread-safe.
     */
    private static ProgressListener monotonic(ProgressListener inner) {
        if (inner == ProgressListener.NONE) {
            return inner;
        }
        return new ProgressListener() {
            private double max = -1;

            @Override
            public synchronized void update(double fraction, String message) {
                if (fraction >= max) {
                    max = fraction;
                    inner.update(fraction, message);
                }
            }
        };
    }

    private static byte[] readAll(Path file, ProgressListener progress, CancellationToken cancel) throws DataException {
        if (!Files.exists(file)) {
            throw new DataException(file, 0, null, "The file does not exist (" + file.toAbsolutePath() + ").",
                    "Check the path and the file name.");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file, 0, null, "This is a folder, not a file.", "Choose a CSV file inside it.");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 64) {
                throw new DataException(file, 0, null, "The file is larger than 2 GiB, which SegmentLab cannot load.",
                        "Load a sample of its rows or split it.");
            }
            byte[] bytes = new byte[(int) size];
            int pos = 0;
            while (pos < bytes.length) {
                cancel.throwIfCancelled();
                int n = ch.read(ByteBuffer.wrap(bytes, pos, Math.min(READ_BLOCK, bytes.length - pos)));
                if (n < 0) {
                    break;
                }
                pos += n;
                progress.update((double) pos / bytes.length, "Reading " + file.getFileName());
            }
            return pos == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, pos);
        } catch (NoSuchFileException e) {
            throw new DataException(file, 0, null, "The file does not exist.", "Check the path and the file name.", e);
        } catch (AccessDeniedException e) {
            throw new DataException(file, 0, null, "The file cannot be read: permission denied.",
                    "Check its permissions, or copy it somewhere you can read it.", e);
        } catch (IOException e) {
            throw new DataException(file, 0, null, "The file cannot be read (" + e.getMessage() + ").",
                    "Check that it exists and is readable.", e);
        }
    }

    DataTable parseBytes(Path file, byte[] b, LoadOptions options, ProgressListener progress, CancellationToken cancel,
                         boolean forceGeneral, Charset retryCharset) throws DataException {
        boolean bom = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        if (isBlank(b, start)) {
            throw new DataException(file, 0, null, "The file is empty.",
                    "Export the table again, with a header row and at least one data row.");
        }
        checkText(file, b, start);

        Charset charset;
        boolean strict;
        if (options.encoding() != null) {
            try {
                charset = Charset.forName(options.encoding());
            } catch (RuntimeException e) {
                throw new DataException(file, 0, null, "Unknown encoding \"" + options.encoding() + "\".",
                        "Use UTF-8 or windows-1252.");
            }
            strict = false;
        } else if (retryCharset != null) {
            charset = retryCharset;
            strict = false;
        } else if (bom || isValidUtf8Sample(b, start)) {
            charset = StandardCharsets.UTF_8;
            strict = !bom;
        } else {
            charset = Charset.forName("windows-1252");
            strict = false;
        }

        int sampleEnd = (int) Math.min(b.length, (long) start + SAMPLE_BYTES);
        boolean truncated = sampleEnd < b.length;
        String sample = lenient(charset, b, start, sampleEnd);
        char delim = options.delimiter() != null ? options.delimiter() : Sniffer.delimiter(sample, truncated);
        List<List<String>> records = Sniffer.records(sample, delim, truncated);
        boolean decimalComma = options.decimalComma() != null ? options.decimalComma()
                : Sniffer.decimalComma(records, delim);
        char decimal = decimalComma ? ',' : '.';
        boolean header = options.header() != null ? options.header() : Sniffer.header(records, decimal);
        String lineEnding = lineEnding(b, start);

        // The first record, found on bytes (quote-aware) so the body's byte offset and line are exact.
        long[] headerEnd = recordEnd(b, start);
        int bodyStart = header ? (int) headerEnd[0] : start;
        long lineBase = header ? headerEnd[1] : 0;
        if (records.isEmpty()) {
            throw new DataException(file, 0, null, "The file is empty.", "Export the table again.");
        }
        int expected = records.get(0).size();
        List<String> warnings = new ArrayList<>();
        List<String> names = names(header ? records.get(0) : null, expected, warnings);
        CsvDialect dialect = new CsvDialect(delim, decimalComma, charset.name(), bom, header, lineEnding);

        Parse parse = new Parse(file, b, bodyStart, lineBase, (byte) delim, delim, decimal, charset, strict, expected,
                options, cancel, progress.range(0, 0.9));
        boolean fast = !forceGeneral && isAsciiCompatible(charset) && delim < 128;
        ChunkResult[] chunks = fast ? parse.fast() : null;
        if (chunks != null && anySawQuote(chunks)) {
            chunks = null;
        }
        if (chunks == null) {
            chunks = new ChunkResult[] {parse.general()};
        }
        for (ChunkResult c : chunks) {
            if (c.invalidEncoding) {
                // Not UTF-8 after all (the sample was plain ASCII): read the whole file again as windows-1252.
                return parseBytes(file, b, options, progress, cancel, forceGeneral, Charset.forName("windows-1252"));
            }
        }
        long linesBefore = lineBase;
        long skipped = 0;
        long firstSkipped = -1;
        int firstSkippedFound = 0;
        for (ChunkResult c : chunks) {
            if (c.longLine > 0) {
                throw new DataException(file, linesBefore + c.longLine, null,
                        "This line is " + c.longLineLength + " characters long, more than the limit of "
                                + options.maxLineChars() + "; the file does not look like a table.",
                        "Check that it is a CSV file with one record per line, or raise the line limit.");
            }
            if (c.raggedLine > 0) {
                long line = linesBefore + c.raggedLine;
                String column = c.raggedFound < expected ? names.get(c.raggedFound) : null;
                throw new DataException(file, line, column,
                        "This row has " + c.raggedFound + " fields, but " + expected + " were expected (as in the "
                                + (header ? "header" : "first row") + ").",
                        "Fix the row (a missing or extra delimiter, or a value containing the delimiter that "
                                + "should be quoted), or load with --skip-ragged to skip such rows.");
            }
            if (c.skipped > 0) {
                if (firstSkipped < 0) {
                    firstSkipped = linesBefore + c.firstSkippedLine;
                    firstSkippedFound = c.firstSkippedFound;
                }
                skipped += c.skipped;
            }
            linesBefore += c.lines;
        }
        if (skipped > 0) {
            warnings.add("Skipped " + skipped + (skipped == 1 ? " row" : " rows")
                    + " with the wrong number of fields (first at line " + firstSkipped + ": "
                    + firstSkippedFound + " fields instead of " + expected + ").");
        }
        long rows = 0;
        for (ChunkResult c : chunks) {
            rows += c.rows;
        }
        if (rows == 0) {
            if (header) {
                throw new DataException(file, lineBase + 1, null, "The file has a header row but no data rows.",
                        "Export the table again with its rows.");
            }
            throw new DataException(file, 0, null, "The file has no data rows.", "Export the table again with its rows.");
        }
        if (rows > Integer.MAX_VALUE - 16) {
            throw new DataException(file, 0, null, "The file has more than 2 billion rows.", "Load a sample of it.");
        }
        progress.update(0.9, "Typing columns");
        List<Column> columns = new ColumnAssembler(parse, chunks, names, (int) rows, warnings).assemble();
        progress.update(1.0, "Loaded " + rows + " rows");
        return new DataTable(file, dialect, columns, (int) rows, skipped, warnings);
    }

    private static boolean anySawQuote(ChunkResult[] chunks) {
        for (ChunkResult c : chunks) {
            if (c.sawQuote) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiCompatible(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.equals("utf-8") || n.equals("windows-1252") || n.equals("iso-8859-1") || n.equals("us-ascii")
                || n.startsWith("iso-8859-") || n.startsWith("windows-125");
    }

    private static boolean isBlank(byte[] b, int start) {
        for (int i = start; i < b.length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Refuses binary files: NUL bytes, or more than 5% control characters, in the first 64 KiB. */
    private static void checkText(Path file, byte[] b, int start) throws DataException {
        int end = Math.min(b.length, start + SAMPLE_BYTES);
        int control = 0;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                throw new DataException(file, 0, null,
                        "This is not a text file (it contains NUL bytes): it may be an Excel workbook, an archive "
                                + "or a UTF-16 text.",
                        "Save or export it as CSV (UTF-8) and open that file.");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        if (control > 0 && control * 20L > (end - start)) {
            throw new DataException(file, 0, null,
                    "This does not look like a text file (" + control + " control characters in its first "
                            + (end - start) + " bytes).",
                    "Save or export it as CSV (UTF-8) and open that file.");
        }
    }

    /** True when the sample is valid UTF-8, allowing a sequence cut at the sample's end. */
    private static boolean isValidUtf8Sample(byte[] b, int start) {
        int end = Math.min(b.length, start + SAMPLE_BYTES);
        if (end < b.length) {
            // Do not judge a multi-byte sequence cut by the sample's end: back up to a character start.
            int k = end;
            while (k > start && end - k < 4 && (b[k - 1] & 0xC0) == 0x80) {
                k--;
            }
            if (k > start && (b[k - 1] & 0xff) >= 0xC0) {
                k--;
            }
            end = k;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, start, end - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String lenient(Charset cs, byte[] b, int from, int to) {
        return new String(b, from, to - from, cs);
    }

    private static String lineEnding(byte[] b, int start) {
        int end = Math.min(b.length, start + SAMPLE_BYTES);
        for (int i = start; i < end; i++) {
            if (b[i] == '\n') {
                return "LF";
            }
            if (b[i] == '\r') {
                return i + 1 < b.length && b[i + 1] == '\n' ? "CRLF" : "CR";
            }
        }
        return "LF";
    }

    /**
     * The end of the first non-blank record from {@code start}: {byte offset after its line end, lines
     * consumed including blank lines before it}. Quote-aware, so a header with a quoted line break works.
     */
    private static long[] recordEnd(byte[] b, int start) {
        int i = start;
        long lines = 0;
        while (i < b.length && (b[i] == '\n' || b[i] == '\r')) {
            i += (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') ? 2 : 1;
            lines++;
        }
        boolean inQuotes = false;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n' || c == '\r') {
                i += (c == '\r' && i + 1 < b.length && b[i + 1] == '\n') ? 2 : 1;
                lines++;
                if (!inQuotes) {
                    return new long[] {i, lines};
                }
                continue;
            }
            i++;
        }
        return new long[] {b.length, lines + 1};
    }

    /** Header names made usable: blanks become column_N, duplicates get _2, _3. Warns about changes. */
    static List<String> names(List<String> header, int n, List<String> warnings) {
        List<String> out = new ArrayList<>(n);
        Set<String> used = new LinkedHashSet<>();
        List<String> blank = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = header == null ? "" : header.get(i).strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
                if (header != null) {
                    blank.add(name);
                }
            }
            String base = name;
            int k = 2;
            while (used.contains(name)) {
                name = base + "_" + k++;
            }
            if (!name.equals(base)) {
                renamed.add(base + " -> " + name);
            }
            used.add(name);
            out.add(name);
        }
        if (!blank.isEmpty()) {
            warnings.add("Blank column names were replaced: " + String.join(", ", blank) + ".");
        }
        if (!renamed.isEmpty()) {
            warnings.add("Duplicate column names were made unique: " + String.join(", ", renamed) + ".");
        }
        return out;
    }

    /** One parse of a file's body, with everything needed to run it again (refill). */
    static final class Parse {
        final Path file;
        final byte[] b;
        final int bodyStart;
        final long lineBase;
        final byte delim;
        final char delimChar;
        final char decimal;
        final Charset charset;
        final boolean strict;
        final int expected;
        final LoadOptions options;
        final CancellationToken cancel;
        final ProgressListener listener;
        int[][] ranges;
        boolean general;

        Parse(Path file, byte[] b, int bodyStart, long lineBase, byte delim, char delimChar, char decimal,
              Charset charset, boolean strict, int expected, LoadOptions options, CancellationToken cancel,
              ProgressListener listener) {
            this.file = file;
            this.b = b;
            this.bodyStart = bodyStart;
            this.lineBase = lineBase;
            this.delim = delim;
            this.delimChar = delimChar;
            this.decimal = decimal;
            this.charset = charset;
            this.strict = strict;
            this.expected = expected;
            this.options = options;
            this.cancel = cancel;
            this.listener = listener;
        }

        private FastParser.Progress progress() {
            return new FastParser.Progress(b.length - bodyStart, listener);
        }

        TextDecoder decoder() {
            return strict ? new TextDecoder(charset) : new TextDecoder(charset, false);
        }

        ColumnAccumulator[] accumulators(int expectedRows) {
            ColumnAccumulator[] acc = new ColumnAccumulator[expected];
            TextDecoder dec = decoder();
            for (int j = 0; j < expected; j++) {
                acc[j] = new ColumnAccumulator(decimal, dec, expectedRows);
            }
            return acc;
        }

        ChunkResult[] fast() throws DataException {
            int len = b.length - bodyStart;
            int threads = len < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
            ranges = split(threads);
            // Count each range's lines first (a cheap scan) so every chunk can write its numbers straight
            // into the column's final array at its own offset: no concatenation copy, half the memory.
            long[] lines = new long[ranges.length];
            forEach(ranges.length, k -> {
                lines[k] = countLines(ranges[k][0], ranges[k][1]);
                return null;
            });
            long total = 0;
            for (long l : lines) {
                total += l;
            }
            if (total > Integer.MAX_VALUE - 64) {
                throw new DataException(file, 0, null, "The file has more than 2 billion rows.", "Load a sample of it.");
            }
            cancel.throwIfCancelled();
            double[][] shared = new double[expected][];
            for (int j = 0; j < expected; j++) {
                // One column at a time: zeroing 8 MB per million rows is slow enough to check in between.
                shared[j] = new double[(int) total];
                cancel.throwIfCancelled();
            }
            int[] offsets = new int[ranges.length];
            for (int k = 1; k < ranges.length; k++) {
                offsets[k] = offsets[k - 1] + (int) lines[k - 1];
            }
            FastParser.Progress progress = progress();
            return runAll(ranges.length, k -> {
                int[] r = ranges[k];
                ChunkResult res = new ChunkResult();
                TextDecoder dec = decoder();
                res.columns = new ColumnAccumulator[expected];
                for (int j = 0; j < expected; j++) {
                    res.columns[j] = new ColumnAccumulator(decimal, dec, shared[j], offsets[k], (int) lines[k]);
                }
                try {
                    return FastParser.parse(b, r[0], r[1], delim, expected, options, RowSink.into(res.columns), res,
                            cancel, progress);
                } catch (TextDecoder.InvalidEncoding e) {
                    res.invalidEncoding = true;
                    return res;
                }
            });
        }

        /** Physical lines in b[from, to): line breaks (LF, CRLF, CR), plus a last line without one. */
        private long countLines(int from, int to) {
            long n = 0;
            for (int i = from; i < to; i++) {
                if ((i & 0xFFFFF) == 0) {
                    cancel.throwIfCancelled();
                }
                byte c = b[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= to || b[i + 1] != '\n'))) {
                    n++;
                }
            }
            if (to > from && b[to - 1] != '\n' && b[to - 1] != '\r') {
                n++;
            }
            return n;
        }

        ChunkResult general() throws DataException {
            general = true;
            ranges = new int[][] {{bodyStart, b.length}};
            ChunkResult res = new ChunkResult();
            res.columns = accumulators(16);
            try {
                return GeneralParser.parse(file, b, bodyStart, b.length, lineBase, delimChar, charset, strict, expected,
                        options, RowSink.into(res.columns), res, cancel, progress());
            } catch (TextDecoder.InvalidEncoding e) {
                res.invalidEncoding = true;
                return res;
            }
        }

        /** Parses chunk k again, sending rows to {@code sink} (no progress). */
        void reparse(int k, RowSink sink) throws DataException {
            int[] r = ranges[k];
            FastParser.Progress none = new FastParser.Progress(1, ProgressListener.NONE);
            if (general) {
                GeneralParser.parse(file, b, r[0], r[1], lineBase, delimChar, charset, false, expected, options, sink,
                        new ChunkResult(), cancel, none);
            } else {
                FastParser.parse(b, r[0], r[1], delim, expected, options, sink, new ChunkResult(), cancel, none);
            }
        }

        /** Splits the body into ranges that end just after a line break. */
        private int[][] split(int parts) {
            List<int[]> out = new ArrayList<>();
            int from = bodyStart;
            int len = b.length - bodyStart;
            for (int p = 1; p < parts && from < b.length; p++) {
                int target = bodyStart + (int) ((long) len * p / parts);
                if (target <= from) {
                    continue;
                }
                int i = target;
                while (i < b.length && b[i] != '\n' && !(b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
                    i++;
                }
                if (i >= b.length) {
                    break;
                }
                out.add(new int[] {from, i + 1});
                from = i + 1;
            }
            out.add(new int[] {from, b.length});
            return out.toArray(new int[0][]);
        }

        interface Task<T> {
            T run(int k) throws DataException;
        }

        /** Runs tasks 0..n-1 on up to n threads; rethrows the first failure (cancellation included). */
        <T> ChunkResult[] runAll(int n, Task<ChunkResult> task) throws DataException {
            ChunkResult[] out = new ChunkResult[n];
            forEach(n, k -> {
                out[k] = task.run(k);
                return null;
            });
            return out;
        }

        void forEach(int n, Task<Void> task) throws DataException {
            if (n == 1) {
                task.run(0);
                return;
            }
            int threads = Math.min(n, Math.max(1, Runtime.getRuntime().availableProcessors()));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "csv-load");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Void>> futures = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    int kk = k;
                    futures.add(pool.submit(() -> task.run(kk)));
                }
                Throwable first = null;
                for (Future<Void> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (first == null) {
                            first = e.getCause();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        pool.shutdownNow();
                        throw new CancelledException();
                    }
                }
                if (first instanceof DataException de) {
                    throw de;
                }
                if (first instanceof RuntimeException re) {
                    throw re;
                }
                if (first instanceof Error err) {
                    throw err;
                }
                if (first != null) {
                    throw new IllegalStateException(first);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
