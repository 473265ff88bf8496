package org.segmentlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.segmentlab.app.analysis.ChooseKView;
import org.segmentlab.app.analysis.SegmentsView;
import org.segmentlab.app.table.DataTabView;
import org.segmentlab.app.personas.PersonaCardsView;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.SettingsView;
import org.segmentlab.app.status.StatusView;
import org.segmentlab.io.AppLog;

/**
 * The main window: menus, toolbar, the problem banner, the settings panel beside the tabs (Data,
 * Choose k, Segments, Personas) and the status bar. It lays out and binds; every decision is in
 * {@link MainViewModel}. The Personas tab shows a placeholder until its view is swapped into its host
 * ({@link #setTabContent}).
 */
public final class MainWindow {

    public static final String CSS = "/assets/css/segmentlab.css";

    private final Stage stage;
    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final SplitPane mainSplit;
    private final TabPane tabs = new TabPane();
    private final Map<String, StackPane> hosts = new HashMap<>();
    private final DataTabView dataView;
    private final SegmentsView segmentsView;
    private final ChooseKView chooseKView;
    private final PersonaCardsView personasView;
    private final Menu recentMenu = new Menu("Open Recent");
    private FileDialogs dialogs;
    private UnsavedChangesPrompt unsavedPrompt = this::askUnsaved;
    private final org.segmentlab.app.export.ExportNotifier exportNotifier;

    public MainWindow(Stage stage, MainViewModel vm) {
        this.stage = stage;
        this.vm = vm;
        exportNotifier = new org.segmentlab.app.export.ExportNotifier(() -> stage,
                org.segmentlab.app.export.FolderOpener.desktop(), vm::showProblem);
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");

        dataView = new DataTabView(vm.dataProperty(), vm::overrideColumnType);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        org.segmentlab.app.learn.LearnViewModel learnVm = new org.segmentlab.app.learn.LearnViewModel(vm.outcomeProperty());
        tabs.getTabs().addAll(
                tab("dataTab", "Data", "dataHost", dataView),
                tab("chooseKTab", "Choose k", "chooseKHost",
                        placeholder("Run an analysis to see the elbow, silhouette, Calinski–Harabasz and Davies–Bouldin scores for each k.")),
                tab("segmentsTab", "Segments", "segmentsHost",
                        placeholder("Run an analysis to see the segments: PCA scatter, silhouettes and profiles.")),
                tab("personasTab", "Personas", "personasHost",
                        placeholder("Run an analysis to see a persona card for each segment.")),
                tab("learnTab", "Learn", "learnHost", new org.segmentlab.app.learn.LearnView(learnVm)));
        // The Learn tab follows a new analysis only while it is shown (its sample, stepper and restarts
        // cost the FX thread ~100 ms on a large result; that work waits until the tab is opened).
        learnVm.activeProperty().bind(tabs.getTabs().get(tabs.getTabs().size() - 1).selectedProperty());

        chooseKView = new ChooseKView(vm.chooseKModel());
        setTabContent("chooseKTab", chooseKView);
        segmentsView = new SegmentsView(vm.segmentsModel());
        setTabContent("segmentsTab", segmentsView);
        // The first segments of a file come into view by themselves: a newcomer sees them without a click.
        vm.segmentsModel().modelProperty().addListener((o, before, now) -> {
            if (before == null && now != null && tabs.getSelectionModel().getSelectedIndex() == 0) {
                tabs.getSelectionModel().select(2);
            }
        });

        charts().forEach(this::installChartMenu);

        personasView = new PersonaCardsView(vm.personas());
        Node personasPlaceholder = placeholder("Run an analysis to see a persona card for each segment.");
        personasPlaceholder.visibleProperty().bind(Bindings.isEmpty(vm.personas().cards()));
        personasView.visibleProperty().bind(personasPlaceholder.visibleProperty().not());
        setTabContent("personasTab", new StackPane(personasView, personasPlaceholder));

        SettingsView settings = new SettingsView(vm.settings(), vm::run,
                vm.busyProperty().or(vm.dataProperty().isNull()));
        settings.setMinWidth(240);
        settings.setPrefWidth(290);
        mainSplit = new SplitPane(settings, tabs);
        mainSplit.setId("mainSplit");
        mainSplit.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(settings, false);

        VBox center = new VBox(banner(), mainSplit);
        VBox.setVgrow(mainSplit, Priority.ALWAYS);
        root.setTop(new VBox(menus(), toolbar()));
        root.setCenter(center);
        root.setBottom(new StatusView(vm));

        // Never larger than the screen: small laptop screens, and Monocle's 1280x800 headless screen,
        // whose framebuffer overflows when a window extends past it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth() * 0.92), Math.min(900, screen.getHeight() * 0.92));
        scene.getStylesheets().add(MainWindow.class.getResource(CSS).toExternalForm());
        installDragAndDrop(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        dialogs = FileDialogs.fx(stage);
        // Closing with unsaved changes asks first; Cancel keeps the window open.
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        javafx.animation.PauseTransition quiet = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        vm.setAutosaveTimer(action -> {
            quiet.setOnFinished(e -> action.run());
            quiet.playFromStart();
        });
        // The Data tab fills over the pulses after a file arrives (DataTabView.show); its analysis starts after them.
        vm.setAfterDataShown(dataView::afterFill);
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(900);
        stage.setMinHeight(600);

        vm.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();
    }

    // ---- layout pieces ----

    private Tab tab(String id, String title, String hostId, Node content) {
        StackPane host = new StackPane(content);
        host.setId(hostId);
        host.getStyleClass().add("tab-host");
        hosts.put(id, host);
        Tab t = new Tab(title, host);
        t.setId(id);
        return t;
    }

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        l.setWrapText(true);
        l.setMaxWidth(460);
        return l;
    }

