package org.segmentlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.Persona;

/**
 * What {@code analyze --out DIR} leaves in DIR: the segmented data ({@code segments.csv}), one row per
 * segment ({@code segment_summary.csv}), the model that assigns new customers ({@code model.json},
 * {@code model.pmml}), a project that reopens to the same result ({@code analysis.segmentlab}), the chart
 * images ({@link #renderCharts}, {@link #writeCharts}) and the report ({@link #writeReport}). Every file is
 * named as DESIGN.md lists them.
 */
public final class AnalysisKit {

    public static final String SEGMENTS = "segments.csv";
    public static final String SUMMARY = "segment_summary.csv";
    public static final String MODEL_JSON = "model.json";
    public static final String MODEL_PMML = "model.pmml";
    public static final String PROJECT = "analysis.segmentlab";

    private AnalysisKit() {
    }

    /**
     * Every name the whole kit leaves in its folder, in the order {@code analyze --out} writes them: the data and
     * model files and the project ({@link #write}), the images ({@link #writeCharts}), then the report. What an
     * export into a folder holding an earlier kit would replace.
     *
     * @param project whether the kit has a project ({@link #write} writes one when the data came from a file)
     */
    public static List<String> fileNames(boolean project) {
        List<String> out = new ArrayList<>(List.of(SEGMENTS, SUMMARY, MODEL_JSON, MODEL_PMML));
        if (project) {
            out.add(PROJECT);
        }
        out.addAll(ChartRenderer.KIT_IMAGES);
        out.add(ReportHtml.FILE);
        return List.copyOf(out);
    }

    /**
     * @param personas one per cluster of the chosen k (their names label the segments)
     * @return the files written, in order
     */
    public static List<Path> write(Path dir, AnalysisResult r, List<Persona> personas) throws IOException {
        return write(dir, r, personas, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * {@link #write(Path, AnalysisResult, List)} reporting each file to {@code progress} and checking {@code cancel}
     * before each one (a cancelled kit keeps the files written so far; each file is whole, written atomically).
     */
    public static List<Path> write(Path dir, AnalysisResult r, List<Persona> personas, ProgressListener progress,
                                   CancellationToken cancel) throws IOException {
        Files.createDirectories(dir);
        List<String> names = personas.stream().map(Persona::name).toList();
        List<Path> written = new ArrayList<>();
        int files = r.table().source() != null ? 5 : 4;

        cancel.throwIfCancelled();
        progress.update(0, "Writing " + SEGMENTS);
        Path segments = dir.resolve(SEGMENTS);
        SegmentsCsv.writeSegments(segments, r.table(), r.prepared().sourceRows(), r.chosen().labels(), names,
                silhouettesByRow(r));
        written.add(segments);
        cancel.throwIfCancelled();
        progress.update(1.0 / files, "Writing " + SUMMARY);
        Path summary = dir.resolve(SUMMARY);
        SegmentsCsv.writeSummary(summary, r.profiles(), names);
        written.add(summary);

        cancel.throwIfCancelled();
        progress.update(2.0 / files, "Writing " + MODEL_JSON);
        ClusterModel model = ClusterModel.of(r.prepared(), r.chosen(), r.pca(), names);
        Path json = dir.resolve(MODEL_JSON);
        ModelJson.write(json, model);
        written.add(json);
        cancel.throwIfCancelled();
        progress.update(3.0 / files, "Writing " + MODEL_PMML);
        Path pmml = dir.resolve(MODEL_PMML);
        PmmlExport.write(pmml, model);
        written.add(pmml);

        if (r.table().source() != null) {
            cancel.throwIfCancelled();
            progress.update(4.0 / files, "Writing " + PROJECT);
            Path project = dir.resolve(PROJECT);
            ProjectFile.of(r, personas, java.util.Collections.nCopies(personas.size(), false)).write(project);
            written.add(project);
        }
        progress.update(1, "Data and models written");
        return written;
    }

    /**
     * The charts drawn for the kit, or why they were not.
     *
     * @param images  chart name ({@link ChartRenderer#ELBOW}, ...) to PNG bytes; empty when not drawn
     * @param missing why there are no images (for stderr and the report), or null
     */
    public record Charts(Map<String, byte[]> images, String missing) {
        public Charts {
            images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
        }

        public static Charts skipped(String why) {
            return new Charts(Map.of(), why);
        }
    }

    /**
     * Draws the charts with {@code renderer} ({@link ChartRenderer#find()}; null = none installed). Never throws
     * for an environment without graphics: the reason comes back in {@link Charts#missing()}.
     */
    public static Charts renderCharts(AnalysisResult r, List<Persona> personas, ChartRenderer renderer, int width,
                                      int height) {
        if (renderer == null) {
            return Charts.skipped(ChartRenderer.whyMissing());
        }
        try {
            return new Charts(renderer.render(r, personas, width, height), null);
        } catch (ChartRenderer.UnavailableException e) {
            return Charts.skipped(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // A broken graphics stack must not cost the user the rest of the kit.
            AppLog.error("Drawing the charts failed", e);
            return Charts.skipped("drawing the charts failed (" + e + "; details in " + AppLog.logFile() + ")");
        }
    }

    /** Writes the kit's images ({@link ChartRenderer#KIT_IMAGES}) that were drawn, atomically; returns them. */
    public static List<Path> writeCharts(Path dir, Charts charts) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String name : ChartRenderer.KIT_IMAGES) {
            byte[] png = charts.images().get(name);
            if (png != null) {
                Path file = dir.resolve(name);
                AtomicFiles.write(file, out -> out.write(png));
                written.add(file);
            }
        }
        return written;
    }

    /**
     * Draws the kit's images ({@link ChartRenderer#KIT_IMAGES}) as SVG and writes them atomically beside the PNGs
     * ({@code elbow.svg}, ...); returns them. The message of the exception says why none could be drawn.
     */
    public static List<Path> writeSvgCharts(Path dir, AnalysisResult r, List<Persona> personas, ChartRenderer renderer,
                                            int width, int height) throws IOException, ChartRenderer.UnavailableException {
        if (renderer == null) {
            throw new ChartRenderer.UnavailableException(ChartRenderer.whyMissing(), null);
        }
        Map<String, String> svgs = renderer.renderSvg(r, personas, width, height);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String png : ChartRenderer.KIT_IMAGES) {
            String svg = svgs.get(ChartRenderer.svgName(png));
            if (svg != null) {
                Path file = dir.resolve(ChartRenderer.svgName(png));
                byte[] bytes = svg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                AtomicFiles.write(file, out -> out.write(bytes));
                written.add(file);
            }
        }
        return written;
    }

    /** Writes {@code report.html} with every chart drawn (or a note saying why there are none). */
    public static Path writeReport(Path dir, AnalysisResult r, List<Persona> personas, Charts charts, String version)
            throws IOException {
        Path file = dir.resolve(ReportHtml.FILE);
        ReportHtml.write(file, r, personas, charts.images(), ReportHtml.Details.of(r, charts.missing(), version));
        return file;
    }

    /** Silhouette per clustered row (NaN where it was not computed, e.g. outside a sample). */
    public static double[] silhouettesByRow(AnalysisResult r) {
        double[] out = new double[r.prepared().rows()];
        java.util.Arrays.fill(out, Double.NaN);
        double[] s = r.chosenSilhouettes();
        if (s != null) {
            int[] rows = r.sweep().silhouetteRows();
            for (int i = 0; i < rows.length && i < s.length; i++) {
                out[rows[i]] = s[i];
            }
        }
        return out;
    }
}
