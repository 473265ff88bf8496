package org.segmentlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one column's cells for one parsing chunk. Starts as numbers (a growable double[]); when
 * too many cells are not numbers (more than a fifth so far) it switches to dictionary-encoded text
 * for the rest of the chunk. The numeric prefix of a column that ends up as text is re-read later
 * ({@link CsvLoader} "refill"), so no cell's text is ever lost. Not thread-safe.
 */
final class ColumnAccumulator {

    static final int MAX_EXAMPLES = 5;

    private final char decimal;
    private final TextDecoder decoder;

    // Numeric mode: rows [0, numCount), stored at nums[base + row]. With the fast path, nums is the
    // column's final array shared by all chunks (each chunk writes its own segment), so a clean numeric
    // column needs no copy at the end; numCap bounds this chunk's segment.
    double[] nums;
    int base;
    int numCap;
    int numCount;
    long numMissing;
    long numExceptions;
    final List<String> examples = new ArrayList<>();

    // Text mode: rows [numCount, numCount + codeCount).
    boolean textMode;
    int[] codes;
    int codeCount;
    StringDictionary dict;

    ColumnAccumulator(char decimal, TextDecoder decoder, int expectedRows) {
        this.decimal = decimal;
        this.decoder = decoder;
        this.nums = new double[Math.max(16, expectedRows)];
        this.numCap = nums.length;
    }

    /** An accumulator writing numbers into {@code shared[base, base + capacity)}. */
    ColumnAccumulator(char decimal, TextDecoder decoder, double[] shared, int base, int capacity) {
        this.decimal = decimal;
        this.decoder = decoder;
        this.nums = shared;
        this.base = base;
        this.numCap = capacity;
    }

    /** A text-only accumulator for re-reading a numeric prefix ("refill"), sharing {@code dict}. */
    static ColumnAccumulator textOnly(char decimal, TextDecoder decoder, StringDictionary dict, int rows) {
        ColumnAccumulator a = new ColumnAccumulator(decimal, decoder, 0);
        a.textMode = true;
        a.dict = dict;
        a.codes = new int[Math.max(16, rows)];
        return a;
    }

    int rows() {
        return numCount + codeCount;
    }

    void add(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (!textMode) {
            double v = NumberParser.parse(b, from, to, decimal);
            if (!NumberParser.isNotANumber(v)) {
                appendNumber(v);
                return;
            }
            if (MissingMarkers.isMissing(b, from, to)) {
                numMissing++;
                appendNumber(Double.NaN);
                return;
            }
            String s = decoder.decode(b, from, to);
            if (!exceptionInNumericMode(s)) {
                return;
            }
            appendCode(dict.codeOf(s));
            return;
        }
        if (MissingMarkers.isMissing(b, from, to)) {
            appendCode(-1);
        } else {
            // ASCII bytes are their own UTF-8 (the fast path only runs on ASCII-compatible charsets):
            // no String per cell.
            appendCode(TextDecoder.isAscii(b, from, to) ? dict.codeOf(b, from, to)
                    : dict.codeOf(decoder.decode(b, from, to)));
        }
    }

    void add(String raw) {
        String s = strip(raw);
        if (!textMode) {
            double v = NumberParser.parse(s, decimal);
            if (!NumberParser.isNotANumber(v)) {
                appendNumber(v);
                return;
            }
            if (MissingMarkers.isMissing(s)) {
                numMissing++;
                appendNumber(Double.NaN);
                return;
            }
            if (!exceptionInNumericMode(s)) {
                return;
            }
            appendCode(dict.codeOf(s));
            return;
        }
        appendCode(MissingMarkers.isMissing(s) ? -1 : dict.codeOf(s));
    }

    static String strip(String s) {
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

    /**
     * Records a non-number in numeric mode. Returns true when the column switched to text mode and
     * the caller must store the cell as text instead.
     */
    private boolean exceptionInNumericMode(String s) {
        if ((numExceptions + 1) * 5 > rows() + 1) {
            textMode = true;
            // Switching in the first rows usually means ids or names: size for many distinct texts.
            dict = new StringDictionary(rows() < 16 ? Math.min(1 << 16, numCap) : 16);
            codes = new int[Math.max(16, numCap - numCount)];
            return true;
        }
        numExceptions++;
        if (examples.size() < MAX_EXAMPLES && !examples.contains(s)) {
            examples.add(s);
        }
        appendNumber(Double.NaN);
        return false;
    }

    private void appendNumber(double v) {
        if (numCount == numCap) {
            // Outgrew its segment (cannot happen with counted lines): continue in a private array.
            double[] own = new double[numCap + (numCap >> 1) + 16];
            System.arraycopy(nums, base, own, 0, numCount);
            nums = own;
            base = 0;
            numCap = own.length;
        }
        nums[base + numCount++] = v;
    }

    private void appendCode(int c) {
        if (codeCount == codes.length) {
            codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1) + 16);
        }
        codes[codeCount++] = c;
    }
}
