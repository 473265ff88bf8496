package org.segmentlab.app.learn;

import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.prep.Numbers;

/**
 * The Learn tab: watch k-means think. Two inner tabs: "Step by step" (the run of
 * {@link LearnViewModel} on a {@link StepCanvas}, its inertia per iteration beside it, buttons for each
 * half-step and a Run animation paced by a {@link Timeline}) and "Restarts side by side"
 * ({@link RestartsView}). Binds and animates only; every decision is in the view model.
 */
public final class LearnView extends BorderPane {

    private final LearnViewModel vm;
    private final StepCanvas plot = new StepCanvas(false);
    private final InertiaChart inertia = new InertiaChart();
    private final Timeline runner = new Timeline();
    private final Button run = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
    private final Slider speed = new Slider(1, 30, 6);
    private final RestartsView restarts;
    /** When the last assignment happened, for the fading outline of the points that changed cluster. */
    private long emphasisStart;
    private int[] emphasisRows = new int[0];
    private final AnimationTimer fade = new AnimationTimer() {
        @Override
        public void handle(long now) {
            double t = (now - emphasisStart) / 1e9 / EMPHASIS_SECONDS;
            if (t >= 1) {
                plot.setEmphasis(emphasisRows, 0);
                stop();
            } else {
                plot.setEmphasis(emphasisRows, 1 - t * t);
            }
        }
    };

    /** How long the points that changed cluster stay outlined. */
    static final double EMPHASIS_SECONDS = 0.9;

