package org.segmentlab.app.learn;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.data.ToyData;
import org.segmentlab.prep.Numbers;

/**
 * The Learn tab's state and commands: which points (a toy set or two axes of the current analysis),
 * k, how the centroids start, the seed, and the {@link KMeansStepper} being stepped. Every change of
 * those settings starts a new run at iteration 0. The stepper runs here, on the FX thread: one
 * half-step over {@value LearnData#MAX_POINTS} two-dimensional points and k <= 10 takes well under a
 * millisecond. FX thread only; tested without a window.
 */
public final class LearnViewModel {

    /** How the first centroids are placed. */
    public enum StartMode {
        RANDOM("Random points"), PLUS_PLUS("k-means++"), CLICK("Click to place");

        private final String text;

        StartMode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One entry of the source picker: the current analysis, or a toy set. */
    public record Source(String title, ToyData.Kind toy) {
        public static final Source ANALYSIS = new Source("Current analysis", null);

        public static Source of(ToyData.Kind kind) {
            return new Source("Example: " + kind.title(), kind);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    public static final int MAX_K = 10;

    private final ObservableValue<AnalysisOutcome> outcome;
    private final ObservableList<Source> sources = FXCollections.observableArrayList();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source");
    private final ObservableList<String> axisNames = FXCollections.observableArrayList();
    private final IntegerProperty xAxis = new SimpleIntegerProperty(this, "xAxis", 0);
    private final IntegerProperty yAxis = new SimpleIntegerProperty(this, "yAxis", 1);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 4);
    private final ObjectProperty<StartMode> startMode = new SimpleObjectProperty<>(this, "startMode", StartMode.RANDOM);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final BooleanProperty showLines = new SimpleBooleanProperty(this, "showLines", false);
    private final BooleanProperty showTrails = new SimpleBooleanProperty(this, "showTrails", true);