    /** Replaces a tab's content ("dataTab", "chooseKTab", "segmentsTab", "personasTab"). */
    public void setTabContent(String tabId, Node content) {
        StackPane host = hosts.get(tabId);
        if (host == null) {
            throw new IllegalArgumentException("no tab " + tabId);
        }
        host.getChildren().setAll(content);
    }

    public TabPane tabs() {
        return tabs;
    }

    private MenuBar menus() {
        MenuItem open = item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFile);
        open.setId("menuOpen");
        MenuItem openProject = item("Open Project…", null, this::chooseProject);
        openProject.setId("menuOpenProject");
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        save.setId("menuSave");
        save.disableProperty().bind(vm.dataProperty().isNull());
        MenuItem saveAs = item("Save As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::saveAs);
        saveAs.setId("menuSaveAs");
        saveAs.disableProperty().bind(vm.dataProperty().isNull());
        recentMenu.setId("menuRecent");
        MenuItem reload = item("Reload", new KeyCodeCombination(KeyCode.F5), vm::reload);
        reload.disableProperty().bind(vm.fileProperty().isNull().or(vm.busyProperty()));
        MenuItem exit = item("Exit", null, this::exit);
        MenuItem allCharts = item("All charts (PNG)…", null, () -> exportAllCharts("png"));
        allCharts.setId("menuExportAllCharts");
        allCharts.disableProperty().bind(vm.outcomeProperty().isNull());
        MenuItem allChartsSvg = item("All charts (SVG)…", null, () -> exportAllCharts("svg"));
        allChartsSvg.setId("menuExportAllChartsSvg");
        allChartsSvg.disableProperty().bind(vm.outcomeProperty().isNull());
        MenuItem report = item("Report (HTML)…", null, this::exportReport);
        report.setId("menuExportReport");
        report.disableProperty().bind(vm.outcomeProperty().isNull());
        Menu export = new Menu("Export", null, allCharts, allChartsSvg, report);
        export.getItems().addAll(new org.segmentlab.app.export.ExportMenu(vm, () -> dialogs, this::near,
                org.segmentlab.app.export.OverwritePrompt.dialog(() -> stage), exportNotifier, this::charts,
                this::exportOptions).items());
        Menu file = new Menu("File", null, open, openProject, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), export, new SeparatorMenuItem(), reload, new SeparatorMenuItem(), exit);

