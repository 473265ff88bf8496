package org.segmentlab.app.assign;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmentlab.app.FileDialogs;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.charts.ClusterPalette;
import org.segmentlab.prep.Numbers;
import org.segmentlab.segment.ClusterModel;

/**
 * The "Assign customers" window: a tab that assigns a CSV file (column matching, run with progress and
 * cancel, counts per segment, the first rows, save) and a tab with the one-customer form (segment with
 * its colour, distance to each centroid as bars). It binds {@link AssignViewModel} and
 * {@link CustomerFormViewModel}; the model follows the main window's analysis and card names until the
 * user opens a model.json.
 */
public final class AssignWindow {

    private static final String CURRENT = "the current analysis";

    private final Stage stage = new Stage();
    private final MainViewModel main;
    private final Supplier<FileDialogs> dialogs;
    private final AssignViewModel vm;
    private final CustomerFormViewModel form = new CustomerFormViewModel();
    private final VBox countsBox = new VBox(3);
    private final TableView<List<String>> preview = new TableView<>();
    private final GridPane formGrid = new GridPane();
    private final VBox distanceBars = new VBox(4);
    private final HBox segmentLine = new HBox(8);
    private boolean followsAnalysis = true;
    private Path lastFolder;

    /**
     * @param dialogs the main window's choosers (tests answer them without dialogs)
     */
    public AssignWindow(Window owner, MainViewModel main, Supplier<FileDialogs> dialogs, String css) {
        this.main = main;
        this.dialogs = dialogs;
        this.vm = new AssignViewModel(main.runner());
        stage.initOwner(owner);
        stage.setTitle("Assign customers — SegmentLab");

        TabPane tabs = new TabPane(fileTab(), formTab());
        tabs.setId("assignTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane root = new BorderPane(tabs);
        root.setTop(modelBar());
        root.getStyleClass().add("main-root");
        Scene scene = new Scene(root, 980, 680);
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.dispose());
        stage.setUserData(this);

        vm.modelProperty().addListener((o, a, m) -> form.setModel(m));
        main.outcomeProperty().addListener((o, a, now) -> followAnalysis());
        main.personas().namesProperty().addListener((o, a, now) -> followAnalysis());
        followAnalysis();
    }

    /**
     * The action of "Assign customers…": opens the window (made once, then shown again). The window's
     * stage carries it as user data, for tests.
     */
    public static Runnable opener(Window owner, MainViewModel main, Supplier<FileDialogs> dialogs, String cssResource) {
        AssignWindow[] made = new AssignWindow[1];
        return () -> {
            if (made[0] == null) {
                java.net.URL css = AssignWindow.class.getResource(cssResource);
                made[0] = new AssignWindow(owner, main, dialogs, css == null ? null : css.toExternalForm());
            }
            made[0].show();
        };
    }

    public Stage stage() {
        return stage;
    }

    public AssignViewModel viewModel() {
        return vm;
    }

    public CustomerFormViewModel form() {
        return form;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The current analysis's model, named as the cards are, unless the user opened a model file. */
    private void followAnalysis() {
        if (!followsAnalysis) {
            return;
        }
        AnalysisOutcome o = main.outcomeProperty().get();
        if (o == null) {
            vm.setModel(null, "");
            return;
        }
        var r = o.result();
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < r.chosenK(); c++) {
            names.add(main.personas().nameOf(c));
        }
        vm.setModel(ClusterModel.of(r.prepared(), r.chosen(), r.pca(), names), CURRENT);
    }

    // ---------------------------------------------------------------------------------------- model bar

