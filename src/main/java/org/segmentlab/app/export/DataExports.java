package org.segmentlab.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.segmentlab.app.personas.PersonaCardsViewModel;
import org.segmentlab.cli.Version;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.io.ModelJson;
import org.segmentlab.io.PmmlExport;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.io.ReportHtml;
import org.segmentlab.io.SegmentsCsv;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.Persona;

/**
 * The data exports of File ▸ Export, written by the io classes the CLI uses ({@link SegmentsCsv},
 * {@link ModelJson}, {@link PmmlExport}, {@link AnalysisKit}) so the app and {@code analyze --out} write
 * the same files (the same ten for "Everything to a folder"). Every method here runs on a worker: it reads only a {@link Snapshot} taken on the FX
 * thread, never a view model. Nothing passed in is modified.
 */
public final class DataExports {

    /** One export of the menu, with the file name it suggests and its chooser filter. */
    public enum Kind {
        SEGMENTS("Segmented data (CSV)…", AnalysisKit.SEGMENTS, "CSV files", "*.csv", "segmented data"),
        SUMMARY("Segment summary (CSV)…", AnalysisKit.SUMMARY, "CSV files", "*.csv", "segment summary"),
        MODEL_JSON("Model (model.json)…", AnalysisKit.MODEL_JSON, "SegmentLab models", "*.json", "model"),
        MODEL_PMML("Model (PMML)…", AnalysisKit.MODEL_PMML, "PMML models", "*.pmml", "PMML model");

        private final String menuText;
        private final String fileName;
        private final String filterName;
        private final String pattern;
        private final String what;

        Kind(String menuText, String fileName, String filterName, String pattern, String what) {
            this.menuText = menuText;
            this.fileName = fileName;
            this.filterName = filterName;
            this.pattern = pattern;
            this.what = what;
        }

        public String menuText() {
            return menuText;
        }

        /** The name the chooser suggests (the kit's name for the file). */
        public String fileName() {
            return fileName;
        }

        public String filterName() {
            return filterName;
        }

        public String pattern() {
            return pattern;
        }

        /** "segmented data", for messages. */
        public String what() {
            return what;
        }
    }

    /**
     * What the exports read, fixed at the moment the user asked.
     *
     * @param result   the shown analysis (looked at for its chosen k)
     * @param personas one per cluster, named as the cards are named now
     * @param project  the window's project as it would be saved now (edited flags included), or null
     */
    public record Snapshot(AnalysisResult result, List<Persona> personas, ProjectFile project) {
        public Snapshot {
            Objects.requireNonNull(result);
            personas = List.copyOf(personas);
            if (personas.size() != result.chosenK()) {
                throw new IllegalArgumentException(personas.size() + " personas for k = " + result.chosenK());
            }
        }

        /** The segment name of every cluster, in cluster order. */
        public List<String> names() {
            return personas.stream().map(Persona::name).toList();
        }

        /** The model that assigns new customers, with the current names (the object model.json holds). */
        public ClusterModel model() {
            return ClusterModel.of(result.prepared(), result.chosen(), result.pca(), names());
        }
    }

    private DataExports() {
    }

