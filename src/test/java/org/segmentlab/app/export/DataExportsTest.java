package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.personas.PersonaCardsViewModel;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.io.ModelJson;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;

/**
 * The data exports without a window: the files the app writes carry the names on the cards (not the
 * drafts), a formula typed in a text cell or a persona name comes out inert, and the model written
 * assigns the analysed rows to their own clusters. Everything to a folder writes the ten files of
 * {@code analyze --out} and keeps the rest when charts fail; its images come from a stand-in here (the window
 * test draws real ones).
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

    /** A small real PNG per chart (widths 40, 41, ...), standing in for drawn charts: no toolkit needed here. */
    private static Map<String, byte[]> fakeCharts() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        int w = 40;
        for (String name : ChartRenderer.ALL) {
            BufferedImage img = new BufferedImage(w++, 30, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            out.put(name, png.toByteArray());
        }
        return out;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static Set<String> listed(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everythingWritesTheTenFilesOfAnalyzeOutAndTheWindowsProjectWithItsEditedNames() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        cards.cards().get(1).nameProperty().set("Loyal visitors");
        cards.cards().get(1).descriptionProperty().set("Come back every week <b>& spend</b>");
        List<Boolean> edited = new ArrayList<>();
        cards.toEntries().forEach(e -> edited.add(e.edited()));
        ProjectFile project = ProjectFile.of(r, cards.toEntries().stream().map(ProjectFile.PersonaEntry::persona).toList(),
                edited);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, project);
        Map<String, byte[]> charts = fakeCharts();
        List<String> asked = new ArrayList<>();
        DataExports.KitWritten written = DataExports.writeAll(s, dir.resolve("kit"), (res, personas, progress, cancel) -> {
            asked.add(personas.get(1).name());
            return new AnalysisKit.Charts(charts, null);
        }, ProgressListener.NONE, CancellationToken.NONE);

        List<String> names = names(written.files());
        assertEquals(List.of(AnalysisKit.SEGMENTS, AnalysisKit.SUMMARY, AnalysisKit.MODEL_JSON, AnalysisKit.MODEL_PMML,
                AnalysisKit.PROJECT, "elbow.png", "silhouette.png", "pca_scatter.png", "profile.png", "report.html"),
                names, "the names analyze --out writes, in its order");
        assertEquals(DataExports.kitFileNames(s), names, "the replace question lists what the kit writes");
        assertEquals(new TreeSet<>(names), listed(dir.resolve("kit")), "and nothing else is left there");
        assertEquals(names, DataExports.kitFileNames(DataExports.snapshot(r, cards, null)),
                "data from a file: AnalysisKit writes its own project");
        assertNull(written.chartsMissing());
        assertEquals(List.of("Loyal visitors"), asked, "the charts are asked for with the cards' names");
        for (String png : ChartRenderer.KIT_IMAGES) {
            assertArrayEquals(charts.get(png), Files.readAllBytes(dir.resolve("kit").resolve(png)), png);
        }
        ProjectFile back = ProjectFile.read(dir.resolve("kit").resolve(AnalysisKit.PROJECT));
        assertEquals("Loyal visitors", back.personas().get(1).persona().name());
        assertTrue(back.personas().get(1).edited(), "the kit's project remembers the user named this card");
        String html = Files.readString(dir.resolve("kit/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Come back every week &lt;b&gt;&amp; spend&lt;/b&gt;"), "the card's text, escaped");
        assertEquals(5, Pattern.compile("src=\"data:image/png;base64,").matcher(html).results().count(),
                "the report embeds the five charts");
        assertFalse(html.contains("charts-missing"));
    }

    @Test
    void chartsThatFailCostNeitherTheOtherFilesNorTheReport() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, null);

        // A broken graphics stack: no image at all, every other file, and a report saying why.
        Path broken = dir.resolve("broken");
        DataExports.KitWritten none = DataExports.writeAll(s, broken, (res, personas, progress, cancel) -> {
            throw new UnsatisfiedLinkError("no libprism_sw in java.library.path");
        }, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(List.of(AnalysisKit.SEGMENTS, AnalysisKit.SUMMARY, AnalysisKit.MODEL_JSON, AnalysisKit.MODEL_PMML,
                AnalysisKit.PROJECT, "report.html"), names(none.files()));
        assertEquals(new TreeSet<>(names(none.files())), listed(broken));
        assertTrue(none.chartsMissing().contains("libprism_sw"), none.chartsMissing());
        assertTrue(Files.readString(broken.resolve("report.html")).contains("The charts were not rendered: drawing the"
                + " charts failed"));

        // Two charts failed, three were drawn: those are written and embedded, the report names the others.
        Map<String, byte[]> some = new LinkedHashMap<>(fakeCharts());
        some.remove(ChartRenderer.SCATTER);
        some.remove(ChartRenderer.PROFILE);
        String why = KitCharts.missing(Map.of(ChartRenderer.SCATTER, "drawing failed (boom)", ChartRenderer.PROFILE,
                "drawing failed (boom)"));
        Path partial = dir.resolve("partial");
        DataExports.KitWritten two = DataExports.writeAll(s, partial, (res, personas, progress, cancel) ->
                new AnalysisKit.Charts(some, why), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(List.of(AnalysisKit.SEGMENTS, AnalysisKit.SUMMARY, AnalysisKit.MODEL_JSON, AnalysisKit.MODEL_PMML,
                AnalysisKit.PROJECT, "elbow.png", "silhouette.png", "report.html"), names(two.files()));
        assertEquals(why, two.chartsMissing());
        String html = Files.readString(partial.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Some charts were not rendered: " + why), html.substring(0, 2000));
        assertEquals(3, Pattern.compile("src=\"data:image/png;base64,").matcher(html).results().count());
    }

    @Test
    void missingChartsAreNamedTogetherByReason() {
        Map<String, String> failed = new LinkedHashMap<>();
        failed.put("elbow.png", "drawing failed (x)");
        failed.put("pca_scatter.png", "encoding it as PNG failed (disk)");
        failed.put("profile.png", "drawing failed (x)");
        assertEquals("elbow.png, profile.png: drawing failed (x); pca_scatter.png: encoding it as PNG failed (disk)",
                KitCharts.missing(failed));
        assertNull(KitCharts.missing(Map.of()));
    }

    @Test
    void cancellingKeepsTheWholeFilesWrittenSoFarAndWritesNoReport() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, null);
        CancellationToken token = new CancellationToken();
        List<Double> fractions = new ArrayList<>();
        Path kit = dir.resolve("cancelled");
        assertThrows(CancelledException.class, () -> DataExports.writeAll(s, kit, (res, personas, progress, cancel) -> {
            token.cancel(); // the user presses Cancel while the charts are encoded
            cancel.throwIfCancelled();
            return AnalysisKit.Charts.skipped("unreachable");
        }, (f, m) -> fractions.add(f), token));
        assertTrue(Files.readString(kit.resolve(AnalysisKit.SEGMENTS)).startsWith("ID,NOTE"));
        assertFalse(Files.exists(kit.resolve("report.html")));
        assertFalse(Files.exists(kit.resolve("elbow.png")));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress only moves forward: " + fractions);
        }
        assertTrue(fractions.size() >= 5, "a step per file: " + fractions);
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
