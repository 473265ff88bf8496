package org.segmentlab.app.export;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.segmentlab.app.FileDialogs;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.charts.ExportOptions;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.pipeline.AnalysisResult;

/**
 * The data items of File ▸ Export (segmented data, summary, model.json, PMML, everything to a folder):
 * asks where with the window's {@link FileDialogs}, snapshots the shown result and the card names on
 * the FX thread, and writes on a worker as the window's job (progress and Cancel in the status bar).
 * Success is confirmed in the status line with the path and by the window's {@link ExportNotifier}; a
 * failure shows in the banner, naming the file and what to do, and leaves the analysis as it was.
 * "Everything to a folder" writes the ten files of {@code analyze --out}, chart images and report included, and
 * asks first when it would replace files there ({@link OverwriteCheck}).
 * Remembers the last folder it wrote to.
 */
public final class ExportMenu {

    private final MainViewModel vm;
    private final Supplier<FileDialogs> dialogs;
    private final Supplier<Path> near;
    private final OverwritePrompt overwrite;
    private final ExportNotifier notifier;
    private final Supplier<? extends Map<String, ? extends Node>> charts;
    private final Supplier<ExportOptions> chartOptions;
    private Path lastFolder;

    /** Without an owner window: the replace question is unowned and there is no notification. */
    public ExportMenu(MainViewModel vm, Supplier<FileDialogs> dialogs, Supplier<Path> near) {
        this(vm, dialogs, near, OverwritePrompt.dialog(() -> null), null);
    }

    /**
     * Without the window's charts: "Everything to a folder" draws its images as {@code analyze --out} does, with the
     * installed {@link ChartRenderer} at the default size.
     */
    public ExportMenu(MainViewModel vm, Supplier<FileDialogs> dialogs, Supplier<Path> near, OverwritePrompt overwrite,
                      ExportNotifier notifier) {
        this(vm, dialogs, near, overwrite, notifier, null, ExportOptions::defaults);
    }

