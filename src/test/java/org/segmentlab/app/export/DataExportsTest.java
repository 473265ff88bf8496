package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.personas.PersonaCardsViewModel;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.ModelJson;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;

/**
 * The data exports without a window: the files the app writes carry the names on the cards (not the
 * drafts), a formula typed in a text cell or a persona name comes out inert, and the model written
 * assigns the analysed rows to their own clusters.
 */
class DataExportsTest {

    @TempDir
    Path dir;

    /** 120 customers in three groups; the NOTE text column holds a formula on row 5. */
    private AnalysisResult analyse() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("ID,NOTE,SPEND,VISITS\n");
        for (int i = 0; i < 120; i++) {
            int g = i % 3;
            sb.append("C").append(i).append(',').append(i == 5 ? "=1+1" : "note " + i).append(',')
                    .append(100 + 900 * g + rnd.nextDouble() * 50).append(',').append(2 + 5 * g + rnd.nextDouble())
                    .append('\n');
        }
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        DataTable t = new CsvLoader().load(csv);
        return Pipeline.run(t, AnalysisRequest.defaults().withKRange(3, 3), ProgressListener.NONE, CancellationToken.NONE);
    }

    private static List<CSVRecord> read(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            return p.getRecords();
        }
    }

    @Test
    void filesCarryTheCardNamesAndFormulasComeOutInert() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        cards.cards().get(0).nameProperty().set("@Big spenders");
        DataExports.Snapshot s = DataExports.snapshot(r, cards, null);
        assertEquals(cards.names(), s.names());
        assertEquals("@Big spenders", s.names().get(0));

        Path segments = DataExports.write(DataExports.Kind.SEGMENTS, s, dir.resolve("out/segments.csv"));
        List<CSVRecord> rows = read(segments);
        assertEquals(List.of("ID", "NOTE", "SPEND", "VISITS", "cluster", "segment", "silhouette"), rows.get(0).toList());
        assertEquals(121, rows.size());
        assertEquals("'=1+1", rows.get(6).get(1));
        int[] labels = r.chosen().labels();
        for (int i = 0; i < 120; i++) {
            CSVRecord row = rows.get(i + 1);
            assertEquals(Integer.toString(labels[i]), row.get(4));
            String expected = labels[i] == 0 ? "'@Big spenders" : s.names().get(labels[i]);
            assertEquals(expected, row.get(5));
            assertFalse(row.get(6).isEmpty(), "every row of a small table has its silhouette");
        }
        assertTrue(Files.list(dir.resolve("out")).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));

        List<CSVRecord> summary = read(DataExports.write(DataExports.Kind.SUMMARY, s, dir.resolve("summary.csv")));
        assertEquals(List.of("segment", "cluster", "size", "share"), summary.get(0).toList().subList(0, 4));
        assertEquals(4, summary.size());
        assertEquals("'@Big spenders", summary.get(1).get(0));

        Path json = DataExports.write(DataExports.Kind.MODEL_JSON, s, dir.resolve("model.json"));
        ClusterModel m = ModelJson.read(json);
        assertEquals(s.names(), m.segmentNames());
        for (int i = 0; i < 120; i++) {
            double[] x = java.util.Arrays.copyOfRange(r.prepared().scaled(), i * m.d(), (i + 1) * m.d());
            assertEquals(labels[i], m.assignPrepared(x).cluster());
        }
        String pmml = Files.readString(DataExports.write(DataExports.Kind.MODEL_PMML, s, dir.resolve("model.pmml")));
        assertTrue(pmml.contains("ClusteringModel"), pmml.substring(0, Math.min(200, pmml.length())));
        assertTrue(pmml.contains("Big spenders"));
    }

    @Test
    void everythingWritesTheKitAndTheWindowsProjectWithItsEditedNames() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        cards.cards().get(1).nameProperty().set("Loyal visitors");
        List<Boolean> edited = new ArrayList<>();
        cards.toEntries().forEach(e -> edited.add(e.edited()));
        ProjectFile project = ProjectFile.of(r, cards.toEntries().stream().map(ProjectFile.PersonaEntry::persona).toList(),
                edited);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, project);
        List<Path> written = DataExports.writeAll(s, dir.resolve("kit"));
        List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of(AnalysisKit.SEGMENTS, AnalysisKit.SUMMARY, AnalysisKit.MODEL_JSON, AnalysisKit.MODEL_PMML,
                AnalysisKit.PROJECT), names);
        assertEquals(DataExports.kitFileNames(s), names, "the replace question lists what the kit writes");
        assertEquals(names, DataExports.kitFileNames(DataExports.snapshot(r, cards, null)),
                "data from a file: AnalysisKit writes its own project");
        ProjectFile back = ProjectFile.read(dir.resolve("kit").resolve(AnalysisKit.PROJECT));
        assertEquals("Loyal visitors", back.personas().get(1).persona().name());
        assertTrue(back.personas().get(1).edited(), "the kit's project remembers the user named this card");
    }

    @Test
    void aFolderThatCannotBeMadeFailsAndLeavesTheOldFile() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, null);
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");
        assertThrows(java.io.IOException.class,
                () -> DataExports.write(DataExports.Kind.SEGMENTS, s, blocker.resolve("segments.csv")));
        assertEquals("a file, not a folder", Files.readString(blocker));
        assertEquals("permission denied", ExportMenu.reason(new java.nio.file.AccessDeniedException("/x")));
    }
}
