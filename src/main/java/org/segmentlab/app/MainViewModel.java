package org.segmentlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.analysis.ChooseKViewModel;
import org.segmentlab.app.analysis.SegmentsViewModel;
import org.segmentlab.app.table.AdviceSource;
import org.segmentlab.app.table.Formats;
import org.segmentlab.app.table.LoadedData;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.personas.PersonaCardModel;
import org.segmentlab.app.personas.PersonaCardsViewModel;
import org.segmentlab.app.settings.RecentFiles;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.BackgroundTask;
import org.segmentlab.app.task.TaskHandle;
import org.segmentlab.app.task.TaskListener;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.Fingerprint;
import org.segmentlab.io.ProjectException;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.PreparationAdvisor;

/**
 * The window's state and commands: the open table, loading and analysis jobs, their progress, the
 * problem banner and recent files. One job runs at a time: starting one cancels the previous, and a
 * generation counter makes sure a late result of an older job never replaces a newer one. A failed
 * or cancelled job leaves the previous data and result exactly as they were. FX thread only.
 */
public final class MainViewModel {

    private final TaskRunner runner;
    private final TableLoader loader;
    private final AdviceSource advisor;
    private final AnalysisService analysis;
    private final SettingsViewModel settings;

    private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Path> projectPath = new ReadOnlyObjectWrapper<>(this, "projectPath");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<PendingProject> awaitingData = new ReadOnlyObjectWrapper<>(this, "awaitingData");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "SegmentLab");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyLongWrapper startedAt = new ReadOnlyLongWrapper(this, "startedAt");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<AnalysisOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ChooseKViewModel chooseKModel;
    private final SegmentsViewModel segmentsModel;
    private final PersonaCardsViewModel personas = new PersonaCardsViewModel();

    private TaskHandle current = TaskHandle.NONE;
    /** Incremented by every job start and every cancel; a listener acts only if its job is still the newest. */
    private long generation;
    /** Re-profiling for a k picked in a chart: apart from {@link #current}, so it never cancels a run. */
    private TaskHandle choosing = TaskHandle.NONE;
    /** The k being re-profiled, or 0. */
    private int pendingK;
    /** Run the default analysis as soon as a file is open, so a newcomer sees segments without a click. */
    private boolean analyseOnOpen = true;
    /** Where that analysis waits for the window to show the new data first (a few pulses in the window). */
    private java.util.function.Consumer<Runnable> afterDataShown = Runnable::run;
    /** The open data file's fingerprint (computed on the loading worker), for projects. */
    private Fingerprint fingerprint;
    /** The settings as last saved or opened; the settings differ from them = unsaved changes. */
    private AnalysisRequest savedRequest;
    /** A project being opened: its data is loading or its analysis running; its personas come back after. */
    private PendingProject pendingProject;
    /** Counts changes (settings, personas): an autosave marks saved only if nothing changed while it wrote. */
    private long changes;
    private AutosaveTimer autosaveTimer = AutosaveTimer.NONE;
    /** The next result is of a newly opened file (not a reload): its cards are drafted afresh. */
    private boolean freshCards;

    /**
     * A project being opened.
     *
     * @param path    the .segmentlab file
     * @param project what it holds
     * @param warning   shown once its analysis is back (the data changed since it was saved), or null
     * @param relocated the user located its moved data: the project is written again with the new path
     */
    public record PendingProject(Path path, ProjectFile project, String warning, boolean relocated) {
    }

    public MainViewModel(TaskRunner runner, TableLoader loader, AdviceSource advisor, AnalysisService analysis,
                         SettingsViewModel settings) {
        this.runner = runner;
        this.loader = loader;
        this.advisor = advisor;
        this.analysis = analysis;
        this.settings = settings;
        chooseKModel = new ChooseKViewModel(outcome.getReadOnlyProperty(), this::chooseK);
        segmentsModel = new SegmentsViewModel(outcome.getReadOnlyProperty(), runner);
        // Every result (a run or another k) gets its cards; the cards' names then name the clusters everywhere.
        outcome.addListener((o, a, now) -> {
            if (now != null && freshCards) {
                // Another file: its cards start from drafts; edits of the file before do not carry over.
                freshCards = false;
                AnalysisResult r = now.result();
                personas.restore(List.of(), r.profiles(), r.chosen().centroids(), r.chosen().d());
            } else if (now != null) {
                personas.setClusters(now.result());
            }
        });
        personas.namesProperty().addListener((o, a, n) -> segmentsModel.setNames(n));
        file.addListener(o -> updateTitle());
        projectPath.addListener(o -> updateTitle());
        dirty.addListener(o -> updateTitle());
        personas.dirtyProperty().addListener((o, a, now) -> changed());
        // Every keystroke in a card restarts the autosave's quiet period (cards are replaced, never reused).
        personas.cards().addListener((javafx.collections.ListChangeListener<PersonaCardModel>) c -> {
            while (c.next()) {
                for (PersonaCardModel card : c.getAddedSubList()) {
                    for (javafx.beans.Observable field : List.of(card.nameProperty(), card.descriptionProperty(),
                            card.strategiesProperty())) {
                        field.addListener(x -> {
                            if (personas.isDirty()) {
                                changed();
                            }
                        });
                    }
                }
            }
        });
        settings.requestProperty().addListener(o -> changed());
        // The chosen-k spinner picks among the fitted k too (only when the user fixed k: with "auto" the
        // spinner just shows the knee).
        settings.chosenKProperty().addListener((o, a, k) -> {
            if (!settings.autoKProperty().get()) {
                chooseK(k.intValue());
            }
        });
    }

    /** Whether opening a file starts the default analysis at once (on by default). */
    public void setAnalyseOnOpen(boolean on) {
        analyseOnOpen = on;
    }

    /**
     * Lets the analysis that opening a file starts wait until the window has shown the data: the window fills the
     * Data tab over its next pulses, and an analysis starting meanwhile (its threads and the compiler's work on its
     * code) slowed those pulses to 130-175 ms on two cores. Without this it starts at once. Anything the user
     * starts in between (a run, another file) drops the waiting analysis.
     */
    public void setAfterDataShown(java.util.function.Consumer<Runnable> later) {
        afterDataShown = later;
    }

    // ---- commands ----

    /** Opens a data file, or a project when the name ends with {@code .segmentlab}. */
    public void open(Path path) {
        if (isProject(path)) {
            openProject(path);
            return;
        }
        pendingProject = null;
        awaitingData.set(null);
        load(path, LoadOptions.defaults(), false);
    }

    static boolean isProject(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".segmentlab");
    }

    /** Retries the file the banner is about, skipping rows with the wrong number of fields. */
    public void openSkippingBadRows() {
        Problem p = problem.get();
        if (p != null && p.canSkipRaggedRows()) {
            load(p.file(), p.options().withSkipRaggedRows(true), true);
        }
    }

    /** Reads the current file again with the options it was opened with. */
    public void reload() {
        LoadedData d = data.get();
        if (file.get() != null && d != null) {
            load(file.get(), d.options(), true);
        }
    }

    /** Opens a recent file, or drops it from the list with a message if it is gone. */
    public void openRecent(Path path) {
        if (!Files.isRegularFile(path)) {
            recentFiles.remove(path);
            problem.set(Problem.message(path.getFileName() + " is no longer there (" + path.getParent()
                    + "); it was removed from the recent files."));
            return;
        }
        open(path);
    }

    public void load(Path path, LoadOptions options) {
        load(path, options, false);
    }

    /** @param keepProject a reload of the same data: the open project stays open */
    private void load(Path path, LoadOptions options, boolean keepProject) {
        Path target = path.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        start("Opening " + name, "open " + name, (p, cancel) -> {
            DataTable t = loader.load(target, options, p.range(0, 0.85), cancel);
            p.update(0.9, "Summarising " + Formats.count(t.columnCount()) + " columns");
            LoadedData loaded = LoadedData.of(t, options, advisor, cancel);
            // On the worker: spotting a numeric identifier sorts its column; hashing reads the whole file.
            return new Opened(loaded, PreparationAdvisor.suggest(t), fingerprintOf(target));
        }, (Opened opened) -> {
            LoadedData d = opened.data();
            data.set(d);
            file.set(target);
            problem.set(null);
            choosing.cancel();
            pendingK = 0;
            outcome.set(null);
            settings.markRun(null);
            settings.setData(d);
            settings.applySuggestion(opened.suggestion());
            fingerprint = opened.fingerprint();
            PendingProject pp = pendingProject != null && pendingProject.project().dataPath().toAbsolutePath()
                    .normalize().equals(target) ? pendingProject : null;
            if (pp != null && !java.util.Objects.equals(opened.fingerprint(), pp.project().fingerprint())) {
                // The load job hashed the file: a project whose data changed since it was saved says so.
                pp = new PendingProject(pp.path(), pp.project(), changedWarning(pp.project()), pp.relocated());
                pendingProject = pp;
            }
            if (pp != null) {
                settings.applyRequest(pp.project().request());
                projectPath.set(pp.path());
            } else if (!keepProject) {
                pendingProject = null;
                projectPath.set(null);
            }
            freshCards = !keepProject;
            savedRequest = settings.request();
            personas.markSaved();
            updateDirty();
            // A project is reopened from the recent list as a project (its settings and personas come too).
            recentFiles.setAll(RecentFiles.push(recentFiles, pp != null ? pp.path() : target));
            DataTable t = d.table();
            status.set(name + ": " + Formats.count(t.rowCount()) + " rows · " + Formats.count(t.columnCount())
                    + " columns" + (t.skippedRows() > 0 ? " · " + Formats.count(t.skippedRows()) + " bad rows skipped" : ""));
            if ((analyseOnOpen || pp != null) && settings.request() != null) {
                long gen = generation;
                afterDataShown.accept(() -> {
                    if (gen == generation) {
                        run();
                    }
                });
            }
        }, error -> {
            pendingProject = null;
            AppLog.error("Could not open " + target, error);
            problem.set(Problem.ofLoad(target, options, error));
            status.set("Could not open " + name + (data.get() == null ? "" : "; still showing "
                    + file.get().getFileName()));
        });
    }

    /** Treats a column as another type (from the column summary); summaries and advice follow. */
    public void overrideColumnType(String column, ColumnType type) {
        LoadedData d = data.get();
        if (d == null) {
            return;
        }
        start("Treating " + column + " as " + type.jsonName(), "retype " + column, (p, cancel) ->
                LoadedData.of(d.table().withColumnType(column, type), d.options(), advisor, cancel), (LoadedData next) -> {
                    data.set(next);
                    problem.set(null);
                    settings.setData(next);
                    settings.markDataChanged();
                    status.set(column + " is now treated as " + type.jsonName());
                }, error -> {
                    AppLog.error("Could not change the type of " + column, error);
                    problem.set(Problem.message("Could not treat " + column + " as " + type.jsonName() + ": "
                            + error.getMessage()));
                });
    }

    /** Runs the analysis the settings panel describes on the open table. */
    public void run() {
        LoadedData d = data.get();
        AnalysisRequest request = settings.request();
        if (d == null) {
            problem.set(Problem.message("Open a CSV file first (File ▸ Open…)."));
            return;
        }
        if (request == null) {
            problem.set(Problem.message(settings.validationProperty().get()));
            return;
        }
        start("Running the analysis", "analysis", (p, cancel) -> analysis.run(d.table(), request, p, cancel),
                (AnalysisOutcome o) -> {
                    choosing.cancel();
                    pendingK = 0;
                    outcome.set(o);
                    problem.set(null);
                    settings.markRun(request);
                    if (settings.autoKProperty().get()) {
                        // Shows the knee the analysis settled on; with auto on this changes no request.
                        settings.chosenKProperty().set(o.result().chosenK());
                    }
                    status.set(o.summary());
                    PendingProject pp = pendingProject;
                    pendingProject = null;
                    if (pp != null) {
                        AnalysisResult r = o.result();
                        personas.restore(pp.project().personas(), r.profiles(), r.chosen().centroids(), r.chosen().d());
                        savedRequest = settings.request();
                        updateDirty();
                        if (pp.relocated() && saveProject(pp.path())) {
                            // The project now points at the data where the user found it.
                            status.set(o.summary() + " · " + pp.path().getFileName() + " now uses "
                                    + pp.project().dataPath());
                        }
                        if (pp.warning() != null) {
                            problem.set(Problem.message(pp.warning()));
                        }
                    }
                }, error -> {
                    pendingProject = null;
                    AppLog.error("The analysis failed", error);
                    problem.set(Problem.message(analysisProblem(error)));
                });
    }

    /** The banner's sentence for a failed analysis: what went wrong and what to change. */
    static String analysisProblem(Throwable error) {
        String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().strip();
        if (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        String hint = "";
        if (error instanceof IllegalArgumentException && why.startsWith("k = ")) {
            hint = " (set K range in the settings panel, then Run)";
        } else if (error instanceof org.segmentlab.prep.PrepException) {
            hint = " (change the features or derived columns in the settings panel, then Run)";
        }
        return "The analysis could not run: " + why + hint + ".";
    }

    /**
     * Shows the current analysis at another k of its sweep: re-profiles from the cached fit on a
     * worker (no k-means, no re-run, not stale) and moves the settings' chosen k there. Ignored when
     * there is no result, k is already shown or k was not fitted.
     */
    public void chooseK(int k) {
        AnalysisOutcome base = outcome.get();
        if (base == null || k == pendingK || (pendingK == 0 && k == base.result().chosenK())
                || !base.result().inSweep(k)) {
            return;
        }
        choosing.cancel();
        pendingK = k;
        settings.selectK(k);
        TaskHandle[] handle = new TaskHandle[1];
        handle[0] = runner.submit("choose k = " + k, (p, cancel) -> base.withResult(base.result().withChosenK(k)),
                new TaskListener<AnalysisOutcome>() {
                    @Override
                    public void succeeded(AnalysisOutcome o) {
                        // Only if nothing newer was shown meanwhile (a run, a file, another k).
                        if (outcome.get() == base && pendingK == k) {
                            pendingK = 0;
                            outcome.set(o);
                            if (!busy.get()) {
                                status.set(o.summary());
                            }
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        if (pendingK == k) {
                            pendingK = 0;
                            AppLog.error("Could not show k = " + k, error);
                            problem.set(Problem.message("Could not show k = " + k + ": " + error.getMessage()));
                        }
                    }

                    @Override
                    public void cancelled() {
                        if (pendingK == k) {
                            pendingK = 0;
                        }
                    }
                });
        if (pendingK == k) {
            choosing = handle[0];
        }
    }

    /** Stops the running job at once; the data and result shown before it stay. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        current.cancel();
        generation++;
        finish();
        status.set("Cancelled");
    }

    /** Puts a sentence in the resting status line (what the window just did, e.g. an export). */
    public void showStatus(String text) {
        status.set(text);
    }

    /** Shows a sentence in the problem banner (a window action that failed, e.g. an export). */
    public void showProblem(String message) {
        problem.set(Problem.message(message));
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /** Restores the recent files list, dropping files that no longer exist. */
    public void setRecentFiles(List<Path> files) {
        recentFiles.setAll(RecentFiles.existing(files));
    }

    /** A loaded table, the core advisor's suggested preparation for it and the file's fingerprint. */
    private record Opened(LoadedData data, org.segmentlab.prep.PrepOptions suggestion, Fingerprint fingerprint) {
    }

    // ---- projects ----

    /** The file's fingerprint, or null when it cannot be read again (then no project can be saved). */
    private static Fingerprint fingerprintOf(Path file) {
        try {
            return Fingerprint.of(file);
        } catch (java.io.IOException | RuntimeException e) {
            AppLog.info("No fingerprint for " + file + ": " + e);
            return null;
        }
    }

    /**
     * Opens a {@code .segmentlab} project: reads it (a damaged or foreign file only puts its message in
     * the banner; what is open stays), checks its data (missing: the banner offers to locate it, see
     * {@link #locateData}; changed: a warning once the analysis is back), loads the data, applies the
     * settings, runs, and restores the personas onto the matching clusters.
     */
    public void openProject(Path path) {
        Path target = path.toAbsolutePath().normalize();
        ProjectFile pf;
        try {
            pf = ProjectFile.read(target);
        } catch (ProjectException e) {
            problem.set(Problem.message(e.getMessage()));
            return;
        }
        awaitingData.set(null);
        // Only a cheap look here: whether the data changed is known once the load job has hashed it.
        if (!java.nio.file.Files.isReadable(pf.dataPath()) || java.nio.file.Files.isDirectory(pf.dataPath())) {
            awaitingData.set(new PendingProject(target, pf, null, false));
            problem.set(Problem.message("The data of " + target.getFileName() + " is not at " + pf.dataPath()
                    + " any more. Choose \u201cLocate\u2026\u201d to show where it is now."));
        } else {
            startProject(new PendingProject(target, pf, null, false));
        }
    }

    private static String changedWarning(ProjectFile pf) {
        return pf.dataPath().getFileName() + " changed since the project was saved: the results may differ from"
                + " the saved ones, and personas whose cluster changed too much are kept aside.";
    }

    /** The project whose data the user is asked to locate, or null. */
    public ReadOnlyObjectProperty<PendingProject> awaitingDataProperty() {
        return awaitingData.getReadOnlyProperty();
    }

    /** The moved data of the project in {@link #awaitingDataProperty()} is at {@code data}: open it there. */
    public void locateData(Path data) {
        PendingProject p = awaitingData.get();
        if (p == null || data == null) {
            return;
        }
        awaitingData.set(null);
        ProjectFile moved = p.project().withDataPath(data.toAbsolutePath().normalize());
        if (!java.nio.file.Files.isReadable(moved.dataPath()) || java.nio.file.Files.isDirectory(moved.dataPath())) {
            awaitingData.set(p);
            problem.set(Problem.message(data.getFileName() + " cannot be read. Choose \u201cLocate\u2026\u201d again."));
            return;
        }
        startProject(new PendingProject(p.path(), moved, null, true));
    }

    private void startProject(PendingProject p) {
        problem.set(null);
        pendingProject = p;
        load(p.project().dataPath(), LoadOptions.defaults(), false);
    }

    /**
     * The project as it is now: the data file and fingerprint, the settings with the shown chosen k, and
     * the personas of the shown result. Null without data or valid settings.
     */
    public ProjectFile currentProject() {
        Path f = file.get();
        AnalysisOutcome o = outcome.get();
        AnalysisRequest req = settings.request() != null ? settings.request() : o == null ? null : o.request();
        if (f == null || data.get() == null || fingerprint == null || req == null) {
            return null;
        }
        int k = o != null ? o.result().chosenK() : req.chosenK() != null ? req.chosenK() : settings.chosenKProperty().get();
        List<ProjectFile.PersonaEntry> entries = o == null ? List.of() : personas.toEntries();
        return new ProjectFile(f, fingerprint, req.withChosenK(k), k, entries);
    }

    /**
     * Writes the project to {@code to} (atomically, on this thread: the file is small) and makes it the
     * open project. Returns false, with the reason in the banner, when it could not.
     */
    public boolean saveProject(Path to) {
        ProjectFile pf = currentProject();
        if (pf == null) {
            problem.set(Problem.message("Open a data file and choose valid settings before saving a project."));
            return false;
        }
        Path target = to.toAbsolutePath().normalize();
        try {
            pf.write(target);
        } catch (java.io.IOException | RuntimeException e) {
            AppLog.error("Could not save " + target, e);
            problem.set(Problem.message("Could not save " + target.getFileName() + ": " + e.getMessage()
                    + ". Choose another folder (File \u25b8 Save As\u2026)."));
            return false;
        }
        projectPath.set(target);
        savedRequest = settings.request();
        personas.markSaved();
        updateDirty();
        status.set("Saved " + target.getFileName());
        return true;
    }

    /** Saves to the open project's file; false when there is none (ask for a path then) or it failed. */
    public boolean save() {
        Path p = projectPath.get();
        return p != null && saveProject(p);
    }

    /** Installs the quiet-period timer autosave uses (the window's; none by default). */
    public void setAutosaveTimer(AutosaveTimer timer) {
        autosaveTimer = timer == null ? AutosaveTimer.NONE : timer;
    }

    private void changed() {
        changes++;
        updateDirty();
        if (dirty.get() && projectPath.get() != null) {
            autosaveTimer.restart(this::autosave);
        }
    }

    /**
     * Writes the open project if it has unsaved changes: the project is put together here (FX thread) and
     * written by a worker. Waits again while a job runs or a project is being opened.
     */
    void autosave() {
        Path to = projectPath.get();
        if (to == null || !dirty.get()) {
            return;
        }
        if (busy.get() || pendingProject != null) {
            autosaveTimer.restart(this::autosave);
            return;
        }
        ProjectFile pf = currentProject();
        if (pf == null) {
            return;
        }
        long at = changes;
        AnalysisRequest req = settings.request();
        runner.submit("autosave " + to.getFileName(), (p, cancel) -> {
            pf.write(to);
            return to;
        }, new TaskListener<Path>() {
            @Override
            public void succeeded(Path written) {
                // Saved only if nothing changed while writing and the same project is still open.
                if (at == changes && written.equals(projectPath.get())) {
                    savedRequest = req;
                    personas.markSaved();
                    changes = at;
                    updateDirty();
                }
            }

            @Override
            public void failed(Throwable error) {
                AppLog.error("Autosave of " + to + " failed", error);
                problem.set(Problem.message("Could not save " + to.getFileName() + " automatically: "
                        + error.getMessage() + ". Save it elsewhere (File \u25b8 Save As\u2026)."));
            }
        });
    }

    private void updateDirty() {
        dirty.set(data.get() != null && (personas.isDirty()
                || (settings.request() != null && !java.util.Objects.equals(settings.request(), savedRequest))));
    }

    private void updateTitle() {
        Path shown = projectPath.get() != null ? projectPath.get() : file.get();
        title.set(shown == null ? "SegmentLab" : "SegmentLab: " + shown.getFileName() + (dirty.get() ? " \u25cf" : ""));
    }

    /** The open project's file, or null (a plain data file, or nothing). */
    public ReadOnlyObjectProperty<Path> projectPathProperty() {
        return projectPath.getReadOnlyProperty();
    }

    /** True while there are unsaved changes: persona edits, or settings changed since the last save or open. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The name the title and the unsaved-changes question use: the project's, else the data file's. */
    public String documentName() {
        Path shown = projectPath.get() != null ? projectPath.get() : file.get();
        return shown == null ? "" : shown.getFileName().toString();
    }

    private interface Success<T> {
        void accept(T t);
    }

    private interface Failure {
        void accept(Throwable t);
    }

    private <T> void start(String what, String taskName, BackgroundTask<T> task, Success<T> onSuccess, Failure onFailure) {
        current.cancel();
        long gen = ++generation;
        busy.set(true);
        progress.set(-1);
        step.set(what);
        startedAt.set(System.nanoTime());
        TaskHandle handle = runner.submit(taskName, task, new TaskListener<T>() {
            @Override
            public void progress(double fraction, String message) {
                if (gen == generation) {
                    progress.set(fraction);
                    if (message != null && !message.isBlank()) {
                        step.set(message);
                    }
                }
            }

            @Override
            public void succeeded(T result) {
                if (gen == generation) {
                    finish();
                    onSuccess.accept(result);
                }
            }

            @Override
            public void failed(Throwable error) {
                if (gen == generation) {
                    finish();
                    onFailure.accept(error);
                } else {
                    AppLog.info("Ignoring the failure of a superseded job (" + taskName + "): " + error);
                }
            }

            @Override
            public void cancelled() {
                if (gen == generation) {
                    finish();
                    status.set("Cancelled");
                }
            }
        });
        if (gen == generation && busy.get()) {
            current = handle;
        }
    }

    /**
     * Runs side work (an export) as the window's one job: its progress and Cancel are in the status bar.
     * Like every job it cancels the one running, so callers offer it only when the window is not busy.
     */
    public <T> void runJob(String what, BackgroundTask<T> task, java.util.function.Consumer<T> onSuccess,
                           java.util.function.Consumer<Throwable> onFailure) {
        start(what, what, task, onSuccess::accept, onFailure::accept);
    }

    private void finish() {
        busy.set(false);
        progress.set(0);
        step.set("");
        current = TaskHandle.NONE;
    }

    // ---- properties ----

    /** The one runner for background work (exports and the Assign window submit to it). */
    public TaskRunner runner() {
        return runner;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** The Choose k tab's state, following {@link #outcomeProperty()}. */
    public ChooseKViewModel chooseKModel() {
        return chooseKModel;
    }

    /** The Personas tab's cards, one per cluster of the shown result; their names name the clusters elsewhere. */
    public PersonaCardsViewModel personas() {
        return personas;
    }

    /** The Segments tab's state, following {@link #outcomeProperty()}. */
    public SegmentsViewModel segmentsModel() {
        return segmentsModel;
    }

    public ReadOnlyObjectProperty<LoadedData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public LoadedData data() {
        return data.get();
    }

    /** The open file (absolute), or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** "SegmentLab: cc_general.csv ●" while unsaved. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Fraction done in [0, 1], or -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running job is doing now. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** {@link System#nanoTime()} when the running job started. */
    public ReadOnlyLongProperty startedAtProperty() {
        return startedAt.getReadOnlyProperty();
    }

    /** The resting status line (what was loaded or computed last). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Problem problem() {
        return problem.get();
    }

    public ReadOnlyObjectProperty<AnalysisOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Newest first, at most 10, persisted by the window. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

}