    public LearnView(LearnViewModel vm) {
        this.vm = vm;
        setId("learnView");
        restarts = new RestartsView(vm);

        TabPane inner = new TabPane(new Tab("Step by step", stepPane()), new Tab("Restarts side by side", restarts));
        inner.setId("learnInnerTabs");
        inner.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inner.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() == 1) {
                stopRun();
            } else {
                restarts.stop();
            }
        });
        setTop(settingsBar());
        setCenter(inner);

        vm.dataProperty().addListener((o, a, d) -> showData(d));
        vm.stateProperty().addListener((o, a, s) -> showState(a, s));
        vm.placedCountProperty().addListener((o, a, n) -> plot.setPlaced(vm.placed()));
        vm.showLinesProperty().addListener((o, a, on) -> plot.setShowLines(on));
        vm.showTrailsProperty().addListener((o, a, on) -> plot.setShowTrails(on));
        plot.setShowTrails(vm.showTrailsProperty().get());
        plot.setOnPlace(vm::place);
        showData(vm.dataProperty().get());
        showState(null, vm.stateProperty().get());
    }

    // ---- layout ----

    private Region settingsBar() {
        ComboBox<LearnViewModel.Source> source = new ComboBox<>(vm.sources());
        source.setId("learnSource");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setTooltip(new Tooltip("The points to cluster: an example made to show where k-means works and where"
                + " it fails, or two axes of your current analysis"));
        source.setPrefWidth(200);
        ComboBox<String> xAxis = axisBox("learnXAxis", vm.xAxisProperty());
        ComboBox<String> yAxis = axisBox("learnYAxis", vm.yAxisProperty());
        Label xl = new Label("x");
        Label yl = new Label("y");
        for (javafx.scene.Node n : new javafx.scene.Node[] {xAxis, yAxis, xl, yl}) {
            n.visibleProperty().bind(vm.sourceProperty().isEqualTo(LearnViewModel.Source.ANALYSIS));
            n.managedProperty().bind(n.visibleProperty());
        }
        Spinner<Integer> k = new Spinner<>(1, LearnViewModel.MAX_K, vm.kProperty().get());
        k.setId("learnK");
        k.setPrefWidth(70);
        k.getValueFactory().valueProperty().addListener((o, a, v) -> vm.kProperty().set(v));
        vm.kProperty().addListener((o, a, v) -> k.getValueFactory().setValue(v.intValue()));
        ComboBox<LearnViewModel.StartMode> start = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(LearnViewModel.StartMode.values()));
        start.setId("learnStart");
        start.valueProperty().bindBidirectional(vm.startModeProperty());
        start.setTooltip(new Tooltip("Where the centroids start: random points of the data, k-means++ (spread out,"
                + " what SegmentLab uses) or where you click"));
        Spinner<Integer> seed = new Spinner<>(0, 9999, vm.seedProperty().get());
        seed.setId("learnSeed");
        seed.setEditable(true);
        seed.setPrefWidth(86);
        seed.getValueFactory().valueProperty().addListener((o, a, v) -> vm.seedProperty().set(v));
        seed.setTooltip(new Tooltip("Another seed, another random start"));
        FlowPane bar = new FlowPane(8, 6, field("Data", source), xl, xAxis, yl, yAxis, field("k", k),
                field("Start", start), field("Seed", seed));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        bar.getStyleClass().add("learn-settings");
        return bar;
    }

    private ComboBox<String> axisBox(String id, javafx.beans.property.IntegerProperty axis) {
        ComboBox<String> box = new ComboBox<>(vm.axisNames());
        box.setId(id);
        box.setPrefWidth(140);
        box.getSelectionModel().select(axis.get());
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                axis.set(i.intValue());
            }
        });
        axis.addListener((o, a, i) -> box.getSelectionModel().select(i.intValue()));
        vm.axisNames().addListener((javafx.collections.ListChangeListener<String>) c ->
                box.getSelectionModel().select(axis.get()));
        return box;
    }

    private static HBox field(String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        HBox box = new HBox(5, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Region stepPane() {
        Button assign = new Button("Assign points");
        assign.setId("learnAssign");
        assign.setTooltip(new Tooltip("E-step: every point takes the colour of its nearest centroid"));
        assign.setOnAction(e -> vm.assign());
        assign.disableProperty().bind(vm.canForwardProperty().not().or(vm.canMoveProperty()));
        Button move = new Button("Move centroids");
        move.setId("learnMove");
        move.setTooltip(new Tooltip("M-step: every centroid moves to the mean of its points"));
        move.setOnAction(e -> vm.moveCentroids());
        move.disableProperty().bind(vm.canMoveProperty().not());
        Button step = new Button("Step", new FontIcon(MaterialDesignS.SKIP_NEXT));
        step.setId("learnStep");
        step.setTooltip(new Tooltip("One iteration: assign, then move"));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.canForwardProperty().not());
        Button back = new Button("Back", new FontIcon(MaterialDesignS.SKIP_PREVIOUS));
        back.setId("learnBack");
        back.setTooltip(new Tooltip("Undo the last half-step"));
        back.setOnAction(e -> {
            stopRun();
            vm.back();
        });
        back.disableProperty().bind(vm.canBackProperty().not());
        run.setId("learnRun");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Step on by itself until k-means converges"));
        run.setOnAction(e -> toggleRun());
        run.disableProperty().bind(vm.canForwardProperty().not());
        speed.setId("learnSpeed");
        speed.setPrefWidth(110);
        speed.setTooltip(new Tooltip("Half-steps per second"));
        speed.valueProperty().addListener((o, a, v) -> {
            if (runner.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                startRun();
            }
        });
        Button reset = new Button("Reset", new FontIcon(MaterialDesignR.RESTORE));
        reset.setId("learnReset");
        reset.setTooltip(new Tooltip("Back to iteration 0, the same start"));
        reset.setOnAction(e -> {
            stopRun();
            vm.reset();
        });
        CheckBox lines = new CheckBox("Lines to centroid");
        lines.setId("learnLines");
        lines.selectedProperty().bindBidirectional(vm.showLinesProperty());
        CheckBox trails = new CheckBox("Trails");
        trails.setId("learnTrails");
        trails.selectedProperty().bindBidirectional(vm.showTrailsProperty());
        Label iteration = new Label();
        iteration.setId("learnIteration");
        iteration.getStyleClass().add("data-summary");
        iteration.textProperty().bind(Bindings.createStringBinding(() -> {
            KMeansStepper.State s = vm.stateProperty().get();
            return s == null ? "Iteration 0" : "Iteration " + s.iteration() + (s.converged() ? " \u00b7 converged" : "");
        }, vm.stateProperty()));
        Label slow = new Label("slow");
        Label fast = new Label("fast");
        slow.getStyleClass().add("hint");
        fast.getStyleClass().add("hint");
        HBox speedBox = new HBox(4, slow, speed, fast);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(6, 6, assign, move, new Separator(Orientation.VERTICAL), step, back, run,
                speedBox, reset, new Separator(Orientation.VERTICAL), lines, trails,
                new Separator(Orientation.VERTICAL), iteration);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(6, 10, 6, 10));

        Label message = new Label();
        message.setId("learnMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.problemProperty().get(), vm.messageProperty(), vm.problemProperty()));
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("learnNote");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label lesson = new Label();
        lesson.setId("learnLesson");
        lesson.setWrapText(true);
        lesson.setMinHeight(Region.USE_PREF_SIZE);
        lesson.setStyle("-fx-font-weight: bold;");
        vm.dataProperty().addListener((o, a, d) -> {
            note.setText(d == null ? "" : d.note());
            lesson.setText(d == null || d.lesson() == null ? "" : "Lesson: " + d.lesson());
        });
        LearnData d0 = vm.dataProperty().get();
        note.setText(d0 == null ? "" : d0.note());
        lesson.setText(d0 == null || d0.lesson() == null ? "" : "Lesson: " + d0.lesson());
        lesson.visibleProperty().bind(lesson.textProperty().isNotEmpty());
        lesson.managedProperty().bind(lesson.visibleProperty());

        Label how = new Label("K-means repeats two steps: give every point to its nearest centroid, then move every"
                + " centroid to the middle (mean) of its points. Each step can only lower the inertia, so it stops"
                + " when nothing changes any more \u2014 at a good answer, or just a nearby one that depends on the start.");
        how.setWrapText(true);
        how.getStyleClass().add("hint");
        how.setMinHeight(Region.USE_PREF_SIZE);
        VBox side = new VBox(10, inertia, lesson, how);
        side.setPadding(new Insets(0, 8, 8, 8));
        VBox.setVgrow(inertia, Priority.ALWAYS);
        inertia.setMinHeight(180);
        SplitPane split = new SplitPane(plot, side);
        split.setDividerPositions(0.68);
        plot.setMinSize(300, 240);
        side.setMinWidth(220);
        VBox bottom = new VBox(2, message, note);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        BorderPane pane = new BorderPane(split);
        pane.setTop(buttons);
        pane.setBottom(bottom);
        return pane;
    }

    // ---- showing ----

    private void showData(LearnData d) {
        stopRun();
        if (d == null) {
            return;
        }
        plot.setData(d.xs(), d.ys(), d.xLabel(), d.yLabel());
    }

    private void showState(KMeansStepper.State before, KMeansStepper.State s) {
        java.util.List<KMeansStepper.State> h = vm.history();
        plot.setState(s, h, vm.kProperty().get());
        plot.setPlaced(vm.placed());
        inertia.setHistory(h);
        // Moved forward from `before`: outline the points that changed cluster in the newest assignment since
        // (a Step is an assignment and a move in one), fading. The first assignment changes them all: skipped.
        int from = -1;
        for (int i = h.size() - 2; i >= 0 && before != null; i--) {
            if (h.get(i) == before) {
                from = i;
                break;
            }
        }
        KMeansStepper.State assigned = null;
        for (int i = h.size() - 1; i > from && from >= 0; i--) {
            if (h.get(i).phase() == KMeansStepper.Phase.ASSIGNED) {
                assigned = h.get(i);
                break;
            }
        }
        if (assigned != null && assigned.changedCount() > 0 && assigned.iteration() > 0) {
            emphasisRows = assigned.changed();
            emphasisStart = System.nanoTime();
            plot.setEmphasis(emphasisRows, 1);
            fade.start();
        } else if (from < 0) {
            fade.stop();
            plot.setEmphasis(new int[0], 0);
        }
        if (s == null || s.converged()) {
            stopRun();
        }
    }

    // ---- the Run animation ----

    private void toggleRun() {
        if (runner.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stopRun();
        } else {
            startRun();
        }
    }

    private void startRun() {
        runner.stop();
        runner.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / speed.getValue()), e -> {
            if (!vm.halfStep()) {
                stopRun();
            }
        }));
        runner.setCycleCount(Timeline.INDEFINITE);
        runner.play();
        run.setText("Pause");
        run.setGraphic(new FontIcon(MaterialDesignP.PAUSE));
    }

    private void stopRun() {
        runner.stop();
        run.setText("Run");
        run.setGraphic(new FontIcon(MaterialDesignP.PLAY));
    }

    public LearnViewModel viewModel() {
        return vm;
    }

    /** The step-by-step plot (tests). */
    public StepCanvas plot() {
        return plot;
    }

    public InertiaChart inertiaChart() {
        return inertia;
    }

    public RestartsView restarts() {
        return restarts;
    }
}