    /**
     * @param dialogs      the window's current choosers (tests replace them after the menu is built)
     * @param near         the folder of the open file or project, for the first chooser
     * @param overwrite    asks before "Everything to a folder" replaces files
     * @param notifier     says that an export finished, or null for the status line only
     * @param charts       the window's charts by file name ({@code MainWindow.charts()}), drawn into the kit as
     *                     the report draws them ({@link KitCharts}); null to use the installed renderer instead
     * @param chartOptions the images' size and footer, as the window's chart exports use
     */
    public ExportMenu(MainViewModel vm, Supplier<FileDialogs> dialogs, Supplier<Path> near, OverwritePrompt overwrite,
                      ExportNotifier notifier, Supplier<? extends Map<String, ? extends Node>> charts,
                      Supplier<ExportOptions> chartOptions) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.near = near;
        this.overwrite = overwrite;
        this.notifier = notifier;
        this.charts = charts;
        this.chartOptions = chartOptions;
    }

    /** The menu items, enabled while a result is shown and no job runs. */
    public List<MenuItem> items() {
        BooleanBinding unavailable = vm.outcomeProperty().isNull().or(vm.busyProperty());
        List<MenuItem> out = new ArrayList<>();
        out.add(new SeparatorMenuItem());
        for (DataExports.Kind kind : DataExports.Kind.values()) {
            MenuItem m = new MenuItem(kind.menuText());
            m.setId("menuExport" + switch (kind) {
                case SEGMENTS -> "Segments";
                case SUMMARY -> "Summary";
                case MODEL_JSON -> "ModelJson";
                case MODEL_PMML -> "ModelPmml";
            });
            m.setOnAction(e -> choose(kind));
            m.disableProperty().bind(unavailable);
            out.add(m);
        }
        MenuItem all = new MenuItem("Everything to a folder…");
        all.setId("menuExportEverything");
        all.setOnAction(e -> chooseFolder());
        all.disableProperty().bind(unavailable);
        out.add(all);
        return out;
    }

    private Path folder() {
        return lastFolder != null && Files.isDirectory(lastFolder) ? lastFolder : near.get();
    }

    private void choose(DataExports.Kind kind) {
        Path to = dialogs.get().saveFile(folder(), "Export the " + kind.what(), kind.fileName(), kind.filterName(),
                kind.pattern());
        if (to != null) {
            export(kind, to);
        }
    }

    private void chooseFolder() {
        DataExports.Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        Path to = OverwriteCheck.chooseFolder(dialogs.get(), folder(), "Export everything to a folder",
                DataExports.kitFileNames(s), overwrite);
        if (to != null) {
            exportAll(to);
        }
    }

    /** Writes one export to {@code target} in the background (FX thread; does nothing without a result). */
    public void export(DataExports.Kind kind, Path target) {
        DataExports.Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        Path file = target.toAbsolutePath();
        vm.runJob("Exporting the " + kind.what() + " to " + file.getFileName() + "…",
                (progress, cancel) -> {
                    cancel.throwIfCancelled(); // the write itself is short and all-or-nothing
                    return DataExports.write(kind, s, file);
                },
                written -> {
                    lastFolder = written.getParent();
                    vm.showStatus("Exported the " + kind.what() + " to " + written);
                    announce(capitalised(kind.what()) + " exported", List.of(written));
                },
                error -> failed(file.getFileName().toString(), file.getParent(), error));
    }

    /**
     * Writes the whole kit into {@code folder} in the background (FX thread). The worker writes the data and model
     * files first, then asks the FX thread to draw the window's charts one at a time (the window repaints, shows
     * "Drawing elbow.png (1 of 5)" and honours Cancel between them), encodes them and writes the images and the
     * report. Charts that fail, or a different analysis shown meanwhile (another k chosen), are named in the banner;
     * the other files are written.
     */
    public void exportAll(Path folder) {
        DataExports.Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        Path dir = folder.toAbsolutePath();
        DataExports.ChartSource images = chartSource(s.result());
        vm.runJob("Exporting everything to " + dir + "…",
                (progress, cancel) -> DataExports.writeAll(s, dir, images, progress, cancel),
                written -> {
                    lastFolder = dir;
                    vm.showStatus("Exported " + written.files().size() + " files to " + dir);
                    if (written.chartsMissing() != null) {
                        vm.showProblem("Exported " + written.files().size() + " files to " + dir + ", but not every"
                                + " chart image: " + written.chartsMissing() + ". The data, the models and the"
                                + " report's tables are complete; details are in " + AppLog.logFile() + ".");
                    }
                    announce("Everything exported", written.files());
                },
                error -> failed("the files", dir, error));
    }

    /**
     * FX thread: where the kit's images come from. The window's charts, drawn one per FX-thread runnable when the
     * worker asks ({@link KitCharts#drawAndEncode}), each only while {@code shown} is still the analysis on screen, or
     * without them the installed renderer.
     */
    private DataExports.ChartSource chartSource(AnalysisResult shown) {
        ExportOptions o = chartOptions.get(); // its footer names the file and k shown now
        if (charts == null) {
            return DataExports.ChartSource.renderer(ChartRenderer.find(), o.pixelWidth(), o.pixelHeight());
        }
        return (r, personas, progress, cancel) -> KitCharts.drawAndEncode(charts, o, () -> {
            AnalysisOutcome now = vm.outcomeProperty().get();
            return now != null && now.result() == shown;
        }, KitCharts.Naming.FOLDER, progress, cancel);
    }

    private void announce(String title, List<Path> written) {
        if (notifier != null && !written.isEmpty()) {
            notifier.written(title, written);
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private DataExports.Snapshot snapshot() {
        AnalysisOutcome o = vm.outcomeProperty().get();
        if (o == null) {
            return null;
        }
        org.segmentlab.io.ProjectFile project = null;
        try {
            project = vm.currentProject();
        } catch (RuntimeException e) {
            AppLog.error("The project could not be captured for the export", e);
        }
        return DataExports.snapshot(o.result(), vm.personas(), project);
    }

    private void failed(String what, Path where, Throwable error) {
        AppLog.error("Could not export " + what + " to " + where, error);
        vm.showProblem("Could not write " + what + " to " + where + ": " + reason(error)
                + ". Choose another folder, or close the file if another program (a spreadsheet) has it open;"
                + " your analysis is unchanged.");
    }

    /** A short reason in words: file-system exceptions carry only a path as their message. */
    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
