package org.segmentlab.app.settings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.segmentlab.app.help.HelpIcon;
import org.segmentlab.app.table.DataTabPrebuild;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Scaling;

/**
 * The left settings panel: DATA, FEATURES, PREPARATION and K sections bound to a
 * {@link SettingsViewModel}. It holds no state of its own.
 */
public final class SettingsView extends BorderPane {

    private final SettingsViewModel vm;
    // Spinners bind bidirectionally to asObject() views; keep them so the weak bindings survive.
    private final ObjectProperty<Integer> kMinObj;
    private final ObjectProperty<Integer> kMaxObj;
    private final ObjectProperty<Integer> kObj;
    private final ObjectProperty<Integer> nInitObj;
    private final ObjectProperty<Long> seedObj;

    /**
     * @param run         what the Run button does
     * @param runDisabled when the Run button is disabled (busy, no data)
     */
    public SettingsView(SettingsViewModel vm, Runnable run, BooleanExpression runDisabled) {
        this.vm = vm;
        setId("settingsPanel");
        getStyleClass().add("settings-panel");
        kMinObj = vm.kMinProperty().asObject();
        kMaxObj = vm.kMaxProperty().asObject();
        kObj = vm.chosenKProperty().asObject();
        nInitObj = vm.nInitProperty().asObject();
        seedObj = vm.seedProperty().asObject();

        VBox box = new VBox(6);
        box.getStyleClass().add("settings-box");
        box.setPadding(new Insets(12));

        Label data = new Label();
        data.setId("dataSummary");
        data.textProperty().bind(vm.dataSummaryProperty());
        data.getStyleClass().add("data-summary");
        box.getChildren().addAll(header("DATA"), data);

        box.getChildren().addAll(header("FEATURES"), features());
        box.getChildren().addAll(header("PREPARATION"), preparation());
        box.getChildren().addAll(header("K"), kSection());

        Label validation = new Label();
        validation.setId("settingsValidation");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.textProperty().bind(vm.validationProperty());
        validation.visibleProperty().bind(vm.validationProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());

        Label stale = new Label("Settings changed since the last run.");
        stale.setId("staleNote");
        stale.getStyleClass().add("stale-note");
        stale.setWrapText(true);
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        Button runButton = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
        runButton.setId("runButton");
        runButton.getStyleClass().add("accent");
        runButton.setMaxWidth(Double.MAX_VALUE);
        runButton.setOnAction(e -> run.run());
        runButton.disableProperty().bind(runDisabled.or(vm.requestProperty().isNull()));
        // The Run button and the notes about it stay in view however long the feature list is.
        VBox footer = new VBox(6, validation, stale, runButton);
        footer.getStyleClass().add("settings-footer");
        footer.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.getStyleClass().add("settings-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setBottom(footer);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-header");
        return l;
    }

    private Node features() {
        TextField search = TextFields.createClearableTextField();
        search.setId("featureSearch");
        search.setPromptText("Search columns");
        search.textProperty().bindBidirectional(vm.filterProperty());

        CheckListView<FeatureItem> list = new CheckListView<>(vm.visibleFeatures());
        list.setId("featureList");
        list.getStyleClass().add("feature-list");
        list.setPrefHeight(260);
        list.setMinHeight(120);
        // The check state lives in each FeatureItem, not in the control's index-based check model,
        // so it survives filtering and reloads.
        list.setCellFactory(l -> new FeatureCell());

        Button all = new Button("All");
        all.setId("featuresAll");
        all.setOnAction(e -> vm.checkAll(true));
        Button none = new Button("None");
        none.setId("featuresNone");
        none.setOnAction(e -> vm.checkAll(false));
        Button skewed = new Button("log1p skewed");
        skewed.setId("log1pSkewed");
        skewed.setOnAction(e -> vm.log1pAllSkewed());
        for (Button b : List.of(all, none, skewed)) {
            b.getStyleClass().add("small");
        }
        HBox buttons = new HBox(4, all, none, skewed, help("log1p"));
        buttons.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.StackPane listHost = new javafx.scene.layout.StackPane(list);
        if (vm.visibleFeatures().isEmpty()) {
            prebuild(list, listHost);
        }
        return new VBox(6, search, listHost, buttons);
    }

