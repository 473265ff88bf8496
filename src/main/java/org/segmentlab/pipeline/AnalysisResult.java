package org.segmentlab.pipeline;

import java.util.List;
import java.util.Objects;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.data.DataTable;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Profiles;

/**
 * Everything one analysis produced: the prepared matrix, the k sweep with its scores, the chosen k's
 * partition, silhouettes and profiles, and the PCA. Immutable; {@link #withChosenK} gives the same
 * analysis looked at for another k of the sweep without fitting anything again.
 *
 * @param table              the table analysed (immutable, shared, not copied)
 * @param chosen             the partition at the chosen k
 * @param chosenSilhouettes  silhouette per entry of {@code sweep.silhouetteRows()}, or null when off
 * @param pca                principal components of the scaled matrix, or null when not asked for
 */
public record AnalysisResult(AnalysisRequest request, DataTable table, PreparedData prepared, SweepResult sweep,
                             int chosenK, KMeansResult chosen, double[] chosenSilhouettes,
                             List<ClusterProfile> profiles, PcaResult pca, Timings timings, List<String> warnings) {

    /** Wall times in seconds; {@code sweep} counts only the fits, {@code silhouette} every silhouette. */
    public record Timings(double load, double prepare, double sweep, double silhouette, double pca, double total) {
        public Timings withLoad(double seconds) {
            return new Timings(seconds, prepare, sweep, silhouette, pca, total + seconds);
        }
    }

    public AnalysisResult {
        Objects.requireNonNull(request);
        Objects.requireNonNull(prepared);
        Objects.requireNonNull(sweep);
        Objects.requireNonNull(chosen);
        chosenSilhouettes = chosenSilhouettes == null ? null : chosenSilhouettes.clone();
        profiles = List.copyOf(profiles);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] chosenSilhouettes() {
        return chosenSilhouettes == null ? null : chosenSilhouettes.clone();
    }

    /** Mean silhouette at the chosen k, or NaN when not computed (k = 1 or off). */
    public double chosenSilhouetteMean() {
        if (chosenSilhouettes == null || chosenSilhouettes.length == 0 || chosenK < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : chosenSilhouettes) {
            s += v;
        }
        return s / chosenSilhouettes.length;
    }

    /** True when k was fitted by the sweep, so {@link #withChosenK} needs no new fit. */
    public boolean inSweep(int k) {
        return sweep.entries().stream().anyMatch(e -> e.k() == k);
    }

    /**
     * This analysis with another chosen k taken from the sweep's cached fits: no k-means is run, only
     * the profiles are recomputed (linear in the rows).
     *
     * @throws IllegalArgumentException when k was not part of the sweep
     */
    public AnalysisResult withChosenK(int k) {
        if (k == chosenK) {
            return this;
        }
        SweepEntry e = sweep.entries().stream().filter(x -> x.k() == k).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("k = " + k + " is outside the sweep "
                        + request.kMin() + ".." + request.kMax() + ": run again with a wider k range"));
        KMeansResult fit = e.fit();
        List<ClusterProfile> p = Profiles.compute(table, prepared, fit.labels(), fit.k(), fit.centroids());
        return new AnalysisResult(request.withChosenK(k), table, prepared, sweep, k, fit, e.silhouetteSamples(), p, pca,
                timings, warnings);
    }
}
