package org.segmentlab.data;

import org.apache.commons.csv.CSVRecord;

/** Receives the records of a parse whose field count is right; returns false to stop early. */
interface RowSink {

    /** A record from the fast path: field i is {@code b[starts[i], ends[i])}. */
    boolean row(byte[] b, int[] starts, int[] ends, int n);

    /** A record from the general (Commons CSV) path. */
    boolean row(CSVRecord record);

    /** Feeds every field to its column's accumulator. */
    static RowSink into(ColumnAccumulator[] acc) {
        return new RowSink() {
            @Override
            public boolean row(byte[] b, int[] starts, int[] ends, int n) {
                for (int i = 0; i < n; i++) {
                    acc[i].add(b, starts[i], ends[i]);
                }
                return true;
            }

            @Override
            public boolean row(CSVRecord record) {
                for (int i = 0; i < acc.length; i++) {
                    acc[i].add(record.get(i));
                }
                return true;
            }
        };
    }

    /** Re-reads the first {@code limit[j]} rows of the columns with a non-null accumulator as text. */
    static RowSink refill(ColumnAccumulator[] acc, int[] limit) {
        int max = 0;
        for (int j = 0; j < acc.length; j++) {
            if (acc[j] != null) {
                max = Math.max(max, limit[j]);
            }
        }
        int stopAt = max;
        return new RowSink() {
            int row;

            @Override
            public boolean row(byte[] b, int[] starts, int[] ends, int n) {
                for (int j = 0; j < acc.length; j++) {
                    if (acc[j] != null && row < limit[j]) {
                        acc[j].add(b, starts[j], ends[j]);
                    }
                }
                return ++row < stopAt;
            }

            @Override
            public boolean row(CSVRecord record) {
                for (int j = 0; j < acc.length; j++) {
                    if (acc[j] != null && row < limit[j]) {
                        acc[j].add(record.get(j));
                    }
                }
                return ++row < stopAt;
            }
        };
    }
}
