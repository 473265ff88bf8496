package org.segmentlab.app.analysis;

import org.segmentlab.data.DataTable;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Runs one analysis on a worker thread. The app uses {@link #PIPELINE}; tests may wrap it (to fail,
 * to block, to count calls).
 */
@FunctionalInterface
public interface AnalysisService {

    /**
     * @throws org.segmentlab.progress.CancelledException when {@code cancel} is cancelled
     * @throws Exception whose message is shown to the user (IllegalArgumentException, PrepException...)
     */
    AnalysisOutcome run(DataTable table, AnalysisRequest request, ProgressListener progress,
                        CancellationToken cancel) throws Exception;

    /** The real analysis: {@link Pipeline#run}, the same one the command line runs. */
    AnalysisService PIPELINE = (table, request, progress, cancel) ->
            AnalysisOutcome.of(Pipeline.run(table, request, progress, cancel));
}
