package org.segmentlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the chunks' accumulators into typed {@link Column}s: decides numeric vs text per column over
 * all chunks, re-reads numeric prefixes of text columns, merges chunk dictionaries, and detects
 * identifier, constant and empty columns. Columns are assembled in parallel.
 */
final class ColumnAssembler {

    /** A column is numeric when at least this share of its non-missing cells are numbers. */
    static final double NUMERIC_SHARE = 0.75;
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private final CsvLoader.Parse parse;
    private final ChunkResult[] chunks;
    private final List<String> names;
    private final int rows;
    private final List<String> warnings;

    ColumnAssembler(CsvLoader.Parse parse, ChunkResult[] chunks, List<String> names, int rows, List<String> warnings) {
        this.parse = parse;
        this.chunks = chunks;
        this.names = names;
        this.rows = rows;
        this.warnings = warnings;
    }

    List<Column> assemble() throws DataException {
        int n = names.size();
        boolean[] text = new boolean[n];
        for (int j = 0; j < n; j++) {
            text[j] = isText(j);
        }
        refill(text);
        Column[] out = new Column[n];
        String[] warning = new String[n];
        parse.forEach(Math.min(n, 2), t -> {
            for (int j = t; j < n; j += Math.min(n, 2)) {
                parse.cancel.throwIfCancelled();
                out[j] = text[j] ? textColumn(j) : numericColumn(j, warning);
                // Drop the chunks' per-column state (hash tables, private arrays, an id column's unused
                // double[]) now, not when the whole table is done: it lowers the load's peak heap.
                for (ChunkResult c : chunks) {
                    c.columns[j] = null;
                }
            }
            return null;
        });
        for (String w : warning) {
            if (w != null) {
                warnings.add(w);
            }
        }
        return Arrays.asList(out);
    }

    /** Decides the column's kind from all chunks: text unless numbers are at least 75% of its cells. */
    private boolean isText(int j) {
        long numeric = 0;
        long nonMissing = 0;
        for (ChunkResult c : chunks) {
            ColumnAccumulator a = c.columns[j];
            numeric += a.numCount - a.numMissing - a.numExceptions;
            nonMissing += a.numCount - a.numMissing;
            if (a.textMode) {
                double[] parsed = parseDictionary(a.dict);
                for (int i = 0; i < a.codeCount; i++) {
                    check(i);
                    int code = a.codes[i];
                    if (code >= 0) {
                        nonMissing++;
                        if (!Double.isNaN(parsed[code])) {
                            numeric++;
                        }
                    }
                }
            }
        }
        return nonMissing > 0 && numeric < NUMERIC_SHARE * nonMissing;
    }

    /** Checks cancellation every 65,536 iterations of a long loop (well under 100 ms). */
    private void check(int i) {
        if ((i & 0xFFFF) == 0) {
            parse.cancel.throwIfCancelled();
        }
    }

    private double[] parseDictionary(StringDictionary dict) {
        double[] v = new double[dict.size()];
        for (int i = 0; i < v.length; i++) {
            check(i);
            v[i] = NumberParser.parseOrNaN(dict.get(i), parse.decimal);
        }
        return v;
    }

