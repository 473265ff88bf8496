package org.segmentlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.Persona;

/**
 * What {@code analyze --out DIR} leaves in DIR, besides the charts: the segmented data
 * ({@code segments.csv}), one row per segment ({@code segment_summary.csv}), the model that assigns new
 * customers ({@code model.json}, {@code model.pmml}) and a project that reopens to the same result
 * ({@code analysis.segmentlab}). Every file is named as DESIGN.md lists them.
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
     * @param personas one per cluster of the chosen k (their names label the segments)
     * @return the files written, in order
     */
    public static List<Path> write(Path dir, AnalysisResult r, List<Persona> personas) throws IOException {
        Files.createDirectories(dir);
        List<String> names = personas.stream().map(Persona::name).toList();
        List<Path> written = new ArrayList<>();

        Path segments = dir.resolve(SEGMENTS);
        SegmentsCsv.writeSegments(segments, r.table(), r.prepared().sourceRows(), r.chosen().labels(), names,
                silhouettesByRow(r));
        written.add(segments);
        Path summary = dir.resolve(SUMMARY);
        SegmentsCsv.writeSummary(summary, r.profiles(), names);
        written.add(summary);

        ClusterModel model = ClusterModel.of(r.prepared(), r.chosen(), r.pca(), names);
        Path json = dir.resolve(MODEL_JSON);
        ModelJson.write(json, model);
        written.add(json);
        Path pmml = dir.resolve(MODEL_PMML);
        PmmlExport.write(pmml, model);
        written.add(pmml);

        if (r.table().source() != null) {
            Path project = dir.resolve(PROJECT);
            ProjectFile.of(r, personas, java.util.Collections.nCopies(personas.size(), false)).write(project);
            written.add(project);
        }
        return written;
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
