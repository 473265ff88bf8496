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
import org.segmentlab.progress.WorkerThreads;

/**
 * Reads customer CSV files as people really have them: sniffs the dialect, types the columns and
 * computes their statistics (lazily, on first use). Thread-safe (no state).
 *
 * <p>How: the file is never held on the heap. The first MiB is read to sniff the dialect (on the first
 * 64 KiB) and find the header; the body is then streamed in blocks ({@value #DEFAULT_BLOCK_BYTES} bytes,
 * one reused buffer per thread, positional reads on one {@link FileChannel}), so files over 2 GB load
 * when the heap can hold their columns. Quote-free bodies take {@link FastParser}: the lines of each
 * thread's byte range are counted first, the heap needed is checked ({@link DataException} instead of
 * an OutOfMemoryError), and the ranges are parsed in parallel straight into the final column arrays.
 * Quoted files stream through Apache Commons CSV. Invalid UTF-8 anywhere restarts the parse as
 * windows-1252, unless the user forced an encoding. Progress is by bytes; cancellation is checked at
 * least every block and every 1,024 lines.
 */
public final class CsvLoader {

    static final int SAMPLE_BYTES = 64 * 1024;
    /** Bytes read up front for sniffing and the header record (which must fit in them). */
    static final int HEAD_BYTES = 1 << 20;
    /** Bodies below this size are parsed on one thread (threads cost more than they save). */
    private static final long PARALLEL_MIN_BYTES = 1 << 20;
    /** Read block per thread: large enough that a read costs little, small enough to never matter. */
    static final int DEFAULT_BLOCK_BYTES = 4 << 20;

    private final int blockBytes;
    /** Bytes of heap the loader may assume free, or -1 to ask the runtime (tests inject a small limit). */
    private final long memoryLimit;

    public CsvLoader() {
        this(DEFAULT_BLOCK_BYTES, -1);
    }