    /**
     * The snapshot of the shown result and the cards (FX thread): one persona per cluster, with the
     * name the cards show ({@link PersonaCardsViewModel#toEntries}); a cluster without a card is
     * "Cluster n".
     */
    public static Snapshot snapshot(AnalysisResult result, PersonaCardsViewModel personas, ProjectFile project) {
        int k = result.chosenK();
        List<Persona> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            out.add(new Persona(personas.nameOf(c), "", List.of(), List.of()));
        }
        for (ProjectFile.PersonaEntry e : personas.toEntries()) {
            if (e.cluster() >= 0 && e.cluster() < k) {
                out.set(e.cluster(), e.persona());
            }
        }
        return new Snapshot(result, out, project);
    }

    /**
     * Writes one export to {@code target}, through a temporary file beside it, so a failure leaves any
     * earlier file as it was.
     */
    public static Path write(Kind kind, Snapshot s, Path target) throws IOException {
        Path file = target.toAbsolutePath();
        AnalysisResult r = s.result();
        switch (kind) {
            case SEGMENTS -> org.segmentlab.io.AtomicFiles.writeVia(file, tmp -> SegmentsCsv.writeSegments(tmp, r.table(), r.prepared().sourceRows(),
                    r.chosen().labels(), s.names(), AnalysisKit.silhouettesByRow(r)));
            case SUMMARY -> org.segmentlab.io.AtomicFiles.writeVia(file, tmp -> SegmentsCsv.writeSummary(tmp, r.profiles(), s.names()));
            case MODEL_JSON -> ModelJson.write(file, s.model()); // atomic itself
            case MODEL_PMML -> PmmlExport.write(file, s.model()); // atomic itself
        }
        return file;
    }

    /**
     * The names {@link #writeAll} writes into its folder, in its order: what an earlier export there would lose
     * ({@link OverwriteCheck}). The same names {@code analyze --out} writes ({@link AnalysisKit#fileNames}); the
     * project is written when the window has one or the data has a file. The chart images are listed even when
     * they may fail to draw: they would replace the earlier ones whenever they are drawn.
     */
    public static List<String> kitFileNames(Snapshot s) {
        return AnalysisKit.fileNames(s.project() != null || s.result().table().source() != null);
    }

    /**
     * Where "Everything to a folder" gets its chart images, asked on the worker.
     */
    @FunctionalInterface
    public interface ChartSource {
        /**
         * @param personas one per cluster, named as the cards are
         * @return the images, or why some or all are missing; may throw for a broken graphics stack (the kit is then
         *         written without images)
         */
        AnalysisKit.Charts charts(AnalysisResult r, List<Persona> personas, ProgressListener progress,
                                  CancellationToken cancel);

        /** The charts drawn already ({@link KitCharts#drawInPulses}), encoded here. */
        static ChartSource drawn(KitCharts.Drawn drawn) {
            return (r, personas, progress, cancel) -> KitCharts.encode(drawn, progress, cancel);
        }

        /** The charts drawn by {@code renderer} as {@code analyze --out} draws them (null: none installed). */
        static ChartSource renderer(ChartRenderer renderer, int width, int height) {
            return (r, personas, progress, cancel) -> AnalysisKit.renderCharts(r, personas, renderer, width, height);
        }
    }

    /**
     * What "Everything to a folder" wrote.
     *
     * @param files         the files written, in {@link #kitFileNames} order
     * @param chartsMissing which chart images are missing and why, or null when every one was written
     */
    public record KitWritten(List<Path> files, String chartsMissing) {
        public KitWritten {
            files = List.copyOf(files);
        }
    }

    /**
     * "Everything to a folder": the kit {@code analyze --out} writes, the ten files of {@link #kitFileNames}, written
     * as the CLI writes them ({@link AnalysisKit#write}, {@link AnalysisKit#writeCharts},
     * {@link AnalysisKit#writeReport}). Its project is then replaced by the window's own, which remembers which
     * persona names the user edited (AnalysisKit marks every persona as a draft, and a reopened draft is drafted
     * again); the report carries the cards' text. Charts that cannot be drawn or encoded are left out as by the CLI:
     * every other file is written and the report says why ({@link KitWritten#chartsMissing()}). Worker thread; checks
     * {@code cancel} before every file (a cancelled kit keeps the whole files written so far).
     *
     * @throws IOException if a file cannot be written (the files before it are kept)
     */
    public static KitWritten writeAll(Snapshot s, Path folder, ChartSource charts, ProgressListener progress,
                                      CancellationToken cancel) throws IOException {
        Path dir = folder.toAbsolutePath();
        AnalysisResult r = s.result();
        List<Path> written = new ArrayList<>(AnalysisKit.write(dir, r, s.personas(), progress.range(0, 0.3), cancel));
        if (s.project() != null) {
            cancel.throwIfCancelled();
            Path project = dir.resolve(AnalysisKit.PROJECT);
            s.project().write(project);
            if (!written.contains(project)) {
                written.add(project);
            }
        }
        cancel.throwIfCancelled();
        progress.update(0.3, "Drawing the charts");
        AnalysisKit.Charts images;
        try {
            images = charts.charts(r, s.personas(), progress.range(0.3, 0.8), cancel);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // A broken graphics stack must not cost the user the rest of the kit (as with analyze --out).
            AppLog.error("Drawing the charts for the kit failed", e);
            images = AnalysisKit.Charts.skipped("drawing the charts failed (" + e + ")");
        }
        cancel.throwIfCancelled();
        progress.update(0.8, "Writing the chart images");
        written.addAll(AnalysisKit.writeCharts(dir, images));
        cancel.throwIfCancelled();
        progress.update(0.9, "Writing " + ReportHtml.FILE);
        written.add(AnalysisKit.writeReport(dir, r, s.personas(), images, Version.version()));
        progress.update(1, "Everything written");
        return new KitWritten(written, images.missing());
    }
}
