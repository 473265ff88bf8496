package org.segmentlab.app.table;

import java.util.List;
import java.util.Objects;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;

/**
 * A table with everything the Data tab shows, all computed on the loading worker. Immutable.
 *
 * @param options the options it was loaded with (kept so Reload uses them again)
 */
public record LoadedData(DataTable table, LoadOptions options, List<ColumnSummary> summaries,
                         List<AdviceNote> advice) {
    public LoadedData {
        Objects.requireNonNull(table);
        Objects.requireNonNull(options);
        summaries = List.copyOf(summaries);
        advice = List.copyOf(advice);
    }

    /** The same table and options with summaries and advice recomputed for another table version. */
    public static LoadedData of(DataTable table, LoadOptions options, AdviceSource advisor,
                                org.segmentlab.progress.CancellationToken cancel) {
        List<ColumnSummary> summaries = ColumnSummaries.of(table, cancel);
        cancel.throwIfCancelled();
        List<AdviceNote> advice = advisor.advise(table);
        return new LoadedData(table, options, summaries, advice);
    }
}
