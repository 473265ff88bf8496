package org.segmentlab.data;

import java.util.List;
import java.util.Objects;

/**
 * One column of a loaded table, stored as primitive arrays.
 *
 * <p>A column holds either numbers ({@link #numbers()}, NaN for missing) or dictionary-encoded text
 * ({@link #codes()} indexing {@link #dictionary()}, -1 for missing), never rows of strings. The
 * dictionary's texts are kept as one UTF-8 byte array with offsets (a million unique ids cost about
 * their bytes, not a million String objects); {@link #text}, {@link #dictionaryText} and
 * {@link #dictionary()} create Strings on demand. Numeric,
 * and numeric identifiers/constants, use numbers; categorical and text identifiers use codes.
 * Instances are immutable: accessors return defensive copies, except {@code numbersView()} and
 * {@code codesView()}, which hand out the internal array for read-only use in hot loops.
 */
public final class Column {

    private final String name;
    private final ColumnType type;
    private final ColumnType detectedType;
    private final double[] numbers;
    private final int[] codes;
    private final CompactStrings dictionary;
    // Computed on first use (sorting every column costs more than parsing it); immutable once set.
    private volatile ColumnStatistics statistics;
    private final long nonNumericCells;
    private final List<String> nonNumericExamples;

    /**
     * @param numbers            values (NaN = missing), or null for a text column
     * @param codes              dictionary codes (-1 = missing), or null for a numeric column
     * @param dictionary         the distinct texts that codes index, or null for a numeric column
     * @param statistics         the column's statistics, or null to compute them on first use
     * @param nonNumericCells    cells of a numeric column that were not numbers and became missing
     * @param nonNumericExamples up to a few such cells, as written in the file
     */
    public Column(String name, ColumnType type, ColumnType detectedType, double[] numbers, int[] codes,
                  String[] dictionary, ColumnStatistics statistics, long nonNumericCells,
                  List<String> nonNumericExamples) {
        this(name, type, detectedType, numbers, codes, dictionary == null ? null : CompactStrings.of(dictionary),
                statistics, nonNumericCells, nonNumericExamples, true);
    }

    /** As the public constructor, with the dictionary already compact (shared, never modified). */
    static Column compact(String name, ColumnType type, ColumnType detectedType, double[] numbers, int[] codes,
                          CompactStrings dictionary, ColumnStatistics statistics, long nonNumericCells,
                          List<String> nonNumericExamples) {
        return new Column(name, type, detectedType, numbers, codes, dictionary, statistics, nonNumericCells,
                nonNumericExamples, true);
    }

    private Column(String name, ColumnType type, ColumnType detectedType, double[] numbers, int[] codes,
                   CompactStrings dictionary, ColumnStatistics statistics, long nonNumericCells,
                   List<String> nonNumericExamples, boolean compactMarker) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.detectedType = Objects.requireNonNull(detectedType);
        if ((numbers == null) == (codes == null)) {
            throw new IllegalArgumentException("column " + name + " must hold either numbers or codes");
        }
        if (codes != null && dictionary == null) {
            throw new IllegalArgumentException("column " + name + " has codes but no dictionary");
        }
        this.numbers = numbers;
        this.codes = codes;
        this.dictionary = dictionary;
        this.statistics = statistics;
        this.nonNumericCells = nonNumericCells;
        this.nonNumericExamples = List.copyOf(nonNumericExamples);
    }

    public String name() {
        return name;
    }

    /** The type in force (the user's override, or the detected one). */
    public ColumnType type() {
        return type;
    }

    /** The type detected on load. */
    public ColumnType detectedType() {
        return detectedType;
    }

    public boolean isNumeric() {
        return numbers != null;
    }

    public int size() {
        return numbers != null ? numbers.length : codes.length;
    }

    /** A copy of the values (NaN = missing), or null for a text column. */
    public double[] numbers() {
        return numbers == null ? null : numbers.clone();
    }

    /** The internal values array, not copied: callers must not modify it. Null for a text column. */
    public double[] numbersView() {
        return numbers;
    }

    /** A copy of the codes (-1 = missing), or null for a numeric column. */
    public int[] codes() {
        return codes == null ? null : codes.clone();
    }

    /** The internal codes array, not copied: callers must not modify it. Null for a numeric column. */
    public int[] codesView() {
        return codes;
    }

    /**
     * The dictionary as new Strings, or null for a numeric column. Allocates one String per entry
     * (the column keeps its texts as compact UTF-8 bytes): prefer {@link #dictionarySize()} and
     * {@link #dictionaryText(int)} when you need one entry at a time.
     */
    public String[] dictionary() {
        return dictionary == null ? null : dictionary.toArray();
    }

    /** Number of distinct texts that codes index; 0 for a numeric column. */
    public int dictionarySize() {
        return dictionary == null ? 0 : dictionary.size();
    }

    /**
     * The text of one dictionary code (a new String).
     *
     * @throws IllegalStateException     for a numeric column
     * @throws IndexOutOfBoundsException for a code outside [0, dictionarySize())
     */
    public String dictionaryText(int code) {
        if (dictionary == null) {
            throw new IllegalStateException("column " + name + " is numeric and has no dictionary");
        }
        return dictionary.get(code);
    }

    /** The compact dictionary itself (shared, immutable), or null for a numeric column. */
    CompactStrings compactDictionary() {
        return dictionary;
    }

    public boolean isMissing(int row) {
        return numbers != null ? Double.isNaN(numbers[row]) : codes[row] < 0;
    }

    /** The cell as text, for display; "" when missing. */
    public String text(int row) {
        if (numbers != null) {
            double v = numbers[row];
            if (Double.isNaN(v)) {
                return "";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        int c = codes[row];
        return c < 0 ? "" : dictionary.get(c);
    }

    /** The column's statistics, computed on first call (thread-safe; cheap afterwards). */
    public ColumnStatistics statistics() {
        ColumnStatistics s = statistics;
        if (s == null) {
            s = numbers != null ? Statistics.ofNumbers(numbers) : Statistics.ofCodes(codes, dictionary.size());
            statistics = s;
        }
        return s;
    }

    /** Bytes held by this column's arrays and dictionary texts (an estimate for 64-bit JVMs). */
    public long estimatedBytes() {
        long bytes = 0;
        if (numbers != null) {
            bytes += 16L + 8L * numbers.length;
        }
        if (codes != null) {
            bytes += 16L + 4L * codes.length + dictionary.estimatedBytes();
        }
        return bytes;
    }

    public long nonNumericCells() {
        return nonNumericCells;
    }

    public List<String> nonNumericExamples() {
        return nonNumericExamples;
    }

    /**
     * This column with another type in force. Converting text to numbers parses each distinct text
     * (unparseable ones become missing); converting numbers to categorical formats each value.
     */
    public Column withType(ColumnType newType) {
        return ColumnConversions.withType(this, newType);
    }
}
