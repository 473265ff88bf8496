package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording of the notification after an export: which files, where, and the folder the link opens. */
class ExportNoticeTest {

    private final Path out = Path.of("out").toAbsolutePath();

    @Test
    void oneFileIsNamedWithItsFolder() {
        ExportNotice n = ExportNotice.of("Segmented data exported", List.of(out.resolve("segments.csv")));
        assertEquals("Segmented data exported", n.title());
        assertEquals("segments.csv\nin " + out, n.text());
        assertEquals(out, n.folder());
    }

    @Test
    void severalFilesAreCountedAndListed() {
        ExportNotice n = ExportNotice.of("Everything exported", List.of(out.resolve("segments.csv"),
                out.resolve("segment_summary.csv"), out.resolve("model.json"), out.resolve("model.pmml"),
                out.resolve("analysis.segmentlab")));
        assertEquals("5 files: segments.csv, segment_summary.csv, model.json, model.pmml and analysis.segmentlab\n"
                + "in " + out, n.text());
        assertEquals(out, n.folder());
    }

    @Test
    void aLongListEndsWithACount() {
        List<Path> charts = java.util.stream.Stream.of("elbow", "silhouette_by_k", "calinski_harabasz", "davies_bouldin",
                "pca_scatter", "silhouettes", "profile_heatmap").map(n -> out.resolve(n + ".png")).toList();
        assertEquals("7 files: elbow.png, silhouette_by_k.png, calinski_harabasz.png, davies_bouldin.png, pca_scatter.png"
                + " and 2 more\nin " + out, ExportNotice.of("Charts exported", charts).text());
    }

    @Test
    void aRelativePathGetsAnAbsoluteFolderAndNothingWrittenIsAMistake() {
        assertEquals(Path.of("report.html").toAbsolutePath().getParent(),
                ExportNotice.of("Report exported", List.of(Path.of("report.html"))).folder());
        assertThrows(IllegalArgumentException.class, () -> ExportNotice.of("x", List.of()));
    }
}