    private Node modelBar() {
        Label what = new Label();
        what.setId("assignModelSource");
        what.textProperty().bind(Bindings.createStringBinding(() -> {
            ClusterModel m = vm.model();
            return m == null ? "No model: run an analysis, or open a saved model.json."
                    : "Model: " + vm.modelSourceProperty().get() + " · k = " + m.k() + " · "
                    + m.inputColumns().size() + " input columns";
        }, vm.modelProperty(), vm.modelSourceProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open model.json…");
        open.setId("assignOpenModel");
        open.setOnAction(e -> {
            Path f = dialogs.get().chooseFile(lastFolder, "Open a saved model", "SegmentLab models", "*.json");
            if (f != null) {
                lastFolder = f.getParent();
                followsAnalysis = false;
                vm.openModel(f);
            }
        });
        Button current = new Button("Use the current analysis");
        current.setId("assignUseCurrent");
        current.disableProperty().bind(main.outcomeProperty().isNull());
        current.setOnAction(e -> {
            followsAnalysis = true;
            followAnalysis();
        });
        HBox bar = new HBox(8, what, spacer, current, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        return bar;
    }

    // ---------------------------------------------------------------------------------------- file tab

    private Tab fileTab() {
        Button choose = new Button("Choose a CSV file…");
        choose.setId("assignChooseFile");
        choose.disableProperty().bind(vm.modelProperty().isNull());
        choose.setOnAction(e -> {
            Path f = dialogs.get().chooseFile(lastFolder != null ? lastFolder : near(), "Customers to assign",
                    "CSV files", "*.csv", "*.tsv", "*.txt");
            if (f != null) {
                lastFolder = f.getParent();
                vm.chooseInput(f);
            }
        });
        Label file = new Label();
        file.setId("assignFile");
        file.textProperty().bind(Bindings.createStringBinding(
                () -> vm.inputProperty().get() == null ? "No file chosen" : vm.inputProperty().get().toString(),
                vm.inputProperty()));
        Label summary = new Label();
        summary.setId("assignMatchSummary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.matchSummaryProperty());
        HBox top = new HBox(8, choose, file, summary);
        top.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("assignError");
        error.getStyleClass().add("validation");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TableView<AssignViewModel.ColumnMatch> matchTable = new TableView<>(vm.matches());
        matchTable.setId("assignMatches");
        matchTable.getColumns().add(column("Model column", m -> m.modelColumn() == null ? "—" : m.modelColumn(), 170));
        matchTable.getColumns().add(column("File column", m -> m.fileColumn() == null ? "—" : m.fileColumn(), 170));
        matchTable.getColumns().add(column("", m -> switch (m.status()) {
            case MATCHED -> "✓";
            case MATCHED_IGNORING_CASE -> "✓ (case)";
            case MISSING -> "missing";
            case EXTRA -> "extra";
        }, 80));
        matchTable.getColumns().add(column("What happens", AssignViewModel.ColumnMatch::note, 420));
        matchTable.setPlaceholder(new Label("Choose a CSV file: its columns are matched to the model's by name."));
        matchTable.setPrefHeight(180);

        Button run = new Button("Assign");
        run.setId("assignRun");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.planProperty().isNull().or(vm.runningProperty()));
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("assignCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("assignProgress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("assignStatus");
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button("Save assigned CSV…");
        save.setId("assignSave");
        save.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        save.setOnAction(e -> {
            Path in = vm.inputProperty().get();
            String name = in == null ? "assigned.csv" : stem(in.getFileName().toString()) + "_assigned.csv";
            Path to = dialogs.get().saveFile(lastFolder != null ? lastFolder : near(), "Save the assigned customers",
                    name, "CSV files", "*.csv");
            if (to != null) {
                lastFolder = to.getParent();
                vm.save(to);
            }
        });
        HBox actions = new HBox(8, run, cancel, bar, status, spacer, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        countsBox.setId("assignCounts");
        vm.counts().addListener((ListChangeListener<AssignViewModel.SegmentCount>) c -> rebuildCounts());
        Label countsTitle = new Label("SEGMENTS");
        countsTitle.getStyleClass().add("section-header");
        VBox countsPane = new VBox(4, countsTitle, countsBox);
        countsPane.setMinWidth(260);
        countsPane.setPadding(new Insets(0, 10, 0, 0));

        preview.setId("assignPreview");
        preview.setPlaceholder(new Label("Assign to see the first " + AssignViewModel.PREVIEW_ROWS + " rows with their segment."));
        vm.resultProperty().addListener((o, a, r) -> rebuildPreview(r));
        HBox.setHgrow(preview, Priority.ALWAYS);
        HBox results = new HBox(countsPane, preview);
        VBox.setVgrow(results, Priority.ALWAYS);

        VBox box = new VBox(8, top, error, matchTable, actions, results);
        box.setPadding(new Insets(10));
        Tab t = new Tab("Customers in a file", box);
        t.setId("assignFileTab");
        return t;
    }

    private Path near() {
        Path f = main.fileProperty().get();
        return f == null ? null : f.getParent();
    }

    private static String stem(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static <S> TableColumn<S, String> column(String title, java.util.function.Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void rebuildCounts() {
        countsBox.getChildren().clear();
        for (AssignViewModel.SegmentCount s : vm.counts()) {
            Label name = new Label(s.segment());
            name.setGraphic(swatch(s.cluster(), 10));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label n = new Label(Numbers.count(s.count()) + " · " + Numbers.percent(s.share()));
            n.setId("assignCount-" + s.cluster());
            HBox row = new HBox(6, name, spacer, n);
            row.setAlignment(Pos.CENTER_LEFT);
            countsBox.getChildren().add(row);
        }
    }

    /** The appended columns (segment, cluster, distance, problem) first: they are what the user came for. */
    private void rebuildPreview(AssignViewModel.RunResult r) {
        preview.getColumns().clear();
        preview.getItems().clear();
        if (r == null) {
            return;
        }
        List<String> header = r.preview().header();
        int appended = r.summary().plan().outputColumns().size();
        int inputs = header.size() - appended;
        List<Integer> order = new java.util.ArrayList<>();
        int[] first = {inputs + 1, inputs, inputs + 2, inputs + 3}; // segment, cluster, distance, problem
        for (int i : first) {
            if (i < header.size()) {
                order.add(i);
            }
        }
        for (int i = 0; i < inputs; i++) {
            order.add(i);
        }
        for (int i : order) {
            TableColumn<List<String>, String> c = new TableColumn<>(header.get(i));
            boolean distance = i == inputs + 2;
            c.setCellValueFactory(d -> {
                String v = i < d.getValue().size() ? d.getValue().get(i) : "";
                return new ReadOnlyStringWrapper(distance ? shortNumber(v) : v);
            });
            c.setSortable(false);
            preview.getColumns().add(c);
        }
        preview.getItems().setAll(r.preview().rows());
    }

    /** The file keeps every digit of a distance; the preview shows 3 significant ones. */
    private static String shortNumber(String v) {
        try {
            return v.isEmpty() ? v : Numbers.sig3(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    // ---------------------------------------------------------------------------------------- form tab

    private Tab formTab() {
        formGrid.setId("formGrid");
        formGrid.setHgap(8);
        formGrid.setVgap(4);
        formGrid.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(120, 160, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        formGrid.getColumnConstraints().addAll(labels, fields);
        form.fields().addListener((ListChangeListener<CustomerFormViewModel.Field>) c -> rebuildForm());
        Label hint = new Label("Each field starts at the training value a missing cell gets; change what you know.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button reset = new Button("Reset to training values");
        reset.setId("formReset");
        reset.setOnAction(e -> form.reset());
        VBox left = new VBox(6, hint, reset, formGrid);
        left.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);

        Label title = new Label("SEGMENT");
        title.getStyleClass().add("section-header");
        segmentLine.setId("formSegmentLine");
        segmentLine.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("formMessage");
        message.getStyleClass().add("validation");
        message.setWrapText(true);
        message.textProperty().bind(form.messageProperty());
        message.visibleProperty().bind(form.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label distTitle = new Label("DISTANCE TO EACH SEGMENT'S CENTRE");
        distTitle.getStyleClass().add("section-header");
        Label distHint = new Label("In the scaled space the clustering used; the nearest centre is the segment.");
        distHint.getStyleClass().add("hint");
        distHint.setWrapText(true);
        distanceBars.setId("formDistances");
        VBox right = new VBox(8, title, segmentLine, message, distTitle, distHint, distanceBars);
        right.setPadding(new Insets(10));
        right.setMinWidth(320);
        form.assignmentProperty().addListener((o, a, now) -> showAssignment());
        form.modelProperty().addListener((o, a, now) -> showAssignment());

        SplitPane split = new SplitPane(scroll, right);
        split.setDividerPositions(0.5);
        Tab t = new Tab("One customer", split);
        t.setId("assignFormTab");
        return t;
    }

    private void rebuildForm() {
        formGrid.getChildren().clear();
        int row = 0;
        for (CustomerFormViewModel.Field f : form.fields()) {
            Label l = new Label(f.column());
            l.getStyleClass().add("field-label");
            TextField tf = new TextField();
            tf.setId("form-" + f.column());
            tf.textProperty().bindBidirectional(f.textProperty());
            tf.setPromptText(f.isCategorical() ? "a category (blank: missing)" : "blank: the training value");
            Tooltip tip = new Tooltip();
            tf.setTooltip(tip);
            Runnable mark = () -> {
                boolean bad = !f.errorProperty().get().isEmpty();
                // A red ring drawn inside the field's own background, so a marked field keeps its size.
                tf.setStyle(bad ? "-fx-background-color: #c0392b, #fff5f4; -fx-background-insets: 0, 2;"
                        + " -fx-background-radius: 6, 4;" : "");
                tip.setText(bad ? f.errorProperty().get() : "Training value: "
                        + (f.defaultText().isEmpty() ? "none (blank is imputed)" : f.defaultText()));
                if (bad) {
                    tf.getStyleClass().add("invalid");
                } else {
                    tf.getStyleClass().remove("invalid");
                }
            };
            f.errorProperty().addListener(o -> mark.run());
            mark.run();
            formGrid.addRow(row++, l, tf);
        }
    }

    private void showAssignment() {
        segmentLine.getChildren().clear();
        distanceBars.getChildren().clear();
        ClusterModel.Assignment a = form.assignment();
        if (a == null || !a.assigned()) {
            Label none = new Label("—");
            none.setId("formSegment");
            segmentLine.getChildren().add(none);
            return;
        }
        Label name = new Label(a.segment());
        name.setId("formSegment");
        name.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label number = new Label("cluster " + a.cluster());
        number.getStyleClass().add("hint");
        segmentLine.getChildren().addAll(swatch(a.cluster(), 18), name, number);

        double[] d = a.distances();
        double max = 0;
        for (double v : d) {
            max = Math.max(max, v);
        }
        ClusterModel m = form.modelProperty().get();
        for (int c = 0; c < d.length; c++) {
            boolean nearest = c == a.cluster();
            Label n = new Label(m.segmentName(c));
            n.setGraphic(swatch(c, 10));
            n.setMinWidth(180);
            n.setPrefWidth(180);
            Region bar = new Region();
            double w = max > 0 ? 200 * d[c] / max : 0;
            bar.setMinWidth(w);
            bar.setPrefWidth(w);
            bar.setMaxWidth(w);
            bar.setPrefHeight(12);
            bar.setMaxHeight(12);
            Color col = ClusterPalette.color(c);
            bar.setStyle("-fx-background-color: " + ClusterPalette.hex(c) + ";"
                    + (nearest ? "" : " -fx-opacity: 0.45;"));
            StackPane track = new StackPane(bar);
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(200);
            track.setPrefWidth(200);
            Label v = new Label(Numbers.sig3(d[c]));
            v.setId("formDistance-" + c);
            HBox row = new HBox(8, n, track, v);
            row.setId("formDistanceRow-" + c);
            row.setAlignment(Pos.CENTER_LEFT);
            if (nearest) {
                n.setStyle("-fx-font-weight: bold;");
                v.setStyle("-fx-font-weight: bold;");
                row.getStyleClass().add("nearest");
                row.setStyle("-fx-background-color: " + toRgba(col, 0.12) + "; -fx-background-radius: 4;");
            }
            row.setPadding(new Insets(2, 4, 2, 4));
            distanceBars.getChildren().add(row);
        }
    }

    private static String toRgba(Color c, double alpha) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), alpha);
    }

    private static Node swatch(int cluster, double size) {
        Rectangle r = new Rectangle(size, size, ClusterPalette.color(cluster));
        r.setArcWidth(3);
        r.setArcHeight(3);
        return r;
    }
}
