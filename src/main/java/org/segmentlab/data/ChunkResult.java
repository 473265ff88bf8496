package org.segmentlab.data;

/** What one parse of a byte range produced: counts and the first problem, with chunk-local line numbers. */
final class ChunkResult {
    ColumnAccumulator[] columns;
    int rows;
    /** Line terminators consumed (physical lines read). */
    long lines;
    long skipped;
    long firstSkippedLine = -1;
    int firstSkippedFound;
    /** Local line of the first record with the wrong field count (when not skipping), or -1. */
    long raggedLine = -1;
    int raggedFound;
    long longLine = -1;
    long longLineLength;
    /** The fast path met a quote: the whole file goes to the general path. */
    boolean sawQuote;
    /** A cell was not valid in the charset assumed: retry as windows-1252. */
    boolean invalidEncoding;
    /** The sink asked to stop (a refill that has read all the rows it needs). */
    boolean stopped;

    /**
     * A record with the wrong number of fields: refused (remembered as the first problem, the parse
     * must stop) or, when skipping, counted. Shared by both parsers so they report alike.
     *
     * @param linesSoFar the line count to record when refusing
     * @return true when the parse must stop
     */
    boolean ragged(long line, int found, boolean skip, long linesSoFar) {
        if (!skip) {
            raggedLine = line;
            raggedFound = found;
            lines = linesSoFar;
            return true;
        }
        if (skipped++ == 0) {
            firstSkippedLine = line;
            firstSkippedFound = found;
        }
        return false;
    }
}
