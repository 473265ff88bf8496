package org.segmentlab.app.analysis;

import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.segmentlab.app.help.Explanations;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.SweepEntry;
import org.segmentlab.pipeline.SweepResult;
import org.segmentlab.prep.Numbers;

/**
 * The Choose k tab's state: the four measures of the sweep against k (elbow, mean silhouette,
 * Calinski-Harabasz, Davies-Bouldin) with their marks and a plain note each, the fit times, and the
 * chosen k. {@link #choose} hands a k picked in a chart to the main view model, which re-profiles
 * from the cached fit (no run). Only a handful of numbers per k: computed on the FX thread.
 */
public final class ChooseKViewModel {

    /**
     * One chart's data.
     *
     * @param marked    the k to mark (knee or best), or empty
     * @param markLabel "knee k=4", "best k=2"
     * @param note      one or two plain sentences: what it measures, which way is better, what it says here
     */
    public record Metric(int[] ks, double[] values, OptionalInt marked, String markLabel, String note) {
        public Metric {
            ks = ks.clone();
            values = values.clone();
        }

        @Override
        public int[] ks() {
            return ks.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final ReadOnlyObjectWrapper<Metric> elbow = new ReadOnlyObjectWrapper<>(this, "elbow");
    private final ReadOnlyObjectWrapper<Metric> silhouette = new ReadOnlyObjectWrapper<>(this, "silhouette");
    private final ReadOnlyObjectWrapper<Metric> calinskiHarabasz = new ReadOnlyObjectWrapper<>(this, "calinskiHarabasz");
    private final ReadOnlyObjectWrapper<Metric> daviesBouldin = new ReadOnlyObjectWrapper<>(this, "daviesBouldin");
    private final ReadOnlyObjectWrapper<double[]> fitSeconds = new ReadOnlyObjectWrapper<>(this, "fitSeconds");
    private final ReadOnlyIntegerWrapper chosenK = new ReadOnlyIntegerWrapper(this, "chosenK");
    private final IntConsumer chooser;

    /**
     * @param outcome the analysis shown (null = none)
     * @param chooser where a picked k goes ({@code MainViewModel::chooseK})
     */
    public ChooseKViewModel(ObservableValue<AnalysisOutcome> outcome, IntConsumer chooser) {
        this.chooser = chooser;
        outcome.addListener((o, a, b) -> show(b));
        show(outcome.getValue());
    }

    /** A k picked in a chart: shown at once from the sweep's fit; never runs the analysis again. */
    public void choose(int k) {
        if (k > 0 && k != chosenK.get()) {
            chooser.accept(k);
        }
    }

    private AnalysisResult shownResult;

    private void show(AnalysisOutcome o) {
        if (o == null) {
            shownResult = null;
            elbow.set(null);
            silhouette.set(null);
            calinskiHarabasz.set(null);
            daviesBouldin.set(null);
            fitSeconds.set(null);
            chosenK.set(0);
            return;
        }
        AnalysisResult r = o.result();
        // A k picked in a chart changes only the chosen k: the curves are the same sweep's.
        if (shownResult == null || shownResult.sweep() != r.sweep()) {
            SweepResult s = r.sweep();
            int[] ks = s.ks();
            OptionalInt knee = s.kneeK();
            // What each measure is comes from the help catalogue (one wording everywhere); what it says here is ours.
            elbow.set(new Metric(ks, s.inertias(), knee, knee.isPresent() ? "knee k=" + knee.getAsInt() : "",
                    summary("inertia") + " " + (knee.isPresent()
                            ? Explanations.of("elbow").better() + " Here the knee is at k = " + knee.getAsInt() + "."
                            : "No clear knee here: the curve bends gradually, so lean on the silhouette and on what the segments mean.")));
            OptionalInt bestSil = s.bestSilhouetteK();
            silhouette.set(new Metric(ks, s.silhouettes(), bestSil, bestSil.isPresent() ? "best k=" + bestSil.getAsInt() : "",
                    summary("silhouette")
                            + (s.silhouetteSampled() ? " Computed on a sample of " + Numbers.count(s.silhouetteRows().length) + " customers." : "")
                            + " " + direction("silhouette") + (bestSil.isPresent() ? "; best here k = " + bestSil.getAsInt()
                            + " (" + Numbers.sig3(s.entry(bestSil.getAsInt()).silhouette()) + ")." : "; not computed.")));
            double[] ch = values(s, SweepEntry::calinskiHarabasz);
            OptionalInt bestCh = best(ks, ch, true);
            calinskiHarabasz.set(new Metric(ks, ch, bestCh, bestCh.isPresent() ? "best k=" + bestCh.getAsInt() : "",
                    summary("calinski-harabasz") + " " + direction("calinski-harabasz")
                            + (bestCh.isPresent() ? "; best here k = " + bestCh.getAsInt() + "." : ".")));
            double[] db = values(s, SweepEntry::daviesBouldin);
            OptionalInt bestDb = best(ks, db, false);
            daviesBouldin.set(new Metric(ks, db, bestDb, bestDb.isPresent() ? "best k=" + bestDb.getAsInt() : "",
                    summary("davies-bouldin") + " " + direction("davies-bouldin")
                            + (bestDb.isPresent() ? "; best here k = " + bestDb.getAsInt() + "." : ".")));
            fitSeconds.set(values(s, e -> e.fit().fitSeconds()));
        }
        shownResult = r;
        chosenK.set(r.chosenK());
    }

    private static String summary(String helpId) {
        return Explanations.of(helpId).summary();
    }

    /** "Higher is better" / "Lower is better", from the catalogue entry's direction. */
    private static String direction(String helpId) {
        return Explanations.of(helpId).direction().phrase();
    }

    private static double[] values(SweepResult s, ToDoubleFunction<SweepEntry> f) {
        return s.entries().stream().mapToDouble(f).toArray();
    }

    /** The k with the highest (or lowest) finite value, if any. */
    static OptionalInt best(int[] ks, double[] v, boolean higher) {
        int bi = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i]) && (bi < 0 || (higher ? v[i] > v[bi] : v[i] < v[bi]))) {
                bi = i;
            }
        }
        return bi < 0 ? OptionalInt.empty() : OptionalInt.of(ks[bi]);
    }

    public ReadOnlyObjectProperty<Metric> elbowProperty() {
        return elbow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metric> silhouetteProperty() {
        return silhouette.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metric> calinskiHarabaszProperty() {
        return calinskiHarabasz.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metric> daviesBouldinProperty() {
        return daviesBouldin.getReadOnlyProperty();
    }

    /** Fit time per k in seconds (all restarts), parallel to the metrics' ks; null without a result. */
    public ReadOnlyObjectProperty<double[]> fitSecondsProperty() {
        return fitSeconds.getReadOnlyProperty();
    }

    /** The k shown (0 without a result). */
    public ReadOnlyIntegerProperty chosenKProperty() {
        return chosenK.getReadOnlyProperty();
    }
}