    /** Idle pulses the window runs before the feature list's pre-build: after the Data tab's (5 + 9 steps). */
    static final int PREBUILD_AFTER_PULSES = 18;

    /**
     * In the window's first idle pulses, one step per pulse (see {@link DataTabPrebuild}): the list shows 4, 8, 12,
     * then 24 blank features behind a snapshot of itself empty, then its own (empty) items again. Its cells stay, so
     * the first file only relabels them: their first styling (fonts, check boxes, tags) took 60 ms of FX-thread CPU
     * in the pulse that filled the list with a 1M-row file's features, while the analysis held both cores. A file
     * that comes first ends it at once.
     */
    private void prebuild(CheckListView<FeatureItem> list, javafx.scene.layout.StackPane listHost) {
        List<FeatureItem> blank = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            FeatureItem f = new FeatureItem("column " + (i + 1), i % 5 == 0 ? FeatureItem.Kind.IDENTIFIER
                    : FeatureItem.Kind.NUMERIC, 0);
            // checked and unchecked, with and without the log1p tag: each look is styled once here
            f.setChecked(i % 5 != 0);
            f.setLog1p(i % 3 == 0);
            blank.add(f);
        }
        List<DataTabPrebuild.Step> steps = new java.util.ArrayList<>();
        for (int n : new int[] {4, 8, 12, 24}) {
            steps.add(new DataTabPrebuild.Step(listHost,
                    () -> list.setItems(javafx.collections.FXCollections.observableArrayList(blank.subList(0, n)))));
        }
        Runnable restore = () -> list.setItems(vm.visibleFeatures());
        DataTabPrebuild.start(steps, restore, PREBUILD_AFTER_PULSES, () -> {
            if (vm.visibleFeatures().isEmpty()) {
                return false;
            }
            restore.run(); // a file came: its features replace the blank ones now
            return true;
        });
    }

    /** A checkbox, the name, and tags: "(id)", "log1p". Right-click toggles log1p. */
    private static final class FeatureCell extends ListCell<FeatureItem> {
        private final CheckBox check = new CheckBox();
        private final Label log = new Label("log1p");
        private final HBox box;
        /** One menu per cell, rebound per feature: a new ContextMenu (a popup window) per cell and feature cost the
         * FX thread tens of milliseconds when a file filled the list. */
        private final CheckMenuItem toggle = new CheckMenuItem();
        private final ContextMenu menu = new ContextMenu(toggle);
        private FeatureItem bound;

        FeatureCell() {
            log.getStyleClass().addAll("tag", "tag-log1p");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(6, check, spacer, log);
            box.setAlignment(Pos.CENTER_LEFT);
            check.getStyleClass().add("feature-check");
            // Column names are full of underscores, which would otherwise be read as mnemonics.
            check.setMnemonicParsing(false);
            check.setMinWidth(0);
            check.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(check, Priority.SOMETIMES);
            log.setMinWidth(Region.USE_PREF_SIZE);
            // Let the list, not the cell, decide the width: long names get an ellipsis, no side scrolling.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FeatureItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.checkedProperty());
                toggle.selectedProperty().unbindBidirectional(bound.log1pProperty());
                log.visibleProperty().unbind();
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                return;
            }
            bound = item;
            check.setText(item.label());
            check.selectedProperty().bindBidirectional(item.checkedProperty());
            log.visibleProperty().bind(item.log1pProperty());
            getStyleClass().removeAll("identifier", "derived");
            if (item.kind() == FeatureItem.Kind.IDENTIFIER) {
                getStyleClass().add("identifier");
            }
            toggle.setText("log1p " + item.name());
            toggle.selectedProperty().bindBidirectional(item.log1pProperty());
            setContextMenu(menu);
            setGraphic(box);
            setText(null);
        }
    }

    private Node preparation() {
        ComboBox<ImputeStrategy> missing = new ComboBox<>();
        missing.setId("imputation");
        missing.getItems().setAll(SettingsViewModel.IMPUTATIONS);
        missing.setConverter(converter(i -> switch (i) {
            case MEAN -> "fill with the mean";
            case MEDIAN -> "fill with the median";
            case DROP -> "drop the row";
            default -> i.cliName();
        }));
        missing.valueProperty().bindBidirectional(vm.imputationProperty());

        ComboBox<Scaling> scale = new ComboBox<>();
        scale.setId("scaling");
        scale.getItems().setAll(Scaling.values());
        scale.setConverter(converter(s -> switch (s) {
            case ZSCORE -> "z-score";
            case MINMAX -> "min-max";
            case ROBUST -> "robust (median, IQR)";
            case NONE -> "none";
        }));
        scale.valueProperty().bindBidirectional(vm.scalingProperty());

        Button derived = new Button("Derived columns…");
        derived.setId("derivedButton");
        derived.setOnAction(e -> DerivedColumnsDialog.edit(getScene().getWindow(), vm.derived())
                .ifPresent(vm.derived()::setAll));
        Label derivedCount = new Label();
        derivedCount.getStyleClass().add("hint");
        derivedCount.textProperty().bind(Bindings.createStringBinding(
                () -> vm.derived().isEmpty() ? "" : vm.derived().size() + " defined", vm.derived()));

        GridPane grid = grid();
        grid.addRow(0, labelWithHelp("missing", "imputation"), missing);
        grid.addRow(1, labelWithHelp("scale", "scaling"), scale);
        grid.add(new HBox(8, derived, derivedCount), 0, 2, 2, 1);
        missing.setMaxWidth(Double.MAX_VALUE);
        scale.setMaxWidth(Double.MAX_VALUE);
        return grid;
    }

    private Node kSection() {
        Spinner<Integer> kMin = intSpinner("kMin", 1, SettingsViewModel.K_LIMIT, kMinObj);
        Spinner<Integer> kMax = intSpinner("kMax", 1, SettingsViewModel.K_LIMIT, kMaxObj);
        Spinner<Integer> k = intSpinner("chosenK", 1, SettingsViewModel.K_LIMIT, kObj);
        k.disableProperty().bind(vm.autoKProperty());
        CheckBox auto = new CheckBox("auto (knee)");
        auto.setId("autoK");
        auto.selectedProperty().bindBidirectional(vm.autoKProperty());
        Spinner<Integer> nInit = intSpinner("nInit", 1, 1000, nInitObj);

        Spinner<Long> seed = new Spinner<>();
        seed.setId("seed");
        seed.setEditable(true);
        seed.setValueFactory(new LongValueFactory());
        seed.getValueFactory().valueProperty().bindBidirectional(seedObj);

        GridPane grid = grid();
        grid.addRow(0, label("range"), new HBox(4, kMin, new Label("–"), kMax));
        // The knee's icon sits by the label: beside the check box it would cut "auto (knee)" short.
        grid.addRow(1, labelWithHelp("k", "knee"), new HBox(8, k, auto));
        grid.addRow(2, label("seed"), seed);
        grid.addRow(3, label("restarts"), nInit);
        return grid;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, ObjectProperty<Integer> value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(76);
        s.getValueFactory().valueProperty().bindBidirectional(value);
        return s;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.getStyleClass().add("settings-grid");
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(58);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("field-label");
        return l;
    }

    /** The info icon for a help catalogue entry, with an id tests and screen readers can find. */
    private static HelpIcon help(String helpId) {
        HelpIcon h = HelpIcon.of(helpId);
        h.setId("help-" + helpId);
        return h;
    }

    private static Node labelWithHelp(String text, String helpId) {
        Label l = label(text);
        l.setMinWidth(Region.USE_PREF_SIZE); // the icon must not squeeze the word into "mi…"
        HBox box = new HBox(2, l, help(helpId));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /** A seed spinner: non-negative longs, stepping by one. */
    private static final class LongValueFactory extends SpinnerValueFactory<Long> {
        LongValueFactory() {
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Long v) {
                    return v == null ? "" : Long.toString(v);
                }

                @Override
                public Long fromString(String s) {
                    try {
                        return Math.max(0, Long.parseLong(s.trim()));
                    } catch (NumberFormatException e) {
                        return getValue();
                    }
                }
            });
            setValue(42L);
        }

        @Override
        public void decrement(int steps) {
            setValue(Math.max(0, getValue() - steps));
        }

        @Override
        public void increment(int steps) {
            setValue(getValue() + steps);
        }
    }
}
