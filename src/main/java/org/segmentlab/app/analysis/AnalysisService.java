package org.segmentlab.app.analysis;

import org.segmentlab.data.DataTable;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Runs one analysis on a worker thread. The lead implements it over {@code pipeline.Pipeline.run} at
 * merge; until then the app uses {@link #NOT_CONNECTED} and tests use fakes.
 */
@FunctionalInterface
public interface AnalysisService {

    /**
     * @throws org.segmentlab.progress.CancelledException when {@code cancel} is cancelled
     * @throws Exception whose message is shown to the user (IllegalArgumentException, PrepException...)
     */
    AnalysisOutcome run(DataTable table, AnalysisRequest request, ProgressListener progress,
                        CancellationToken cancel) throws Exception;

    /** Says plainly that the analysis engine is not part of this build yet. */
    AnalysisService NOT_CONNECTED = (table, request, progress, cancel) -> {
        throw new UnsupportedOperationException("The analysis engine is not connected in this build yet.");
    };
}
