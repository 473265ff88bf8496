package org.segmentlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.segmentlab.progress.CancellationToken;

/**
 * The general path on Apache Commons CSV: quoted fields with delimiters, doubled quotes and line
 * breaks inside. Single-threaded. Blank lines are kept as records by Commons CSV (so its line counter
 * stays exact) and skipped here, as the fast path does.
 */
final class GeneralParser {

    private GeneralParser() {
    }

    /**
     * Parses the records read from {@code source} (the body's bytes, streamed). Long physical lines
     * must have been refused before (see {@code CsvLoader.Parse#checkLineLengths}).
     */
    static ChunkResult parse(Path file, InputStream source, long lineBase, char delim, Charset charset,
                             boolean strict, int expected, LoadOptions options, RowSink sink, ChunkResult result,
                             CancellationToken cancel, FastParser.Progress progress) throws DataException {
        CountingStream in = new CountingStream(source, progress);
        Reader reader = new InputStreamReader(in, strict
                ? charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                : charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delim).setIgnoreEmptyLines(false).get();
        long previousEnd = 0;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            var it = parser.iterator();
            while (true) {
                cancel.throwIfCancelled();
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        result.invalidEncoding = true;
                        return result;
                    }
                    String m = plain(e.getCause());
                    String problem = m.contains("EOF reached before encapsulated token finished")
                            ? "A quoted value that starts in the record on this line is never closed."
                            : m.contains("invalid char between encapsulated token and delimiter")
                            ? "The record on this line has text right after a closing quote."
                            : "The record on this line cannot be read as CSV (" + m.replaceAll("\\(startline \\d+\\) ?", "") + ").";
                    throw new DataException(file, lineBase + previousEnd + 1, null, problem,
                            "Check its quotes: a value containing quotes must be quoted and its quotes doubled (\"\").");
                }
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                int n = r.size();
                if (n == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                if (n != expected) {
                    if (result.ragged(line, n, options.skipRaggedRows(), previousEnd)) {
                        return result;
                    }
                    continue;
                }
                result.rows++;
                if (!sink.row(r)) {
                    result.stopped = true;
                    break;
                }
            }
            result.lines = previousEnd;
        } catch (IOException e) {
            if (e instanceof CharacterCodingException) {
                result.invalidEncoding = true;
                return result;
            }
            throw new DataException(file, 0, null, "The file could not be read (" + plain(e) + ").",
                    "Check that it is not being written or moved.", e);
        }
        return result;
    }

    private static String plain(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return m == null ? String.valueOf(t) : m;
    }

    /** Counts bytes read for progress. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final FastParser.Progress progress;
        private long pending;

        CountingStream(InputStream in, FastParser.Progress progress) {
            this.in = in;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            pending += n;
            if (pending >= 1 << 16) {
                progress.advance(pending);
                pending = 0;
            }
        }
    }
}