    /** For tests: a small read block (exercises lines straddling blocks) and an injected memory limit. */
    CsvLoader(int blockBytes, long memoryLimit) {
        if (blockBytes < 16) {
            throw new IllegalArgumentException("blockBytes must be at least 16: " + blockBytes);
        }
        this.blockBytes = blockBytes;
        this.memoryLimit = memoryLimit;
    }

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
        cancel.throwIfCancelled();
        if (!Files.exists(file)) {
            throw new DataException(file, 0, null, "The file does not exist (" + file.toAbsolutePath() + ").",
                    "Check the path and the file name.");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file, 0, null, "This is a folder, not a file.", "Choose a CSV file inside it.");
        }
        // The file is never held on the heap: the head (for sniffing) is read here, the body is streamed
        // in blocks by the parsers, with positional reads (one channel, safe for concurrent readers).
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = new byte[(int) Math.min(size, HEAD_BYTES)];
            int n = readFully(file, ch, head, 0, head.length, 0);
            if (n < head.length) {
                head = java.util.Arrays.copyOf(head, n);
                size = n;
            }
            return parse(file, ch, size, head, options, progress, cancel, forceGeneral, null);
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

    /** Reads up to {@code len} bytes at {@code pos} (fewer only at the end of the file). */
    static int readFully(Path file, FileChannel ch, byte[] buf, int off, int len, long pos) throws DataException {
        int done = 0;
        try {
            while (done < len) {
                int n = ch.read(ByteBuffer.wrap(buf, off + done, len - done), pos + done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
        } catch (IOException e) {
            throw new DataException(file, 0, null, "The file could not be read (" + e.getMessage() + ").",
                    "Check that it is not being written, moved or on a disconnected drive.", e);
        }
        return done;
    }

    private DataTable parse(Path file, FileChannel ch, long size, byte[] b, LoadOptions options,
                            ProgressListener progress, CancellationToken cancel, boolean forceGeneral,
                            Charset retryCharset) throws DataException {
        boolean bom = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        // Only the head is checked: a file whose first MiB is blank is not worth a second look.
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
        boolean truncated = sampleEnd < size;
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
        if (header && headerEnd[2] == 0 && b.length < size) {
            throw new DataException(file, headerEnd[1], null,
                    "The header record is longer than " + HEAD_BYTES + " bytes; the file does not look like a table.",
                    "Check that it is a CSV file with one record per line.");
        }
        long bodyStart = header ? headerEnd[0] : start;
        long lineBase = header ? headerEnd[1] : 0;
        if (records.isEmpty()) {
            throw new DataException(file, 0, null, "The file is empty.", "Export the table again.");
        }
        int expected = records.get(0).size();
        List<String> warnings = new ArrayList<>();
        List<String> names = names(header ? records.get(0) : null, expected, warnings);
        CsvDialect dialect = new CsvDialect(delim, decimalComma, charset.name(), bom, header, lineEnding);

        Parse parse = new Parse(file, ch, size, bodyStart, lineBase, (byte) delim, delim, decimal, charset, strict,
                expected, options, cancel, progress.range(0, 0.2), progress.range(0.2, 0.9), blockBytes, memoryLimit);
        parse.textHint = textHint(records, header ? 1 : 0, expected, decimal);
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
                return parse(file, ch, size, b, options, progress, cancel, forceGeneral, Charset.forName("windows-1252"));
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

    /**
     * Columns the sample shows as text (ids, names): the fast path gives them codes from the start
     * instead of a double[] per row that would only be dropped (8 MB per million rows). Only a hint:
     * the type is still decided on all rows.
     */
    static boolean[] textHint(List<List<String>> records, int first, int expected, char decimal) {
        boolean[] hint = new boolean[expected];
        for (int j = 0; j < expected; j++) {
            int present = 0;
            int numeric = 0;
            for (int r = first; r < records.size(); r++) {
                List<String> rec = records.get(r);
                if (rec.size() != expected || MissingMarkers.isMissing(rec.get(j))) {
                    continue;
                }
                present++;
                if (!Double.isNaN(NumberParser.parseOrNaN(rec.get(j), decimal))) {
                    numeric++;
                }
            }
            hint[j] = present >= 5 && numeric * 5 < present;
        }
        return hint;
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
                    return new long[] {i, lines, 1};
                }
                continue;
            }
            i++;
        }
        return new long[] {b.length, lines + 1, 0};
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

    /**
     * One parse of a file's body, with everything needed to run it again (refill). The body is read
     * from the channel in blocks of {@code blockBytes} (one reused buffer per thread); a line cut by a
     * block's end is carried to the start of the next block.
     */
    static final class Parse {
        final Path file;
        final FileChannel ch;
        final long end;
        final long bodyStart;
        final long lineBase;
        final byte delim;
        final char delimChar;
        final char decimal;
        final Charset charset;
        final boolean strict;
        final int expected;
        final LoadOptions options;
        final CancellationToken cancel;
        final ProgressListener countListener;
        final ProgressListener listener;
        final int blockBytes;
        final long memoryLimit;
        long[][] ranges;
        boolean general;
        /** Columns that start as text on the fast path (see {@link CsvLoader#textHint}); null: none. */
        boolean[] textHint;

        Parse(Path file, FileChannel ch, long end, long bodyStart, long lineBase, byte delim, char delimChar,
              char decimal, Charset charset, boolean strict, int expected, LoadOptions options,
              CancellationToken cancel, ProgressListener countListener, ProgressListener listener, int blockBytes,
              long memoryLimit) {
            this.file = file;
            this.ch = ch;
            this.end = end;
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
            this.countListener = countListener;
            this.listener = listener;
            this.blockBytes = blockBytes;
            this.memoryLimit = memoryLimit;
        }

        private FastParser.Progress progress() {
            return new FastParser.Progress(end - bodyStart, listener);
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
            long len = end - bodyStart;
            int threads = len < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
            ranges = split(threads);
            // Count each range's lines first (a cheap scan) so every chunk can write its numbers straight
            // into the column's final array at its own offset: no concatenation copy, half the memory.
            long[] lines = new long[ranges.length];
            FastParser.Progress counted = new FastParser.Progress(len, countListener);
            forEach(ranges.length, k -> {
                lines[k] = countLines(ranges[k][0], ranges[k][1], counted);
                return null;
            });
            long total = 0;
            for (long l : lines) {
                total += l;
            }
            if (total > Integer.MAX_VALUE - 64) {
                throw new DataException(file, 0, null, "The file has more than 2 billion rows.", "Load a sample of it.");
            }
            checkMemory(total);
            cancel.throwIfCancelled();
            double[][] shared = new double[expected][];
            for (int j = 0; j < expected; j++) {
                // One column at a time: zeroing 8 MB per million rows is slow enough to check in between.
                shared[j] = isHintedText(j) ? null : new double[(int) total];
                cancel.throwIfCancelled();
            }
            int[] offsets = new int[ranges.length];
            for (int k = 1; k < ranges.length; k++) {
                offsets[k] = offsets[k - 1] + (int) lines[k - 1];
            }
            FastParser.Progress progress = progress();
            return runAll(ranges.length, k -> {
                ChunkResult res = new ChunkResult();
                TextDecoder dec = decoder();
                res.columns = new ColumnAccumulator[expected];
                for (int j = 0; j < expected; j++) {
                    res.columns[j] = shared[j] == null
                            ? ColumnAccumulator.textOnly(decimal, dec,
                                    new StringDictionary((int) Math.min(1 << 16, lines[k])), (int) lines[k])
                            : new ColumnAccumulator(decimal, dec, shared[j], offsets[k], (int) lines[k]);
                }
                try {
                    return streamFast(ranges[k][0], ranges[k][1], RowSink.into(res.columns), res, progress);
                } catch (TextDecoder.InvalidEncoding e) {
                    res.invalidEncoding = true;
                    return res;
                }
            });
        }

        private boolean isHintedText(int j) {
            return textHint != null && textHint[j];
        }

        /**
         * Refuses a load whose columns clearly cannot fit in the heap, before allocating them: an
         * OutOfMemoryError half-way would leave the application in an unknown state.
         */
        void checkMemory(long lines) throws DataException {
            // Every column starts as a double[] of the line count (text columns end smaller: int codes
            // plus their distinct texts; identifiers add roughly their bytes again).
            long need = lines * expected * 8L;
            long free = available();
            if (need > free && memoryLimit < 0) {
                System.gc(); // garbage counts as used; ask once before refusing
                free = available();
            }
            if (need > free) {
                long mb = 1 << 20;
                long gb = Math.max(2, (need * 2 + (1L << 30) - 1) >> 30);
                throw new DataException(file, 0, null,
                        "Loading this file needs about " + (need + mb - 1) / mb + " MB of memory (" + lines + " rows x "
                                + expected + " columns x 8 bytes), but only " + free / mb + " MB are free.",
                        "Start SegmentLab with more memory, e.g. -Xmx" + gb + "g (or -Xmx8g), or load fewer "
                                + "columns or rows (a sample of the file).");
            }
        }

        private long available() {
            if (memoryLimit >= 0) {
                return memoryLimit;
            }
            Runtime rt = Runtime.getRuntime();
            return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }

        /**
         * Runs the fast parser over [from, to) block by block, continuing {@code res}'s line numbering.
         * Stops at the first problem the result records (quote, long line, ragged row) or when the sink
         * asks to stop.
         */
        ChunkResult streamFast(long from, long to, RowSink sink, ChunkResult res, FastParser.Progress progress)
                throws DataException {
            if (to <= from) {
                return res;
            }
            byte[] buf = new byte[(int) Math.min(blockBytes, to - from)];
            int carry = 0;
            long pos = from;
            int maxLine = options.maxLineChars();
            while (true) {
                cancel.throwIfCancelled();
                int want = (int) Math.min(buf.length - carry, to - pos);
                int n = readFully(file, ch, buf, carry, want, pos);
                pos += n;
                int len = carry + n;
                boolean last = pos >= to || n < want;
                int cut = last ? len : afterLastLineBreak(buf, len);
                if (cut <= 0) {
                    if (len > maxLine) {
                        cut = len; // one line longer than the limit: the parser reports it
                    } else {
                        buf = java.util.Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, buf.length * 2L));
                        carry = len;
                        continue;
                    }
                }
                FastParser.parse(buf, 0, cut, delim, expected, options, sink, res, cancel, progress);
                if (res.sawQuote || res.longLine > 0 || res.raggedLine > 0 || res.stopped || last) {
                    return res;
                }
                carry = len - cut;
                System.arraycopy(buf, cut, buf, 0, carry);
            }
        }

        /**
         * The index just after the last complete line break in buf[0, len), or 0 when there is none. A
         * CR in the last byte is not complete (an LF may follow in the next block).
         */
        private static int afterLastLineBreak(byte[] buf, int len) {
            for (int i = len - 1; i >= 0; i--) {
                byte c = buf[i];
                if (c == '\n' || (c == '\r' && i < len - 1)) {
                    return i + 1;
                }
            }
            return 0;
        }

        /** Physical lines in [from, to): line breaks (LF, CRLF, CR), plus a last line without one. */
        private long countLines(long from, long to, FastParser.Progress progress) throws DataException {
            long n = 0;
            if (to <= from) {
                return 0;
            }
            byte[] buf = new byte[(int) Math.min(blockBytes, to - from)];
            boolean pendingCr = false;
            byte lastByte = 0;
            for (long pos = from; pos < to; ) {
                cancel.throwIfCancelled();
                int len = readFully(file, ch, buf, 0, (int) Math.min(buf.length, to - pos), pos);
                if (len == 0) {
                    break;
                }
                pos += len;
                int i = 0;
                if (pendingCr) {
                    n++; // CR or CRLF: one line either way
                    if (buf[0] == '\n') {
                        i = 1;
                    }
                    pendingCr = false;
                }
                for (; i < len; i++) {
                    byte c = buf[i];
                    if (c == '\n') {
                        n++;
                    } else if (c == '\r') {
                        if (i + 1 >= len) {
                            pendingCr = true;
                        } else if (buf[i + 1] != '\n') {
                            n++;
                        }
                    }
                }
                lastByte = buf[len - 1];
                progress.advance(len);
            }
            if (pendingCr) {
                n++;
            }
            if (lastByte != '\n' && lastByte != '\r') {
                n++;
            }
            return n;
        }

        /**
         * Refuses absurdly long physical lines before Commons CSV buffers them (recording the first in
         * {@code result}); returns the number of physical lines.
         */
        private long checkLineLengths(long from, long to, int max, ChunkResult result) throws DataException {
            long line = 1;
            long length = 0;
            boolean skipLf = false;
            byte[] buf = new byte[(int) Math.max(1, Math.min(blockBytes, to - from))];
            for (long pos = from; pos < to; ) {
                cancel.throwIfCancelled();
                int len = readFully(file, ch, buf, 0, (int) Math.min(buf.length, to - pos), pos);
                if (len == 0) {
                    break;
                }
                pos += len;
                for (int i = 0; i < len; i++) {
                    byte c = buf[i];
                    if (skipLf) {
                        skipLf = false;
                        if (c == '\n') {
                            continue;
                        }
                    }
                    if (c == '\n' || c == '\r') {
                        if (length > max) {
                            result.longLine = line;
                            result.longLineLength = length;
                            return line;
                        }
                        skipLf = c == '\r';
                        line++;
                        length = 0;
                    } else {
                        length++;
                    }
                }
            }
            if (length > max) {
                result.longLine = line;
                result.longLineLength = length;
            }
            return length > 0 ? line : line - 1;
        }

        /** The bytes of [from, to), read with positional reads (the channel is shared). */
        private java.io.InputStream stream(long from, long to) {
            java.io.InputStream raw = new java.io.InputStream() {
                long pos = from;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (pos >= to) {
                        return -1;
                    }
                    cancel.throwIfCancelled();
                    int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
                    if (n > 0) {
                        pos += n;
                    }
                    return n;
                }
            };
            return new java.io.BufferedInputStream(raw, 1 << 16);
        }

        ChunkResult general() throws DataException {
            general = true;
            ranges = new long[][] {{bodyStart, end}};
            ChunkResult res = new ChunkResult();
            long lines = checkLineLengths(bodyStart, end, options.maxLineChars(), res);
            if (res.longLine > 0) {
                return res;
            }
            checkMemory(lines);
            // Records are at most the physical lines: size the columns once instead of growing them.
            res.columns = accumulators((int) Math.min(Math.max(16, lines), Integer.MAX_VALUE - 64));
            try {
                return GeneralParser.parse(file, stream(bodyStart, end), lineBase, delimChar, charset, strict, expected,
                        options, RowSink.into(res.columns), res, cancel, progress());
            } catch (TextDecoder.InvalidEncoding e) {
                res.invalidEncoding = true;
                return res;
            }
        }

        /** Parses chunk k again, sending rows to {@code sink} (no progress). */
        void reparse(int k, RowSink sink) throws DataException {
            long[] r = ranges[k];
            FastParser.Progress none = new FastParser.Progress(1, ProgressListener.NONE);
            if (general) {
                GeneralParser.parse(file, stream(r[0], r[1]), lineBase, delimChar, charset, false, expected, options,
                        sink, new ChunkResult(), cancel, none);
            } else {
                streamFast(r[0], r[1], sink, new ChunkResult(), none);
            }
        }

        /** Splits the body into ranges that end just after a line break. */
        private long[][] split(int parts) throws DataException {
            List<long[]> out = new ArrayList<>();
            long from = bodyStart;
            long len = end - bodyStart;
            for (int p = 1; p < parts && from < end; p++) {
                long target = bodyStart + len * p / parts;
                if (target <= from) {
                    continue;
                }
                long cut = afterLineBreak(target);
                if (cut >= end) {
                    break;
                }
                out.add(new long[] {from, cut});
                from = cut;
            }
            out.add(new long[] {from, end});
            return out.toArray(new long[0][]);
        }

        /** The offset just after the first line break at or after {@code pos} (CRLF counts as one), or end. */
        private long afterLineBreak(long pos) throws DataException {
            byte[] buf = new byte[1 << 16];
            while (pos < end) {
                int len = readFully(file, ch, buf, 0, (int) Math.min(buf.length, end - pos), pos);
                if (len == 0) {
                    return end;
                }
                // The last byte is only judged with the next one known (a CR may be followed by LF).
                int usable = pos + len >= end ? len : len - 1;
                for (int i = 0; i < usable; i++) {
                    byte c = buf[i];
                    if (c == '\n' || (c == '\r' && (pos + i + 1 >= end || buf[i + 1] != '\n'))) {
                        return pos + i + 1;
                    }
                }
                pos += usable;
                if (usable == 0) {
                    return end;
                }
            }
            return end;
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
            ExecutorService pool = Executors.newFixedThreadPool(threads, WorkerThreads.factory("csv-load"));
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
