package org.segmentlab.data;

import java.util.concurrent.atomic.AtomicLong;
import org.segmentlab.progress.CancellationToken;

/**
 * The fast path for files without quote characters: scans bytes for the delimiter and line ends
 * (LF, CRLF or CR) and hands field ranges to a {@link RowSink}, with no per-cell allocation. Gives up
 * ({@link ChunkResult#sawQuote}) at the first quote, since quoted fields need the general path.
 */
final class FastParser {

    /** Lines between cancellation checks and progress updates (a few hundred KiB at most). */
    private static final int CHECK_EVERY = 1024;

    private FastParser() {
    }

    static ChunkResult parse(byte[] b, int from, int to, byte delim, int expected, LoadOptions options,
                             RowSink sink, ChunkResult result, CancellationToken cancel, Progress progress) {
        LineScanner scan = new LineScanner(b, from, to, delim, expected);
        int lastReported = from;
        // Continues the chunk's line numbering: a chunk is parsed block by block into this result.
        long line = result.lines;
        int maxLine = options.maxLineChars();
        boolean skipRagged = options.skipRaggedRows();
        while (scan.pos < to) {
            if ((line & (CHECK_EVERY - 1)) == 0) {
                cancel.throwIfCancelled();
                progress.advance(scan.pos - lastReported);
                lastReported = scan.pos;
            }
            int lineStart = scan.pos;
            int n = scan.next(maxLine);
            if (n < 0) {
                result.sawQuote = true;
                return result;
            }
            int lineEnd = scan.lineEnd;
            if (lineEnd - lineStart > maxLine) {
                result.longLine = line + 1;
                result.longLineLength = lineEnd - lineStart;
                result.lines = line;
                return result;
            }
            line++;
            if (n == 1 && lineEnd == lineStart) {
                continue; // blank line
            }
            if (n != expected) {
                if (result.ragged(line, n, skipRagged, line)) {
                    return result;
                }
                continue;
            }
            result.rows++;
            if (!sink.row(b, scan.starts, scan.ends, expected)) {
                result.stopped = true;
                break;
            }
        }
        progress.advance(scan.pos - lastReported);
        result.lines = line;
        return result;
    }

    /**
     * Finds the fields of one physical line. A small method called once per line, so the JIT compiles
     * it early by invocation count instead of waiting for on-stack replacement of one long loop (which
     * made the first load of a session several times slower than later ones).
     */
    private static final class LineScanner {
        final byte[] b;
        final int to;
        final int expected;
        final int[] starts;
        final int[] ends;
        /** One table lookup per byte instead of four comparisons: 1 marks the bytes that end a field. */
        final byte[] stops = new byte[256];
        int pos;
        int lineEnd;

        LineScanner(byte[] b, int from, int to, byte delim, int expected) {
            this.b = b;
            this.pos = from;
            this.to = to;
            this.expected = expected;
            this.starts = new int[expected + 1];
            this.ends = new int[expected + 1];
            stops[delim & 0xff] = 1;
            stops['\n'] = 1;
            stops['\r'] = 1;
            stops['"'] = 1;
        }

        /**
         * Scans the line at {@code pos}: fills starts/ends, sets {@code lineEnd}, moves {@code pos} past
         * the line break and returns the field count, or -1 at a quote character.
         */
        int next(int maxLine) {
            final byte[] b = this.b;
            final byte[] stops = this.stops;
            final int to = this.to;
            int p = pos;
            int lineStart = p;
            int n = 0;
            int fieldStart = p;
            while (true) {
                byte c = 0;
                while (p < to) {
                    c = b[p];
                    if (stops[c & 0xff] != 0) {
                        break;
                    }
                    p++;
                }
                if (p < to && c == '"') {
                    return -1;
                }
                if (n <= expected) {
                    starts[n] = fieldStart;
                    ends[n] = p;
                }
                n++;
                if (p < to && c != '\n' && c != '\r') {
                    p++; // the delimiter
                    fieldStart = p;
                    if (p - lineStart > maxLine) {
                        break;
                    }
                    continue;
                }
                break;
            }
            lineEnd = p;
            if (p < to) {
                p += (b[p] == '\r' && p + 1 < to && b[p + 1] == '\n') ? 2 : 1;
            }
            pos = p;
            return n;
        }
    }

    /** Shared byte counter turned into progress updates. Thread-safe. */
    static final class Progress {
        private final AtomicLong done = new AtomicLong();
        private final long total;
        private final org.segmentlab.progress.ProgressListener listener;

        Progress(long total, org.segmentlab.progress.ProgressListener listener) {
            this.total = Math.max(1, total);
            this.listener = listener;
        }

        void advance(long bytes) {
            if (bytes > 0) {
                long d = done.addAndGet(bytes);
                listener.update(Math.min(1.0, (double) d / total), "Reading rows");
            }
        }
    }
}
