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
import org.segmentlab.app.data.AdviceSource;
import org.segmentlab.app.data.Formats;
import org.segmentlab.app.data.LoadedData;
import org.segmentlab.app.data.TableLoader;
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

    private TaskHandle current = TaskHandle.NONE;
    /** Incremented by every job start and every cancel; a listener acts only if its job is still the newest. */
    private long generation;
    /** Re-profiling for a k picked in a chart: apart from {@link #current}, so it never cancels a run. */
    private TaskHandle choosing = TaskHandle.NONE;
    /** The k being re-profiled, or 0. */
    private int pendingK;
    /** Run the default analysis as soon as a file is open, so a newcomer sees segments without a click. */
    private boolean analyseOnOpen = true;

    public MainViewModel(TaskRunner runner, TableLoader loader, AdviceSource advisor, AnalysisService analysis,
                         SettingsViewModel settings) {
        this.runner = runner;
        this.loader = loader;
        this.advisor = advisor;
        this.analysis = analysis;
        this.settings = settings;
        chooseKModel = new ChooseKViewModel(outcome.getReadOnlyProperty(), this::chooseK);
        segmentsModel = new SegmentsViewModel(outcome.getReadOnlyProperty(), runner);
        file.addListener((o, a, f) -> title.set(f == null ? "SegmentLab" : "SegmentLab — " + f.getFileName()));
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

    // ---- commands ----

    public void open(Path path) {
        load(path, LoadOptions.defaults());
    }

    /** Retries the file the banner is about, skipping rows with the wrong number of fields. */
    public void openSkippingBadRows() {
        Problem p = problem.get();
        if (p != null && p.canSkipRaggedRows()) {
            load(p.file(), p.options().withSkipRaggedRows(true));
        }
    }

    /** Reads the current file again with the options it was opened with. */
    public void reload() {
        LoadedData d = data.get();
        if (file.get() != null && d != null) {
            load(file.get(), d.options());
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
        Path target = path.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        start("Opening " + name, "open " + name, (p, cancel) -> {
            DataTable t = loader.load(target, options, p.range(0, 0.85), cancel);
            p.update(0.9, "Summarising " + Formats.count(t.columnCount()) + " columns");
            LoadedData loaded = LoadedData.of(t, options, advisor, cancel);
            // On the worker: spotting a numeric identifier sorts its column.
            return new Opened(loaded, PreparationAdvisor.suggest(t));
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
            recentFiles.setAll(RecentFiles.push(recentFiles, target));
            DataTable t = d.table();
            status.set(name + ": " + Formats.count(t.rowCount()) + " rows · " + Formats.count(t.columnCount())
                    + " columns" + (t.skippedRows() > 0 ? " · " + Formats.count(t.skippedRows()) + " bad rows skipped" : ""));
            if (analyseOnOpen && settings.request() != null) {
                run();
            }
        }, error -> {
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
                }, error -> {
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

    public void dismissProblem() {
        problem.set(null);
    }

    /** Restores the recent files list, dropping files that no longer exist. */
    public void setRecentFiles(List<Path> files) {
        recentFiles.setAll(RecentFiles.existing(files));
    }

    /** A loaded table and the core advisor's suggested preparation for it. */
    private record Opened(LoadedData data, org.segmentlab.prep.PrepOptions suggestion) {
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

    private void finish() {
        busy.set(false);
        progress.set(0);
        step.set("");
        current = TaskHandle.NONE;
    }

    // ---- properties ----

    public SettingsViewModel settings() {
        return settings;
    }

    /** The Choose k tab's state, following {@link #outcomeProperty()}. */
    public ChooseKViewModel chooseKModel() {
        return chooseKModel;
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

    /** "SegmentLab — cc_general.csv". */
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
