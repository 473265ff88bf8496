package org.segmentlab.app.analysis;

import java.util.Objects;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;

/**
 * What a finished analysis hands to the views. Immutable.
 *
 * @param request the request the analysis was run with (its chosen k follows {@code result} after a k
 *                is picked in a chart)
 * @param result  the pipeline's result, looked at for the chosen k
 * @param summary one status-bar line, e.g. "k = 4 · silhouette 0.198 · PC1+PC2 47.6%"
 */
public record AnalysisOutcome(AnalysisRequest request, AnalysisResult result, String summary) {
    public AnalysisOutcome {
        Objects.requireNonNull(request);
        Objects.requireNonNull(result);
        Objects.requireNonNull(summary);
    }

    /** The outcome of a finished analysis, with its status line. */
    public static AnalysisOutcome of(AnalysisResult result) {
        return new AnalysisOutcome(result.request(), result, summary(result));
    }

    /** The same analysis looked at for another k (from {@link AnalysisResult#withChosenK}). */
    public AnalysisOutcome withResult(AnalysisResult other) {
        return new AnalysisOutcome(other.request(), other, summary(other));
    }

    /** "k = 4 · silhouette 0.198 · PC1+PC2 47.6%", with "(sampled)" when silhouettes are sampled. */
    public static String summary(AnalysisResult r) {
        StringBuilder sb = new StringBuilder("k = ").append(r.chosenK());
        double s = r.chosenSilhouetteMean();
        if (Double.isFinite(s)) {
            sb.append(" · silhouette ").append(org.segmentlab.prep.Numbers.sig3(s));
            if (r.sweep().silhouetteSampled()) {
                sb.append(" (sampled)");
            }
        }
        if (r.pca() != null && r.pca().components() >= 2) {
            double[] ev = r.pca().explainedVarianceRatio();
            sb.append(" · PC1+PC2 ").append(org.segmentlab.prep.Numbers.percent(ev[0] + ev[1]));
        }
        return sb.toString();
    }
}
