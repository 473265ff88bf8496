package org.segmentlab.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Guesses the delimiter, decimal separator and header from the first 64 KiB of a file. */
final class Sniffer {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    /** Tie-break order: a consistent semicolon/tab/pipe beats commas, which also appear as decimals. */
    private static final String PREFERENCE = "\t;|,";
    private static final int MAX_RECORDS = 200;
    private static final java.util.regex.Pattern COMMA_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?\\d*,\\d+([eE][-+]?\\d+)?");
    private static final java.util.regex.Pattern DOT_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?");

    private Sniffer() {
    }

    /**
     * Counts each candidate outside quotes per record and keeps the one whose count is the same (and
     * non-zero) on the most records.
     */
    static char delimiter(String sample, boolean truncated) {
        List<int[]> perRecord = new ArrayList<>();
        int[] counts = new int[CANDIDATES.length];
        boolean inQuotes = false;
        boolean any = false;
        int n = sample.length();
        for (int i = 0; i < n && perRecord.size() < MAX_RECORDS; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                any = true;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < n && sample.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any) {
                    perRecord.add(counts);
                }
                counts = new int[CANDIDATES.length];
                any = false;
            } else if (!inQuotes) {
                any = true;
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        if (any && (!truncated || perRecord.isEmpty())) {
            perRecord.add(counts);
        }
        char best = ',';
        double bestScore = 0;
        int bestMode = 0;
        for (int k = 0; k < CANDIDATES.length; k++) {
            java.util.Map<Integer, Integer> freq = new java.util.HashMap<>();
            for (int[] r : perRecord) {
                freq.merge(r[k], 1, Integer::sum);
            }
            int mode = 0;
            int modeFreq = 0;
            for (var e : freq.entrySet()) {
                if (e.getKey() > 0 && (e.getValue() > modeFreq || (e.getValue() == modeFreq && e.getKey() > mode))) {
                    mode = e.getKey();
                    modeFreq = e.getValue();
                }
            }
            if (mode == 0) {
                continue;
            }
            double score = (double) modeFreq / perRecord.size();
            char c = CANDIDATES[k];
            boolean better = score > bestScore + 1e-9
                    || (Math.abs(score - bestScore) <= 1e-9 && PREFERENCE.indexOf(c) < PREFERENCE.indexOf(best));
            if (better) {
                best = c;
                bestScore = score;
                bestMode = mode;
            }
        }
        return bestMode == 0 ? ',' : best;
    }

    /** The first records of the sample (the last one dropped when the sample is cut mid-file). */
    static List<List<String>> records(String sample, char delimiter, boolean truncated) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<List<String>> out = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(sample), format)) {
            for (CSVRecord r : p) {
                List<String> fields = new ArrayList<>(r.size());
                for (String f : r) {
                    fields.add(ColumnAccumulator.strip(f));
                }
                out.add(fields);
                if (out.size() > MAX_RECORDS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // An unclosed quote in the sample: keep what was read; the full parse reports it properly.
        }
        if (truncated && out.size() > 1) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Decimal comma when, among data cells, "12,5"-like numbers outnumber "12.5"-like ones. */
    static boolean decimalComma(List<List<String>> records, char delimiter) {
        if (delimiter == ',') {
            return false;
        }
        int comma = 0;
        int dot = 0;
        for (List<String> r : records) {
            for (String f : r) {
                if (COMMA_DECIMAL.matcher(f).matches()) {
                    comma++;
                } else if (DOT_DECIMAL.matcher(f).matches()) {
                    dot++;
                }
            }
        }
        return comma > dot;
    }

    /**
     * A header when no cell of the first record is a number and either some column below it holds
     * numbers or none of the first record's texts appears again in its column.
     */
    static boolean header(List<List<String>> records, char decimal) {
        if (records.isEmpty()) {
            return true;
        }
        List<String> first = records.get(0);
        for (String f : first) {
            if (!Double.isNaN(NumberParser.parseOrNaN(f, decimal))) {
                return false;
            }
        }
        if (records.size() == 1) {
            return true;
        }
        boolean repeated = false;
        for (int c = 0; c < first.size(); c++) {
            int numeric = 0;
            int present = 0;
            for (int r = 1; r < records.size(); r++) {
                List<String> rec = records.get(r);
                if (c >= rec.size()) {
                    continue;
                }
                String f = rec.get(c);
                if (MissingMarkers.isMissing(f)) {
                    continue;
                }
                present++;
                if (!Double.isNaN(NumberParser.parseOrNaN(f, decimal))) {
                    numeric++;
                }
                if (f.equals(first.get(c)) && !first.get(c).isEmpty()) {
                    repeated = true;
                }
            }
            if (present > 0 && numeric * 2 > present) {
                return true;
            }
        }
        return !repeated;
    }
}
