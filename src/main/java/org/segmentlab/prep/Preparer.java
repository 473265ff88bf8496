package org.segmentlab.prep;

import org.segmentlab.data.DataTable;

/** Turns a table and {@link PrepOptions} into {@link PreparedData}. Does not modify the table. */
public final class Preparer {

    private Preparer() {
    }

    public static PreparedData prepare(DataTable table, PrepOptions options) throws PrepException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