    /** Text columns whose chunks began as numbers: re-read those rows' texts (the rare, slow case). */
    private void refill(boolean[] text) throws DataException {
        int n = names.size();
        for (int k = 0; k < chunks.length; k++) {
            ColumnAccumulator[] refill = new ColumnAccumulator[n];
            int[] limit = new int[n];
            boolean any = false;
            for (int j = 0; j < n; j++) {
                ColumnAccumulator a = chunks[k].columns[j];
                if (text[j] && a.numCount > 0) {
                    if (a.dict == null) {
                        a.dict = new StringDictionary();
                        a.codes = new int[0];
                    }
                    refill[j] = ColumnAccumulator.textOnly(parse.decimal, parse.decoder(), a.dict, a.numCount);
                    limit[j] = a.numCount;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            parse.reparse(k, RowSink.refill(refill, limit));
            for (int j = 0; j < n; j++) {
                if (refill[j] != null) {
                    ColumnAccumulator a = chunks[k].columns[j];
                    int[] codes = new int[a.numCount + a.codeCount];
                    System.arraycopy(refill[j].codes, 0, codes, 0, a.numCount);
                    System.arraycopy(a.codes, 0, codes, a.numCount, a.codeCount);
                    a.codes = codes;
                    a.codeCount = codes.length;
                    a.numCount = 0;
                    a.textMode = true;
                }
            }
        }
    }

    private Column numericColumn(int j, String[] warning) {
        double[] values = sharedWithoutCopy(j);
        boolean copy = values == null;
        if (copy) {
            values = new double[rows];
        }
        int pos = 0;
        long exceptions = 0;
        List<String> examples = new ArrayList<>();
        for (ChunkResult c : chunks) {
            ColumnAccumulator a = c.columns[j];
            if (copy) {
                System.arraycopy(a.nums, a.base, values, pos, a.numCount);
            }
            pos += a.numCount;
            exceptions += a.numExceptions;
            for (String e : a.examples) {
                if (examples.size() < ColumnAccumulator.MAX_EXAMPLES && !examples.contains(e)) {
                    examples.add(e);
                }
            }
            if (a.textMode) {
                double[] parsed = parseDictionary(a.dict);
                for (int i = 0; i < a.codeCount; i++) {
                    check(i);
                    int code = a.codes[i];
                    double v = code < 0 ? Double.NaN : parsed[code];
                    if (code >= 0 && Double.isNaN(v)) {
                        exceptions++;
                        String s = a.dict.get(code);
                        if (examples.size() < ColumnAccumulator.MAX_EXAMPLES && !examples.contains(s)) {
                            examples.add(s);
                        }
                    }
                    values[pos++] = v;
                }
            }
        }
        String name = names.get(j);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integers = true;
        for (int i = 0; i < values.length; i++) {
            check(i);
            double v = values[i];
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (integers && v != Math.rint(v)) {
                    integers = false;
                }
            }
        }
        ColumnType type;
        if (min > max) {
            type = ColumnType.EMPTY;
        } else if (min == max) {
            type = ColumnType.CONSTANT;
        } else if (integers && nameSaysId(name) && unique(values)) {
            type = ColumnType.IDENTIFIER;
        } else {
            type = ColumnType.NUMERIC;
        }
        if (exceptions > 0) {
            warning[j] = "Column " + name + ": " + exceptions + (exceptions == 1 ? " cell is" : " cells are")
                    + " not a number and " + (exceptions == 1 ? "was" : "were") + " treated as missing (e.g. "
                    + quoteAll(examples) + "). Fix them in the file, or set the column's type to categorical.";
        }
        return Column.compact(name, type, type, values, null, null, null, exceptions, examples);
    }

    /**
     * The chunks' shared array itself when they filled it exactly, back to back, all as numbers (the
     * usual case for a clean file), or null when the values must be gathered into a new array.
     */
    private double[] sharedWithoutCopy(int j) {
        double[] shared = chunks[0].columns[j].nums;
        if (shared.length != rows) {
            return null;
        }
        int pos = 0;
        for (ChunkResult c : chunks) {
            ColumnAccumulator a = c.columns[j];
            if (a.nums != shared || a.base != pos || a.textMode) {
                return null;
            }
            pos += a.numCount;
        }
        return pos == rows ? shared : null;
    }

    private static String quoteAll(List<String> examples) {
        List<String> q = new ArrayList<>();
        for (String e : examples) {
            q.add("\"" + e + "\"");
        }
        return String.join(", ", q);
    }

    private static boolean unique(double[] values) {
        double[] copy = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(copy);
        for (int i = 1; i < copy.length; i++) {
            if (copy[i] == copy[i - 1]) {
                return false;
            }
        }
        return copy.length > 1;
    }

    /** CUST_ID, CustomerID, customer_id, id, ID, cust-id, Id: a word "id" in the name. */
    static boolean nameSaysId(String name) {
        for (String part : CAMEL.split(name)) {
            for (String word : part.split("[^A-Za-z0-9]+")) {
                String w = word.toLowerCase(Locale.ROOT);
                if (w.equals("id") || w.equals("uuid") || w.equals("guid")) {
                    return true;
                }
            }
        }
        // CustomerID: camel split gives "Customer", "ID"; CUSTOMERID stays one word and is not matched.
        return false;
    }

    private Column textColumn(int j) {
        int[] codes = new int[rows];
        StringDictionary merged = null;
        int pos = 0;
        for (ChunkResult c : chunks) {
            ColumnAccumulator a = c.columns[j];
            if (a.numCount > 0) {
                // Only all-missing numeric prefixes can remain here (refill handled the others).
                Arrays.fill(codes, pos, pos + a.numCount, -1);
                pos += a.numCount;
            }
            if (a.codeCount == 0) {
                continue;
            }
            if (merged == null) {
                merged = a.dict;
                System.arraycopy(a.codes, 0, codes, pos, a.codeCount);
                pos += a.codeCount;
            } else {
                int[] remap = new int[a.dict.size()];
                for (int i = 0; i < remap.length; i++) {
                    check(i);
                    remap[i] = merged.codeOf(a.dict, i);
                }
                for (int i = 0; i < a.codeCount; i++) {
                    check(i);
                    int code = a.codes[i];
                    codes[pos++] = code < 0 ? -1 : remap[code];
                }
            }
        }
        CompactStrings dictionary = merged == null ? CompactStrings.EMPTY : merged.toCompact();
        merged = null; // its hash table is garbage from here on
        long nonMissing = 0;
        for (int i = 0; i < codes.length; i++) {
            check(i);
            if (codes[i] >= 0) {
                nonMissing++;
            }
        }
        ColumnType type;
        if (nonMissing == 0) {
            type = ColumnType.EMPTY;
        } else if (dictionary.size() == 1) {
            type = ColumnType.CONSTANT;
        } else if (dictionary.size() == nonMissing) {
            type = ColumnType.IDENTIFIER;
        } else {
            type = ColumnType.CATEGORICAL;
        }
        return Column.compact(names.get(j), type, type, null, codes, dictionary, null, 0, List.of());
    }
}
