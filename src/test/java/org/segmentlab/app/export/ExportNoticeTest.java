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
        assertEquals("segments.csv in " + out, n.text());
        assertEquals(out, n.folder());
    }

    @Test
    void severalFilesAreCountedAndListed() {
        ExportNotice n = ExportNotice.of("Everything exported", List.of(out.resolve("segments.csv"),
                out.resolve("segment_summary.csv"), out.resolve("model.json"), out.resolve("model.pmml"),
                out.resolve("analysis.segmentlab")));
        assertEquals("5 files in " + out + ": segments.csv, segment_summary.csv, model.json, model.pmml and"
                + " analysis.segmentlab", n.text());
        assertEquals(out, n.folder());
    }

    @Test
    void aRelativePathGetsAnAbsoluteFolderAndNothingWrittenIsAMistake() {
        assertEquals(Path.of("report.html").toAbsolutePath().getParent(),
                ExportNotice.of("Report exported", List.of(Path.of("report.html"))).folder());
        assertThrows(IllegalArgumentException.class, () -> ExportNotice.of("x", List.of()));
    }
}
