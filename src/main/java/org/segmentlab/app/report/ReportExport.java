package org.segmentlab.app.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.segmentlab.app.FileDialogs;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.charts.ChartExport;
import org.segmentlab.app.charts.ExportOptions;
import org.segmentlab.app.export.DataExports;
import org.segmentlab.app.export.ExportNotifier;
import org.segmentlab.app.export.KitCharts;
import org.segmentlab.app.export.OverwritePrompt;
import org.segmentlab.app.task.BackgroundTask;
import org.segmentlab.app.task.FxThread;
import org.segmentlab.app.task.TaskListener;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.cli.Version;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ReportHtml;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.Persona;

/**
 * File ▸ Export ▸ Report (HTML)…: the shown analysis, the persona cards' current text and the live charts as one
 * {@link ReportHtml} file, written by a worker of the app's {@link TaskRunner} as the window's job when none runs
 * (progress and Cancel in the status bar). The worker has the charts rendered by {@link ChartExport} through
 * {@link KitCharts}, one per FX-thread runnable ("Everything to a folder" draws its images the same way), and encodes
 * them, fingerprints the data file and writes. The on-screen charts and cards are not modified.
 */
public final class ReportExport {

    private ReportExport() {
    }

    /**
     * Asks where to save the report; null when cancelled. A name without ".html" gets it, and if that completed
     * name exists the user is asked before it is replaced: the chooser only asked about the name as typed.
     */
    public static Path choose(Window owner, Path near, String dataFileName) {
        String base = dataFileName == null ? "report" : dataFileName.replaceFirst("\\.[^.]*$", "") + "_report";
        return FileDialogs.save(c -> c.showSaveDialog(owner), OverwritePrompt.fileDialog(() -> owner), near,
                "Save the report", base + ".html", new FileChooser.ExtensionFilter("HTML report", "*.html", "*.htm"),
                ReportExport::withHtml);
    }

    /** {@code p}, or {@code p} with ".html" added when its name ends in neither ".html" nor ".htm". */
    static Path withHtml(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") ? p : p.resolveSibling(p.getFileName() + ".html");
    }

    /**
     * Writes the report of {@code vm}'s shown analysis to {@code file}. FX thread. The cards' text is taken now; the
     * charts are drawn from the worker, and left out (the report says why) if another analysis is shown before they
     * are all drawn. The status line (or the problem banner) says how it went; the future completes with the file,
     * exceptionally, or cancelled.
     *
     * @param charts the window's charts by file name ({@code MainWindow.charts()})
     * @param o      image size and footer, as the window's chart exports use
     */
    public static CompletableFuture<Path> export(Path file, MainViewModel vm, Map<String, ? extends Node> charts,
                                                 ExportOptions o) {
        return export(file, vm, charts, o, null);
    }

    /**
     * {@link #export(Path, MainViewModel, Map, ExportOptions)} that also says so with {@code notifier} when the
     * report is written (null: the status line only).
     */
    public static CompletableFuture<Path> export(Path file, MainViewModel vm, Map<String, ? extends Node> charts,
                                                 ExportOptions o, ExportNotifier notifier) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        AnalysisOutcome outcome = vm.outcomeProperty().get();
        if (outcome == null) {
            done.completeExceptionally(new IllegalStateException("no analysis to report: run one first"));
            return done;
        }
        AnalysisResult r = outcome.result();
        List<Persona> personas = personas(vm, r); // the cards' text now: the report shows what the window shows
        BooleanSupplier stillShown = () -> {
            AnalysisOutcome now = vm.outcomeProperty().get();
            return now != null && now.result() == r;
        };
        BackgroundTask<Path> task = (progress, cancel) -> {
            try {
                // One chart per FX-thread runnable: the window stays live while they are drawn.
                AnalysisKit.Charts png = KitCharts.drawAndEncode(() -> charts, o, stillShown, KitCharts.Naming.REPORT,
                        progress.range(0, 0.9), cancel);
                cancel.throwIfCancelled();
                progress.update(0.9, "Writing " + file.getFileName());
                ReportHtml.write(file, r, personas, png.images(),
                        ReportHtml.Details.of(r, png.missing(), Version.version()));
                return file;
            } finally {
                if (cancel.isCancelled()) {
                    FxThread.supply(() -> done.cancel(false));
                }
            }
        };
        String what = "Writing the report " + file.getFileName() + "…";
        java.util.function.Consumer<Path> succeeded = written -> {
            vm.showStatus("Report written to " + written);
            if (notifier != null) {
                notifier.written("Report exported", List.of(written));
            }
            done.complete(written);
        };
        java.util.function.Consumer<Throwable> failed = error -> {
            AppLog.error("Could not write the report " + file, error);
            vm.showProblem("Could not write the report " + file + ": " + error.getMessage()
                    + ". Choose another folder.");
            done.completeExceptionally(error);
        };
        if (!vm.isBusy()) {
            // The window's job: its progress ("Drawing the elbow (1 of 5)") and Cancel are in the status bar.
            vm.runJob(what, task, succeeded, failed);
            return done;
        }
        // An analysis runs: as a job the report would cancel it, so it is written beside it, said in the status line.
        vm.showStatus(what);
        vm.runner().submit("report " + file.getFileName(), task, new TaskListener<Path>() {
            @Override
            public void succeeded(Path written) {
                succeeded.accept(written);
            }

            @Override
            public void failed(Throwable error) {
                failed.accept(error);
            }

            @Override
            public void cancelled() {
                done.cancel(false);
            }
        });
        return done;
    }

    /** The cards' current text, one per cluster in cluster order; a cluster without a card reads "Cluster n". */
    static List<Persona> personas(MainViewModel vm, AnalysisResult r) {
        return DataExports.snapshot(r, vm.personas(), null).personas();
    }
}
