package org.segmentlab.app.analysis;

import java.util.Objects;
import org.segmentlab.pipeline.AnalysisRequest;

/**
 * What a finished analysis hands to the views.
 *
 * @param request the request that produced it (the chosen k may differ from the request's later)
 * @param result  the pipeline's result; {@code Object} until the lead types it as
 *                {@code pipeline.AnalysisResult} at merge
 * @param summary one status-bar line, e.g. "k=4 · silhouette 0.198 · PC1+PC2 47.6%"
 */
public record AnalysisOutcome(AnalysisRequest request, Object result, String summary) {
    public AnalysisOutcome {
        Objects.requireNonNull(request);
        Objects.requireNonNull(summary);
    }
}