        MenuItem run = item("Run", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::run);
        run.disableProperty().bind(vm.busyProperty().or(vm.dataProperty().isNull()));
        MenuItem cancel = item("Cancel", new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        MenuItem assign = item("Assign customers…", null, org.segmentlab.app.assign.AssignWindow.opener(stage, vm, () -> dialogs, CSS));
        assign.setId("menuAssign");
        Menu analysis = new Menu("Analysis", null, run, cancel, new SeparatorMenuItem(), assign);

        Menu view = new Menu("View");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab t = tabs.getTabs().get(i);
            view.getItems().add(item(t.getText(), i < digits.length ? new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN) : null,
                    () -> tabs.getSelectionModel().select(t)));
        }
        CheckMenuItem panel = new CheckMenuItem("Settings panel");
        panel.setSelected(true);
        panel.selectedProperty().addListener((o, a, on) -> toggleSettingsPanel(on));
        view.getItems().addAll(new SeparatorMenuItem(), panel);

        MenuItem about = item("About SegmentLab", null, this::showAbout);
        MenuItem log = item("Log file location", null, this::showLogLocation);
        Menu examples = org.segmentlab.app.learn.ExampleData.menu(AppLog.home().resolve("examples"), this::open,
                vm::showProblem);
        MenuItem glossary = item("Glossary", new KeyCodeCombination(KeyCode.F1), () -> org.segmentlab.app.help.GlossaryWindow.show(stage, null));
        glossary.setId("menuGlossary");
        Menu help = new Menu("Help", null, glossary, examples, new SeparatorMenuItem(), about, log);
        MenuBar bar = new MenuBar(file, analysis, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private Node settingsNode;

    private void toggleSettingsPanel(boolean show) {
        if (!show && mainSplit.getItems().size() == 2) {
            settingsNode = mainSplit.getItems().remove(0);
        } else if (show && settingsNode != null && mainSplit.getItems().size() == 1) {
            mainSplit.getItems().add(0, settingsNode);
            mainSplit.setDividerPositions(0.2);
        }
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolbar() {
        Button open = toolButton("toolOpen", "Open", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE), "Open a CSV file (Ctrl+O)");
        open.setOnAction(e -> chooseFile());
        open.setTooltip(new Tooltip("Open a CSV file or a .segmentlab project (Ctrl+O)"));
        Button run = toolButton("toolRun", "Run", new FontIcon(MaterialDesignP.PLAY), "Run the analysis (Ctrl+R)");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty().or(vm.dataProperty().isNull()));
        Button cancel = toolButton("toolCancel", "Cancel", new FontIcon(MaterialDesignS.STOP), "Cancel (Esc)");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label stale = new Label("Settings changed: run again to update the results");
        stale.setId("toolbarStale");
        stale.getStyleClass().add("stale-chip");
        stale.visibleProperty().bind(vm.settings().staleProperty());
        ToolBar bar = new ToolBar(open, run, cancel, spacer, stale);
        bar.setId("toolBar");
        return bar;
    }

    private static Button toolButton(String id, String text, FontIcon icon, String tip) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("tool-button");
        return b;
    }

    private Node banner() {
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        Label message = new Label();
        message.setId("problemMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(
                () -> vm.problem() == null ? "" : vm.problem().message(), vm.problemProperty()));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        // A wrapping label in an HBox only grows in height if its minimum follows its preferred height.
        message.setMinHeight(Region.USE_PREF_SIZE);
        Button skip = new Button("Load anyway, skipping bad rows");
        skip.setId("skipBadRowsButton");
        skip.setOnAction(e -> vm.openSkippingBadRows());
        skip.setMinWidth(Region.USE_PREF_SIZE);
        skip.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.problem() != null && vm.problem().canSkipRaggedRows(), vm.problemProperty()));
        skip.managedProperty().bind(skip.visibleProperty());
        Button locate = new Button("Locate…");
        locate.setId("locateDataButton");
        locate.setOnAction(e -> locateData());
        locate.setMinWidth(Region.USE_PREF_SIZE);
        locate.visibleProperty().bind(vm.awaitingDataProperty().isNotNull());
        locate.managedProperty().bind(locate.visibleProperty());
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("problemClose");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.dismissProblem());
        HBox banner = new HBox(10, icon, message, skip, locate, close);
        banner.setId("problemBanner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.problemProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void rebuildRecentMenu() {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : vm.recentFiles()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> {
                if (confirmDiscard()) {
                    vm.openRecent(p);
                }
            });
            items.add(m);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            items.add(none);
        }
        recentMenu.getItems().setAll(items);
    }

    // ---- actions ----

    private Path near() {
        Path current = vm.projectPathProperty().get() != null ? vm.projectPathProperty().get() : vm.fileProperty().get();
        return current == null ? null : current.getParent();
    }

    private void chooseFile() {
        if (!confirmDiscard()) {
            return;
        }
        Path f = dialogs.openFile(near());
        if (f != null) {
            vm.open(f);
        }
    }

    private void chooseProject() {
        if (!confirmDiscard()) {
            return;
        }
        Path f = dialogs.openProject(near());
        if (f != null) {
            vm.openProject(f);
        }
    }

    /** Opens a file or project as File ▸ Open does, asking about unsaved changes first. */
    public void open(Path file) {
        if (confirmDiscard()) {
            vm.open(file);
        }
    }

    /** File ▸ Save: to the open project, else asks where. Returns whether it was saved. */
    public boolean save() {
        return vm.projectPathProperty().get() != null ? vm.save() : saveAs();
    }

    /** File ▸ Save As…: asks where, then saves. Returns whether it was saved. */
    public boolean saveAs() {
        if (vm.data() == null) {
            return false;
        }
        String name = vm.projectPathProperty().get() != null ? vm.projectPathProperty().get().getFileName().toString()
                : stripExtension(vm.fileProperty().get().getFileName().toString()) + ".segmentlab";
        Path to = dialogs.saveProject(near(), name);
        return to != null && vm.saveProject(to);
    }

    private static String stripExtension(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    // ---- chart export ----

    /** Every chart by the file name "All charts…" writes it to. */
    public Map<String, org.segmentlab.app.charts.CanvasChart> charts() {
        Map<String, org.segmentlab.app.charts.CanvasChart> m = new java.util.LinkedHashMap<>();
        m.put("elbow.png", chooseKView.elbow());
        m.put("silhouette_by_k.png", chooseKView.silhouette());
        m.put("calinski_harabasz.png", chooseKView.calinskiHarabasz());
        m.put("davies_bouldin.png", chooseKView.daviesBouldin());
        m.put("pca_scatter.png", segmentsView.scatter().plotNode());
        m.put("silhouettes.png", segmentsView.silhouette());
        m.put("profile_heatmap.png", segmentsView.heatmap());
        return m;
    }

    /** "cc_general.csv · k = 4 · 2026-11-25": what every exported chart says at its foot. */
    public String exportFooter() {
        Path data = vm.fileProperty().get();
        var o = vm.outcomeProperty().get();
        return (data == null ? "" : data.getFileName() + " · ") + (o == null ? "" : "k = " + o.result().chosenK() + " · ")
                + java.time.LocalDate.now();
    }

    private org.segmentlab.app.charts.ExportOptions exportOptions() {
        return org.segmentlab.app.charts.ExportOptions.defaults().withFooter(exportFooter());
    }

    /** Every chart by its file name in the given format ("png" or "svg"). */
    private Map<String, org.segmentlab.app.charts.CanvasChart> charts(String format) {
        Map<String, org.segmentlab.app.charts.CanvasChart> m = new java.util.LinkedHashMap<>();
        charts().forEach((name, chart) -> m.put(stripExtension(name) + "." + format, chart));
        return m;
    }

    private void exportAllCharts(String format) {
        Path folder = org.segmentlab.app.export.OverwriteCheck.chooseFolder(dialogs, near(),
                "Export all charts to a folder", org.segmentlab.app.charts.ChartExport.fileNames(charts(format).keySet()),
                org.segmentlab.app.export.OverwritePrompt.dialog(() -> stage));
        if (folder != null) {
            exportAllCharts(folder, format);
        }
    }

    /** {@link #exportAllCharts(Path, String)} as PNG. */
    public java.util.concurrent.CompletableFuture<List<Path>> exportAllCharts(Path folder) {
        return exportAllCharts(folder, "png");
    }

    /**
     * Writes every chart into {@code folder} as PNG or SVG ({@code format} "png" or "svg"): drawn on the FX thread,
     * encoded and written on a worker; the status line (or the banner) says how it went. Returns the files.
     */
    public java.util.concurrent.CompletableFuture<List<Path>> exportAllCharts(Path folder, String format) {
        vm.showStatus("Exporting the charts to " + folder + "…");
        java.util.concurrent.CompletableFuture<List<Path>> done;
        try {
            done = org.segmentlab.app.charts.ChartExport.exportAllAsync(charts(format), folder, exportOptions());
        } catch (RuntimeException e) {
            done = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        return reportWritten(done, "Charts exported", files -> files.size() + " charts exported to " + folder,
                "Could not export the charts to " + folder);
    }

    /**
     * Saves one chart as PNG or SVG (by the file name's extension) in the background, with the export's footer;
     * the status line, the notification or the banner say how it went.
     */
    public java.util.concurrent.CompletableFuture<Path> saveChart(org.segmentlab.app.charts.CanvasChart chart, Path file) {
        vm.showStatus("Saving the chart to " + file + "…");
        java.util.concurrent.CompletableFuture<List<Path>> done = org.segmentlab.app.charts.ChartExport
                .writeAsync(chart, file, exportOptions()).thenApply(List::of);
        return reportWritten(done, "Chart saved", files -> "Chart saved to " + file, "Could not save the chart to " + file)
                .thenApply(files -> files.get(0));
    }

    private java.util.concurrent.CompletableFuture<List<Path>> reportWritten(
            java.util.concurrent.CompletableFuture<List<Path>> done, String title,
            java.util.function.Function<List<Path>, String> status, String failure) {
        return done.whenComplete((files, error) -> javafx.application.Platform.runLater(() -> {
            if (error != null) {
                Throwable why = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                AppLog.error(failure, why);
                vm.showProblem(failure + ": " + why.getMessage() + ". Choose another folder.");
            } else {
                vm.showStatus(status.apply(files));
                exportNotifier.written(title, files);
            }
        }));
    }

    private void exportReport() {
        Path data = vm.fileProperty().get();
        Path to = org.segmentlab.app.report.ReportExport.choose(stage, near(), data == null ? null : data.getFileName().toString());
        if (to != null) {
            exportReport(to);
        }
    }

    /** Writes the HTML report of the shown analysis with the live charts and the cards' text (see ReportExport). */
    public java.util.concurrent.CompletableFuture<Path> exportReport(Path file) {
        return org.segmentlab.app.report.ReportExport.export(file, vm, charts(), exportOptions(), exportNotifier);
    }

    /**
     * The chart's context menu: "Copy chart" (the chart as an image, with the export's footer) and "Save chart as
     * PNG…" / "Save chart as SVG…", suggesting the name "All charts" uses.
     */
    private void installChartMenu(String fileName, org.segmentlab.app.charts.CanvasChart chart) {
        MenuItem copy = new MenuItem("Copy chart");
        copy.setOnAction(e -> {
            if (org.segmentlab.app.charts.ChartExport.copyToClipboard(chart, exportOptions())) {
                vm.showStatus("Chart copied to the clipboard");
            }
        });
        MenuItem png = new MenuItem("Save chart as PNG…");
        png.setOnAction(e -> chooseChartFile(chart, fileName, "png"));
        MenuItem svg = new MenuItem("Save chart as SVG…");
        svg.setOnAction(e -> chooseChartFile(chart, fileName, "svg"));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(copy, png, svg);
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void chooseChartFile(org.segmentlab.app.charts.CanvasChart chart, String fileName, String format) {
        Path to = dialogs.saveFile(near(), "Save the chart", stripExtension(fileName) + "." + format,
                format.toUpperCase(java.util.Locale.ROOT) + " image", "*." + format);
        if (to != null) {
            saveChart(chart, to);
        }
    }

    private void locateData() {
        MainViewModel.PendingProject p = vm.awaitingDataProperty().get();
        if (p == null) {
            return;
        }
        Path f = dialogs.locateData(p.path().getParent(), p.project().dataPath().getFileName().toString());
        if (f != null) {
            vm.locateData(f);
        }
    }

    /**
     * With unsaved changes, asks Save / Don't Save / Cancel; true when the current work may be replaced
     * or closed (saved, or the user chose not to).
     */
    public boolean confirmDiscard() {
        if (!vm.isDirty()) {
            return true;
        }
        return switch (unsavedPrompt.ask(vm.documentName())) {
            case SAVE -> save();
            case DONT_SAVE -> true;
            case CANCEL -> false;
        };
    }

    private void exit() {
        if (confirmDiscard()) {
            stage.close();
        }
    }

    private UnsavedChangesPrompt.Choice askUnsaved(String name) {
        ButtonType save = new ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.YES);
        ButtonType dont = new ButtonType("Don't Save", javafx.scene.control.ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, null, save, dont, cancel);
        a.initOwner(stage);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + "?");
        a.setContentText("Your changes are lost if you don't save them.");
        ButtonType b = a.showAndWait().orElse(cancel);
        return b == save ? UnsavedChangesPrompt.Choice.SAVE
                : b == dont ? UnsavedChangesPrompt.Choice.DONT_SAVE : UnsavedChangesPrompt.Choice.CANCEL;
    }

    /** Replaces the Save / Don't Save / Cancel dialog (tests answer without a dialog). */
    public void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) {
        unsavedPrompt = prompt;
    }

    /** Replaces the file choosers (tests answer without dialogs). */
    public void setFileDialogs(FileDialogs d) {
        dialogs = d;
    }

    private void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                root.getStyleClass().add("drop-target");
            }
            e.consume();
        });
        scene.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                Path dropped = e.getDragboard().getFiles().get(0).toPath();
                // After the drop completes: the unsaved-changes question is a nested event loop.
                javafx.application.Platform.runLater(() -> open(dropped));
                ok = true;
            }
            root.getStyleClass().remove("drop-target");
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void showAbout() {
        String version = MainWindow.class.getPackage().getImplementationVersion();
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("About SegmentLab");
        a.setHeaderText("SegmentLab " + (version == null ? "(development build)" : version));
        a.setContentText("A desktop workbench for customer segmentation: k-means, PCA, silhouettes and personas.\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.version"));
        a.showAndWait();
    }

    private void showLogLocation() {
        Path log = AppLog.logFile();
        TextArea path = new TextArea(log.toString());
        path.setEditable(false);
        path.setPrefRowCount(2);
        path.setWrapText(true);
        ButtonType copy = new ButtonType("Copy path");
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, copy, ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("Log file");
        a.setHeaderText("Errors and their details are written to this file:");
        a.getDialogPane().setContent(path);
        a.showAndWait().filter(copy::equals).ifPresent(b -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(log.toString());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    // ---- persistence ----

    /** Applies saved geometry and divider positions; a window that would be off every screen is centred. */
    public void restore(AppSettings saved) {
        AppSettings.WindowState w = saved.window();
        if (w != null && w.width() >= 400 && w.height() >= 300) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(w.width(), screen.getWidth()));
            stage.setHeight(Math.min(w.height(), screen.getHeight()));
            if (!Double.isNaN(w.x()) && !Double.isNaN(w.y()) && onSomeScreen(w)) {
                stage.setX(w.x());
                stage.setY(w.y());
            }
            stage.setMaximized(w.maximized());
        }
        applyDividers(mainSplit, saved.dividers().get("main"));
        applyDividers(dataView.verticalSplit(), saved.dividers().get("data"));
        applyDividers(dataView.topSplit(), saved.dividers().get("dataTop"));
        applyDividers(segmentsView.verticalSplit(), saved.dividers().get("segments"));
        applyDividers(segmentsView.topSplit(), saved.dividers().get("segmentsTop"));
    }

    private static boolean onSomeScreen(AppSettings.WindowState w) {
        return !Screen.getScreensForRectangle(new Rectangle2D(w.x(), w.y(), Math.min(w.width(), 100), 40)).isEmpty();
    }

    private static void applyDividers(SplitPane split, List<Double> positions) {
        if (positions != null && positions.size() == split.getDividers().size()) {
            double[] p = positions.stream().mapToDouble(d -> Math.max(0.05, Math.min(0.95, d))).toArray();
            split.setDividerPositions(p);
        }
    }

    /** The window's geometry and splits, to be saved with the rest of the settings. */
    public AppSettings capture(AppSettings base) {
        boolean max = stage.isMaximized();
        AppSettings.WindowState w = new AppSettings.WindowState(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), max);
        if (max && base.window() != null) {
            // A maximised window reports the screen's size; keep the normal size for next time.
            AppSettings.WindowState old = base.window();
            w = new AppSettings.WindowState(old.x(), old.y(), old.width(), old.height(), true);
        }
        Map<String, List<Double>> dividers = new HashMap<>();
        dividers.put("main", positions(mainSplit));
        dividers.put("data", positions(dataView.verticalSplit()));
        dividers.put("dataTop", positions(dataView.topSplit()));
        dividers.put("segments", positions(segmentsView.verticalSplit()));
        dividers.put("segmentsTop", positions(segmentsView.topSplit()));
        return base.withWindow(w).withDividers(dividers);
    }

    private static List<Double> positions(SplitPane split) {
        List<Double> out = new ArrayList<>();
        for (double d : split.getDividerPositions()) {
            out.add(d);
        }
        return out;
    }

    public Stage stage() {
        return stage;
    }
}
