package org.segmentlab.app.learn;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.prep.Numbers;

/**
 * Side-by-side restarts: the same points and k from {@value #PANELS} starts (seeds s, s+1, ...), each
 * stepped to convergence in its own small panel, with its final inertia; the lowest is marked best.
 * Shows why k-means is run from several starts (scikit-learn's n_init). Follows the Learn tab's data, k,
 * start and seed; a run animates with a {@link Timeline} (one half-step per panel per frame).
 */
public final class RestartsView extends BorderPane {

    public static final int PANELS = 4;
    /** Half-steps per second of "Run all": slow enough to see the runs part ways. */
    static final double RATE = 12;

    private final LearnViewModel vm;
    private final StepCanvas[] panels = new StepCanvas[PANELS];
    private final List<KMeansStepper> steppers = new ArrayList<>();
    private final Timeline animation = new Timeline();
    private final Label summary = new Label();
    private final Label startNote = new Label();
    private final Button runAll = new Button("Run all " + PANELS, new FontIcon(MaterialDesignP.PLAY));
    private long firstSeed;

    public RestartsView(LearnViewModel vm) {
        this.vm = vm;
        setId("learnRestarts");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < PANELS; i++) {
            panels[i] = new StepCanvas(true);
            panels[i].setId("restartPanel" + i);
            panels[i].setMinSize(200, 150);
            grid.add(panels[i], i % 2, i / 2);
        }
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.setPadding(new Insets(0, 10, 0, 10));

        runAll.setId("restartsRun");
        runAll.getStyleClass().add("accent");
        runAll.setOnAction(e -> runAll());
        Button end = new Button("Jump to the end", new FontIcon(MaterialDesignS.SKIP_FORWARD));
        end.setId("restartsEnd");
        end.setOnAction(e -> {
            stop();
            steppers.forEach(KMeansStepper::runToConvergence);
            show();
        });
        Button again = new Button("Four other seeds");
        again.setId("restartsOtherSeeds");
        again.setOnAction(e -> vm.seedProperty().set((int) ((vm.seedProperty().get() + PANELS) % 10_000)));
        startNote.getStyleClass().add("hint");
        FlowPane bar = new FlowPane(8, 6, runAll, end, again, startNote);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));

        summary.setId("restartsSummary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label why = new Label("Each run stops where no single step helps any more: a local minimum that depends on"
                + " where the centroids started, and k-means cannot tell whether another start would do better. So"
                + " the engine runs it from several starts and keeps the one with the lowest inertia: that is"
                + " scikit-learn's n_init, and the \u201crestarts\u201d setting in the settings panel (10 by default).");
        why.setWrapText(true);
        why.getStyleClass().add("hint");
        why.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(4, summary, why);
        bottom.setPadding(new Insets(6, 10, 10, 10));
        setTop(bar);
        setCenter(grid);
        setBottom(bottom);

        vm.dataProperty().addListener(o -> rebuild());
        vm.kProperty().addListener(o -> rebuild());
        vm.startModeProperty().addListener(o -> rebuild());
        vm.seedProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** New runs from the Learn tab's settings, at their starts. */
    private void rebuild() {
        stop();
        steppers.clear();
        LearnData d = vm.dataProperty().get();
        if (d == null) {
            summary.setText("");
            return;
        }
        LearnViewModel.StartMode mode = vm.startModeProperty().get();
        KMeansStepper.Start how = mode == LearnViewModel.StartMode.PLUS_PLUS ? KMeansStepper.Start.PLUS_PLUS
                : KMeansStepper.Start.RANDOM;
        startNote.setText((how == KMeansStepper.Start.PLUS_PLUS ? "k-means++ starts" : "Random starts")
                + (mode == LearnViewModel.StartMode.CLICK ? " (clicked starts are one start; these are random)" : "")
                + ", k = " + vm.kProperty().get());
        firstSeed = vm.seedProperty().get();
        double[] m = d.matrix();
        try {
            for (int i = 0; i < PANELS; i++) {
                steppers.add(new KMeansStepper(m, d.size(), 2, vm.kProperty().get(), how, firstSeed + i, null));
            }
        } catch (IllegalArgumentException e) {
            steppers.clear();
            summary.setText(e.getMessage());
        }
        for (StepCanvas p : panels) {
            p.setData(d.xs(), d.ys(), d.xLabel(), d.yLabel());
        }
        show();
    }

    private void runAll() {
        if (animation.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stop();
            return;
        }
        if (steppers.stream().allMatch(KMeansStepper::isConverged)) {
            steppers.forEach(KMeansStepper::reset);
        }
        animation.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / RATE), e -> {
            boolean any = false;
            for (KMeansStepper s : steppers) {
                any |= s.halfStep();
            }
            show();
            if (!any) {
                stop();
            }
        }));
        animation.setCycleCount(Timeline.INDEFINITE);
        animation.play();
        runAll.setText("Pause");
        runAll.setGraphic(new FontIcon(MaterialDesignP.PAUSE));
    }

    /** Stops the animation (the Learn tab calls this when its other pane is shown). */
    public void stop() {
        animation.stop();
        runAll.setText("Run all " + PANELS);
        runAll.setGraphic(new FontIcon(MaterialDesignP.PLAY));
    }

    private void show() {
        int best = -1;
        boolean allDone = !steppers.isEmpty();
        for (int i = 0; i < steppers.size(); i++) {
            KMeansStepper.State s = steppers.get(i).state();
            allDone &= s.converged();
            if (s.converged() && (best < 0 || s.inertia() < steppers.get(best).state().inertia())) {
                best = i;
            }
        }
        if (!allDone) {
            best = -1;
        }
        for (int i = 0; i < PANELS; i++) {
            if (i >= steppers.size()) {
                panels[i].setState(null, List.of(), vm.kProperty().get());
                panels[i].setCaption("");
                continue;
            }
            KMeansStepper st = steppers.get(i);
            KMeansStepper.State s = st.state();
            panels[i].setState(s, st.history(), st.k());
            String inertia = Double.isNaN(s.inertia()) ? "start" : "inertia " + Numbers.significant(s.inertia(), 4);
            panels[i].setCaption("Seed " + (firstSeed + i) + " \u00b7 " + inertia + " \u00b7 "
                    + s.iteration() + " iterations" + (s.converged() ? (i == best ? "  \u2605 best" : "  \u2713") : ""));
        }
        summary.setText(allDone ? summaryText(best) : "Press \u201cRun all " + PANELS + "\u201d to watch the "
                + PANELS + " starts converge.");
    }

    private String summaryText(int best) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (KMeansStepper s : steppers) {
            lo = Math.min(lo, s.state().inertia());
            hi = Math.max(hi, s.state().inertia());
        }
        if (hi - lo <= 1e-9 * Math.max(1, hi)) {
            return "All " + PANELS + " starts ended with the same inertia (" + Numbers.significant(lo, 4)
                    + "): on this data and k the start did not matter. Try another k or the ring.";
        }
        return "Seed " + (firstSeed + best) + " ended best, with inertia " + Numbers.significant(lo, 4)
                + "; the worst start ended at " + Numbers.significant(hi, 4) + " ("
                + Numbers.percent(hi / lo - 1) + " more). Same data, same k, different answers.";
    }

    /** Final inertia per panel (NaN until converged), for tests. */
    public double[] finalInertia() {
        double[] out = new double[steppers.size()];
        for (int i = 0; i < out.length; i++) {
            KMeansStepper.State s = steppers.get(i).state();
            out[i] = s.converged() ? s.inertia() : Double.NaN;
        }
        return out;
    }

    public String summaryText() {
        return summary.getText();
    }
}
