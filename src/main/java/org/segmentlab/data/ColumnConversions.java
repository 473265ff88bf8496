package org.segmentlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Type overrides for {@link Column#withType}. The column given is not modified; storage is shared
 * when the new type keeps it (arrays are never written after construction).
 */
final class ColumnConversions {

    private ColumnConversions() {
    }

    static Column withType(Column column, ColumnType newType) {
        if (newType == column.type()) {
            return column;
        }
        boolean wantsNumbers = newType == ColumnType.NUMERIC;
        boolean wantsText = newType == ColumnType.CATEGORICAL;
        if (column.isNumeric() && wantsText) {
            return numbersToText(column, newType);
        }
        if (!column.isNumeric() && wantsNumbers) {
            return textToNumbers(column);
        }
        // Identifier, constant and empty keep whatever storage the column has.
        if (column.isNumeric()) {
            return Column.compact(column.name(), newType, column.detectedType(), column.numbersView(), null, null,
                    column.statistics(), column.nonNumericCells(), column.nonNumericExamples());
        }
        return Column.compact(column.name(), newType, column.detectedType(), null, column.codesView(),
                column.compactDictionary(), column.statistics(), column.nonNumericCells(), column.nonNumericExamples());
    }

    private static Column numbersToText(Column column, ColumnType newType) {
        int n = column.size();
        int[] codes = new int[n];
        StringDictionary dict = new StringDictionary();
        for (int i = 0; i < n; i++) {
            codes[i] = column.isMissing(i) ? -1 : dict.codeOf(column.text(i));
        }
        return Column.compact(column.name(), newType, column.detectedType(), null, codes, dict.toCompact(), null, 0,
                List.of());
    }

    /** Parses each distinct text once, accepting '.' or ',' as decimal separator. */
    private static Column textToNumbers(Column column) {
        int size = column.dictionarySize();
        double[] parsed = new double[size];
        for (int i = 0; i < size; i++) {
            String s = column.dictionaryText(i).strip();
            double v = NumberParser.parseOrNaN(s, '.');
            if (Double.isNaN(v) && s.indexOf('.') < 0) {
                v = NumberParser.parseOrNaN(s, ',');
            }
            parsed[i] = MissingMarkers.isMissing(s) ? Double.NaN : v;
        }
        int[] codes = column.codesView();
        double[] values = new double[codes.length];
        long bad = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            values[i] = c < 0 ? Double.NaN : parsed[c];
            if (c >= 0 && Double.isNaN(parsed[c])) {
                String text = column.dictionaryText(c);
                if (MissingMarkers.isMissing(text.strip())) {
                    continue;
                }
                bad++;
                if (examples.size() < ColumnAccumulator.MAX_EXAMPLES && !examples.contains(text)) {
                    examples.add(text);
                }
            }
        }
        return Column.compact(column.name(), ColumnType.NUMERIC, column.detectedType(), values, null, null, null, bad,
                examples);
    }
}
