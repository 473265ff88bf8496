package org.segmentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.io.JsonSupport;

/** {@code analyze} in-process: the JSON contract, the labels file, exit codes. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegmentLabCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheDocumentedJsonAndOneLabelPerInputRow() throws Exception {
        Path json = dir.resolve("out.json");
        Path labels = dir.resolve("labels.csv");
        Run r = run("analyze", "--input", "samples/cc_general.csv", "--k-min", "2", "--k-max", "5", "--k", "4",
                "--n-init", "3", "--json", json.toString(), "--labels", labels.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("chosen k = 4"), r.out());

        JsonNode root = JsonSupport.mapper().readTree(json.toFile());
        for (String key : List.of("rows", "rows_used", "features", "sweep", "knee_k", "best_silhouette_k", "chosen_k",
                "clusters", "pca", "timings")) {
            assertTrue(root.has(key), "missing key " + key);
        }
        assertEquals(8950, root.get("rows").asInt());
        assertEquals(8950, root.get("rows_used").asInt());
        assertEquals(17, root.get("features").size());
        assertFalse(root.get("features").toString().contains("CUST_ID"));
        assertEquals(4, root.get("sweep").size());
        JsonNode first = root.get("sweep").get(0);
        for (String key : List.of("k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "iterations",
                "fit_seconds")) {
            assertTrue(first.has(key), "sweep entry lacks " + key);
        }
        assertEquals(4, root.get("chosen_k").asInt());
        JsonNode clusters = root.get("clusters");
        assertEquals(4, clusters.size());
        int total = 0;
        for (JsonNode c : clusters) {
            total += c.get("size").asInt();
            assertTrue(c.get("means").has("CASH_ADVANCE"));
            assertTrue(c.get("centroid_scaled").has("PURCHASES"));
            assertTrue(c.get("distinguishing").get(0).has("z"));
        }
        assertEquals(8950, total);
        assertEquals(2, root.get("pca").get("explained_variance_ratio").size());
        assertEquals(17, root.get("pca").get("loadings").get(0).size());
        for (String key : List.of("load_seconds", "prepare_seconds", "sweep_seconds", "silhouette_seconds",
                "pca_seconds", "total_seconds")) {
            assertTrue(root.get("timings").has(key), "timings lack " + key);
        }

        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        assertEquals(8951, lines.size());
        assertEquals("CUST_ID,cluster", lines.get(0));
        assertTrue(lines.get(1).matches("C10001,[0-3]"), lines.get(1));
    }

    @Test
    void outWritesTheKitAndItsModelAssignsEveryRowBack() throws Exception {
        // The sample with a formula planted in a text cell: it must come out inert.
        Path csv = dir.resolve("customers.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("samples/cc_general.csv")));
        lines.set(1, lines.get(1).replaceFirst("^C10001", "=HYPERLINK(\"http://evil\")"));
        Files.write(csv, lines);
        Path kit = dir.resolve("kit");
        Run r = run("analyze", "--input", csv.toString(), "--k-min", "4", "--k-max", "4", "--n-init", "3",
                "--out", kit.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("segments.csv", "segment_summary.csv", "model.json", "model.pmml", "analysis.segmentlab")) {
            assertTrue(Files.size(kit.resolve(f)) > 0, f);
        }
        List<String> segments = Files.readAllLines(kit.resolve("segments.csv"));
        assertEquals(8951, segments.size());
        assertTrue(segments.get(0).endsWith(",cluster,segment,silhouette"), segments.get(0));
        assertTrue(segments.get(1).startsWith("\"'=HYPERLINK("), segments.get(1));
        assertEquals(5, Files.readAllLines(kit.resolve("segment_summary.csv")).size());
        assertEquals(4, org.segmentlab.io.ProjectFile.read(kit.resolve("analysis.segmentlab")).chosenK());

        Path assigned = dir.resolve("assigned.csv");
        Run a = run("assign", "--model", kit.resolve("model.json").toString(), "--input", csv.toString(),
                "--out", assigned.toString(), "-q");
        assertEquals(0, a.code(), a.err());
        List<String> back = Files.readAllLines(assigned);
        assertEquals(8951, back.size());
        int clusterCol = java.util.Arrays.asList(back.get(0).split(",")).indexOf("cluster");
        int kitCol = java.util.Arrays.asList(segments.get(0).split(",")).indexOf("cluster");
        for (int i = 1; i < back.size(); i++) {
            assertEquals(segments.get(i).split(",")[kitCol], back.get(i).split(",")[clusterCol], "row " + i);
        }
    }

    @Test
    void aSavedProjectReopensToTheSameLabelsAndKeepsEditedPersonas() throws Exception {
        Path csv = dir.resolve("cc.csv");
        Files.copy(Path.of("samples/cc_general.csv"), csv);
        Path project = dir.resolve("p.segmentlab");
        Path first = dir.resolve("first.csv");
        Run save = run("analyze", "--input", csv.toString(), "--k-min", "2", "--k-max", "6", "--k", "5", "--n-init", "3",
                "--seed", "11", "--log1p", "PURCHASES", "--save-project", project.toString(), "--labels", first.toString(),
                "--quiet");
        assertEquals(0, save.code(), save.err());

        // The user renames cluster 2's persona in the app; the project remembers it as edited.
        org.segmentlab.io.ProjectFile p = org.segmentlab.io.ProjectFile.read(project);
        List<org.segmentlab.io.ProjectFile.PersonaEntry> entries = new java.util.ArrayList<>(p.personas());
        org.segmentlab.io.ProjectFile.PersonaEntry e2 = entries.get(2);
        entries.set(2, new org.segmentlab.io.ProjectFile.PersonaEntry(2, e2.centroid(),
                e2.persona().withName("Our Best Friends"), true));
        new org.segmentlab.io.ProjectFile(p.dataPath(), p.fingerprint(), p.request(), p.chosenK(), entries).write(project);

        Path again = dir.resolve("again.csv");
        Path resaved = dir.resolve("resaved.segmentlab");
        Run reopen = run("analyze", "--project", project.toString(), "--labels", again.toString(),
                "--save-project", resaved.toString(), "--quiet");
        assertEquals(0, reopen.code(), reopen.err());
        assertEquals(Files.readAllLines(first), Files.readAllLines(again), "same labels and numbering");
        org.segmentlab.io.ProjectFile back = org.segmentlab.io.ProjectFile.read(resaved);
        assertEquals(5, back.chosenK());
        assertEquals(p.request(), back.request());
        assertEquals("Our Best Friends", back.personas().get(2).persona().name());
        assertTrue(back.personas().get(2).edited());

        Files.writeString(csv, "changed\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(csv);
        Run moved = run("analyze", "--project", project.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_DATA, moved.code());
        assertTrue(moved.err().contains("not there any more"), moved.err());
        Files.writeString(dir.resolve("broken.segmentlab"), "{\"format\": \"segmentlab-project\", \"vers");
        Run broken = run("analyze", "--project", dir.resolve("broken.segmentlab").toString());
        assertEquals(ExitCodes.BAD_DATA, broken.code());
        assertTrue(broken.err().contains("damaged"), broken.err());
        assertEquals(ExitCodes.USAGE, run("analyze", "--k", "3").code());
    }

    @Test
    void droppedRowsGetAnEmptyCluster() throws Exception {
        Path csv = dir.resolve("gaps.csv");
        Files.writeString(csv, "id,a,b\nu1,1,2\nu2,,3\nu3,5,6\nu4,7,8\nu5,1,1\n");
        Path labels = dir.resolve("labels.csv");
        Run r = run("analyze", "--input", csv.toString(), "--impute", "drop", "--k-min", "1", "--k-max", "2",
                "--labels", labels.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(labels);
        assertEquals("id,cluster", lines.get(0));
        assertEquals("u2,", lines.get(2));
        assertEquals(6, lines.size());
    }

    @Test
    void badDataExitsThree() throws Exception {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        Run r = run("analyze", "--input", csv.toString());
        assertEquals(ExitCodes.BAD_DATA, r.code());
        assertTrue(r.err().contains("line 3"), r.err());
        Run missing = run("analyze", "--input", dir.resolve("nope.csv").toString());
        assertEquals(ExitCodes.BAD_DATA, missing.code());
    }

    @Test
    void kAboveTheDistinctRowsIsBadDataWithAClearMessage() throws Exception {
        Path csv = dir.resolve("tiny.csv");
        Files.writeString(csv, "a,b\n1,2\n1,2\n3,4\n");
        Run r = run("analyze", "--input", csv.toString(), "--k-max", "3", "--quiet");
        assertEquals(ExitCodes.BAD_DATA, r.code());
        assertTrue(r.err().contains("distinct"), r.err());
    }

    @Test
    void impossibleOptionsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("analyze", "--input", "samples/cc_general.csv", "--k-min", "5", "--k-max", "3").code());
        assertEquals(ExitCodes.USAGE, run("analyze", "--input", "samples/cc_general.csv", "--scale", "cubic").code());
        assertEquals(ExitCodes.USAGE, run("analyze", "--input", "samples/cc_general.csv", "--silhouette", "sample:x").code());
        assertEquals(ExitCodes.USAGE, run("analyze", "--bogus").code());
        assertEquals(ExitCodes.USAGE, run("analyze", "--input", "x.csv", "--features", "A", "--exclude", "B").code());
    }

    @Test
    void unknownFeatureIsBadDataNamingIt() {
        Run r = run("analyze", "--input", "samples/cc_general.csv", "--features", "BALANCE,PURCHASEZ", "--quiet");
        assertEquals(ExitCodes.BAD_DATA, r.code());
        assertTrue(r.err().contains("PURCHASEZ"), r.err());
    }

    @Test
    void versionAndHelpSucceed() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("SegmentLab"), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("analyze") && h.out().contains("inspect"), h.out());
        assertEquals(ExitCodes.USAGE, run("frobnicate").code());
    }
}
