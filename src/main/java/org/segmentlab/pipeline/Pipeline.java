package org.segmentlab.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.Matrix;
import org.segmentlab.metrics.Silhouette;
import org.segmentlab.pca.Pca;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.PrepException;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Profiles;

/**
 * The one analysis both front doors run: prepare, sweep k, pick k, profile, PCA. The GUI and the CLI
 * build an {@link AnalysisRequest} and get an {@link AnalysisResult}; neither has maths of its own.
 * Does not modify the table.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * @throws PrepException              when the preparation cannot be done as asked
     * @throws IllegalArgumentException   when k cannot be fitted (more clusters than distinct rows)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static AnalysisResult run(DataTable table, AnalysisRequest request, ProgressListener progress,
                                     CancellationToken cancel) throws PrepException {
        long t0 = System.nanoTime();
        progress.update(0, "Preparing features");
        PreparedData prepared = Preparer.prepare(table, request.prep());
        double prepareSeconds = seconds(t0);
        cancel.throwIfCancelled();
        List<String> warnings = new ArrayList<>(prepared.warnings());

        Matrix x = prepared.scaledMatrix();
        KMeansOptions base = new KMeansOptions(request.kMin(), request.nInit(), request.maxIter(), request.tol(),
                request.seed(), request.threads());
        SweepResult sweep = KSweep.run(x, request.kMin(), request.kMax(), base, request.silhouette(),
                progress.range(0.03, 0.85), cancel);

        int chosenK = chooseK(request, sweep);
        KMeansResult chosen;
        double[] chosenSilhouettes;
        double extraFit = 0;
        double extraSilhouette = 0;
        if (sweep.ks().length > 0 && java.util.Arrays.stream(sweep.ks()).anyMatch(k -> k == chosenK)) {
            SweepEntry entry = sweep.entry(chosenK);
            chosen = entry.fit();
            chosenSilhouettes = entry.silhouetteSamples();
        } else {
            // A chosen k outside the sweep range is fitted on its own, with the same settings.
            progress.update(0.86, "Fitting k = " + chosenK);
            long t = System.nanoTime();
            chosen = KMeans.fit(x, base.withK(chosenK), ProgressListener.NONE, cancel);
            extraFit = seconds(t);
            t = System.nanoTime();
            int[] rows = sweep.silhouetteRows();
            chosenSilhouettes = rows.length == 0 || chosenK < 2 ? null
                    : Silhouette.samples(x, rows, chosen.labels(), chosenK, request.threads(), cancel);
            extraSilhouette = seconds(t);
        }
        if (chosen.emptyRefilled() > 0) {
            warnings.add("k = " + chosenK + ": " + chosen.emptyRefilled()
                    + " empty cluster(s) were refilled with the farthest customer during fitting.");
        }
        cancel.throwIfCancelled();

        progress.update(0.9, "Profiling clusters");
        List<ClusterProfile> profiles = Profiles.compute(table, prepared, chosen.labels(), chosenK, chosen.centroids());

        PcaResult pca = null;
        double pcaSeconds = 0;
        if (request.pcaComponents() > 0) {
            progress.update(0.93, "Principal components");
            long t = System.nanoTime();
            pca = Pca.fit(x, Math.min(request.pcaComponents(), x.cols()), request.threads(), cancel);
            pcaSeconds = seconds(t);
        }
        progress.update(1, "Done");
        AnalysisResult.Timings timings = new AnalysisResult.Timings(0, prepareSeconds, sweep.fitSeconds() + extraFit,
                sweep.silhouetteSeconds() + extraSilhouette, pcaSeconds, seconds(t0));
        return new AnalysisResult(request, table, prepared, sweep, chosenK, chosen, chosenSilhouettes, profiles, pca,
                timings, warnings);
    }

    /** The user's k, else the knee, else the best silhouette, else the smallest k of the range. */
    static int chooseK(AnalysisRequest request, SweepResult sweep) {
        if (request.chosenK() != null) {
            return request.chosenK();
        }
        OptionalInt knee = sweep.kneeK();
        if (knee.isPresent()) {
            return knee.getAsInt();
        }
        OptionalInt best = sweep.bestSilhouetteK();
        return best.isPresent() ? best.getAsInt() : request.kMin();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