    private final ReadOnlyObjectWrapper<LearnData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<KMeansStepper.State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper placedCount = new ReadOnlyIntegerWrapper(this, "placedCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding canForward;
    private final BooleanBinding canMove;
    private final BooleanBinding canBack;

    private KMeansStepper stepper;
    /** Centroids clicked so far in {@link StartMode#CLICK}, x, y pairs. */
    private final List<double[]> placed = new ArrayList<>();
    /** Settings are being changed together: rebuild once at the end. */
    private boolean quiet;

    /**
     * Whether the tab is shown. While it is not, a new analysis or source only marks the data to be rebuilt when
     * it is shown again (default true: a view model on its own follows at once).
     */
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(true);
    private boolean rebuildWhenActive;
    /** The analysis outcome this tab last took in, and whether a newer one waits for the tab to be shown. */
    private AnalysisOutcome outcomeApplied;
    private boolean outcomeWaits;

    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    public LearnViewModel(ObservableValue<AnalysisOutcome> outcome) {
        this.outcome = outcome;
        active.addListener((o, was, on) -> {
            if (on && outcomeWaits) {
                outcomeWaits = false;
                outcomeChanged(outcomeApplied, outcome.getValue());
            }
            if (on && rebuildWhenActive) {
                rebuildWhenActive = false;
                rebuildData();
            }
        });
        for (ToyData.Kind kind : ToyData.Kind.values()) {
            sources.add(Source.of(kind));
        }
        source.set(sources.get(0));
        k.set(ToyData.Kind.BLOBS.suggestedK());
        outcome.addListener((o, before, now) -> {
            // Hidden, a new result only marks the tab to catch up: offering it (the source list, the axis names)
            // restyled hidden lists in the pulse that published the result, 10-20 ms of the FX thread's time.
            if (active.get()) {
                outcomeChanged(outcomeApplied, now);
            } else {
                outcomeWaits = true;
            }
        });
        source.addListener((o, a, s) -> sourceChanged());
        xAxis.addListener(o -> rebuildData());
        yAxis.addListener(o -> rebuildData());
        k.addListener(o -> restart());
        startMode.addListener(o -> restart());
        seed.addListener(o -> restart());
        canForward = Bindings.createBooleanBinding(() -> state.get() != null && !state.get().converged(), state);
        canMove = Bindings.createBooleanBinding(() -> state.get() != null && !state.get().converged()
                && state.get().phase() == KMeansStepper.Phase.ASSIGNED, state);
        canBack = Bindings.createBooleanBinding(() -> state.get() != null && state.get().phase() != KMeansStepper.Phase.START
                || !placed.isEmpty(), state, placedCount);
        outcomeChanged(null, outcome.getValue());
        rebuildData();
    }

    // ---- sources ----

    private void outcomeChanged(AnalysisOutcome before, AnalysisOutcome now) {
        outcomeApplied = now;
        boolean had = sources.contains(Source.ANALYSIS);
        if (now != null && !had) {
            sources.add(0, Source.ANALYSIS);
        } else if (now == null && had) {
            sources.remove(Source.ANALYSIS);
            if (source.get() == Source.ANALYSIS) {
                source.set(sources.get(0));
            }
            return;
        }
        if (now == null) {
            return;
        }
        boolean sameAxes = before != null && LearnData.axisNames(before.result()).equals(LearnData.axisNames(now.result()));
        if (!sameAxes) {
            quiet = true;
            axisNames.setAll(LearnData.axisNames(now.result()));
            xAxis.set(0);
            yAxis.set(Math.min(1, axisNames.size() - 1));
            quiet = false;
        }
        if (before == null && now != null) {
            // The first result of a file: the student's own data is the more interesting view.
            source.set(Source.ANALYSIS);
        }
        // Another k picked in a chart keeps the prepared data and PCA: the student's run is left alone.
        boolean samePoints = before != null && before.result().prepared() == now.result().prepared()
                && before.result().pca() == now.result().pca();
        if (source.get() == Source.ANALYSIS && !samePoints) {
            rebuildData();
        }
    }

    private void sourceChanged() {
        Source s = source.get();
        if (s != null && s.toy() != null) {
            quiet = true;
            k.set(s.toy().suggestedK());
            quiet = false;
        } else if (s == Source.ANALYSIS && outcome.getValue() != null) {
            quiet = true;
            k.set(Math.min(MAX_K, Math.max(1, outcome.getValue().result().chosenK())));
            quiet = false;
        }
        rebuildData();
    }

    private void rebuildData() {
        if (quiet) {
            return;
        }
        if (!active.get()) {
            rebuildWhenActive = true;
            return;
        }
        Source s = source.get();
        AnalysisOutcome o = outcome.getValue();
        LearnData d;
        if (s == null) {
            return;
        } else if (s.toy() != null) {
            d = LearnData.toy(s.toy(), ToyData.DEFAULT_SEED);
        } else if (o != null && !axisNames.isEmpty()) {
            int xa = clamp(xAxis.get(), axisNames.size());
            int ya = clamp(yAxis.get(), axisNames.size());
            d = LearnData.ofAnalysis(o.result(), xa, ya);
        } else {
            return;
        }
        data.set(d);
        restart();
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** A new run from the current settings, at iteration 0 (clicked centroids are forgotten). */
    public void restart() {
        if (quiet) {
            return;
        }
        placed.clear();
        placedCount.set(0);
        stepper = null;
        problem.set("");
        LearnData d = data.get();
        if (d == null) {
            state.set(null);
            return;
        }
        if (startMode.get() == StartMode.CLICK) {
            state.set(null);
            message.set(clickMessage());
            return;
        }
        start(startMode.get() == StartMode.PLUS_PLUS ? KMeansStepper.Start.PLUS_PLUS : KMeansStepper.Start.RANDOM, null);
    }

    private void start(KMeansStepper.Start how, double[] given) {
        LearnData d = data.get();
        try {
            stepper = new KMeansStepper(d.matrix(), d.size(), 2, k.get(), how, seed.get(), given);
        } catch (IllegalArgumentException e) {
            stepper = null;
            state.set(null);
            problem.set(e.getMessage());
            message.set("");
            return;
        }
        publish();
    }

    private String clickMessage() {
        int left = k.get() - placed.size();
        return "Click on the chart to place the starting centroids: " + left + " more to place.";
    }

    // ---- commands ----

    /** E-step: every point to its nearest centroid. */
    public void assign() {
        if (stepper != null && !stepper.isConverged() && stepper.nextIsAssign()) {
            stepper.assign();
            publish();
        }
    }

    /** M-step: every centroid to the mean of its points. */
    public void moveCentroids() {
        if (stepper != null && !stepper.isConverged() && !stepper.nextIsAssign()) {
            stepper.moveCentroids();
            publish();
        }
    }

    /** One full iteration (or what is left of it). */
    public void step() {
        if (stepper != null && !stepper.isConverged()) {
            stepper.iterate();
            publish();
        }
    }

    /** The next half-step, as the Run animation takes them; false once converged (or nothing to step). */
    public boolean halfStep() {
        if (stepper == null || !stepper.halfStep()) {
            return false;
        }
        publish();
        return true;
    }

    /** Undoes the last half-step (or the last clicked centroid). */
    public void back() {
        if (stepper != null && stepper.stepBack()) {
            publish();
        } else if (startMode.get() == StartMode.CLICK && !placed.isEmpty()) {
            if (stepper != null) {
                stepper = null;
                state.set(null);
            }
            placed.remove(placed.size() - 1);
            placedCount.set(placed.size());
            message.set(clickMessage());
        }
    }

    /** Back to iteration 0 with the same start (clicked centroids stay). */
    public void reset() {
        if (stepper != null) {
            stepper.reset();
            publish();
        } else {
            restart();
        }
    }

    /** Runs to the end at once. */
    public void finish() {
        if (stepper != null && !stepper.isConverged()) {
            stepper.runToConvergence();
            publish();
        }
    }

    /** Places a starting centroid at data coordinates (x, y) in click mode; the k-th starts the run. */
    public void place(double x, double y) {
        if (startMode.get() != StartMode.CLICK || placed.size() >= k.get() || data.get() == null) {
            return;
        }
        placed.add(new double[] {x, y});
        placedCount.set(placed.size());
        if (placed.size() == k.get()) {
            double[] given = new double[2 * placed.size()];
            for (int i = 0; i < placed.size(); i++) {
                given[2 * i] = placed.get(i)[0];
                given[2 * i + 1] = placed.get(i)[1];
            }
            start(KMeansStepper.Start.GIVEN, given);
        } else {
            message.set(clickMessage());
        }
    }

    /** The clicked centroids not yet started (x, y pairs, copies). */
    public List<double[]> placed() {
        return placed.stream().map(double[]::clone).toList();
    }

    private void publish() {
        KMeansStepper.State s = stepper.state();
        state.set(s);
        message.set(describe(s));
    }

    /** The sentence under the chart: what the last half-step did, in plain words. */
    static String describe(KMeansStepper.State s) {
        String inertia = " Inertia (sum of squared distances to the centroids) is now " + Numbers.significant(s.inertia(), 4) + ".";
        return switch (s.phase()) {
            case START -> "The " + s.k() + " centroids are in their starting places. \u201cAssign points\u201d gives"
                    + " every point the colour of its nearest centroid.";
            case ASSIGNED -> (s.converged()
                    ? "Final assignment: " + Numbers.count(s.changedCount()) + " points changed cluster. Converged after "
                    + s.iteration() + " iterations."
                    : s.iteration() == 0 ? "Every point went to its nearest centroid."
                    : Numbers.count(s.changedCount()) + " points changed cluster (outlined)."
                    + (s.changedCount() == 0 ? " Nothing changed, so one more move ends the run." : ""))
                    + inertia;
            case MOVED -> (s.converged()
                    ? "Converged after " + s.iteration() + " iterations: no point changed cluster, so the centroids"
                    + " stay where they are."
                    : "Each centroid moved to the mean of its points (iteration " + s.iteration() + ")."
                    + (s.settled() ? " They barely moved, so one last assignment ends the run." : "")
                    + (s.refilled() > 0 ? " An empty cluster took the point farthest from its centroid." : ""))
                    + inertia;
        };
    }

    // ---- properties ----

    public ObservableList<Source> sources() {
        return sources;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** Axes of the current analysis (PCs, then scaled features); empty without one. */
    public ObservableList<String> axisNames() {
        return axisNames;
    }

    public IntegerProperty xAxisProperty() {
        return xAxis;
    }

    public IntegerProperty yAxisProperty() {
        return yAxis;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public ObjectProperty<StartMode> startModeProperty() {
        return startMode;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty showLinesProperty() {
        return showLines;
    }

    public BooleanProperty showTrailsProperty() {
        return showTrails;
    }

    public ReadOnlyObjectProperty<LearnData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The current state of the run, or null before it starts (click mode, or no data). */
    public ReadOnlyObjectProperty<KMeansStepper.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty placedCountProperty() {
        return placedCount.getReadOnlyProperty();
    }

    /** The states of the run so far, oldest first (empty before it starts). */
    public List<KMeansStepper.State> history() {
        return stepper == null ? List.of() : stepper.history();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why no run could start (e.g. k above the distinct points), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canForwardProperty() {
        return canForward;
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }
}
