package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.segment.Persona;

class ProjectFileTest {

    @TempDir
    Path dir;

    private ProjectFile sample() throws Exception {
        Path data = dir.resolve("customers.csv");
        Files.writeString(data, "id,a\n1,2\n");
        Persona p = new Persona("Cash Advance Users", "They draw cash \"a lot\".\nSecond line <b>",
                List.of("Lower rates", "Watch risk"), List.of("CASH_ADVANCE: 2,060 vs 979 (+1.7 sd)"));
        return new ProjectFile(data, Fingerprint.of(data), AnalysisRequest.defaults().withChosenK(4).withSeed(7), 4,
                List.of(new ProjectFile.PersonaEntry(0, new double[] {0.5, -1.25}, p, true)));
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        ProjectFile original = sample();
        Path file = dir.resolve("p.segmentlab");
        original.write(file);
        ProjectFile back = ProjectFile.read(file);
        assertEquals(original.dataPath(), back.dataPath());
        assertEquals(original.fingerprint(), back.fingerprint());
        assertEquals(original.request(), back.request());
        assertEquals(4, back.chosenK());
        assertEquals(original.personas().get(0).persona(), back.personas().get(0).persona());
        assertArrayEquals(new double[] {0.5, -1.25}, back.personas().get(0).centroid());
        assertTrue(back.personas().get(0).edited());
        assertEquals(ProjectFile.DataStatus.SAME, back.checkData());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        ObjectNode json = sample().toJson();
        json.put("version", 7);
        json.putObject("dashboard").put("layout", "grid");
        ((ObjectNode) json.get("personas").get(0)).put("avatar", "cat.png");
        Path file = dir.resolve("newer.segmentlab");
        JsonSupport.write(file, json);
        assertEquals("Cash Advance Users", ProjectFile.read(file).personas().get(0).persona().name());
    }

    @Test
    void aFileCutOffHalfWayIsAClearError() throws Exception {
        Path file = dir.resolve("cut.segmentlab");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectFile.read(file));
        assertTrue(e.getMessage().startsWith("cut.segmentlab is damaged"), e.getMessage());
    }

    @Test
    void foreignEmptyAndMissingFilesAreClearErrors() throws Exception {
        Path foreign = dir.resolve("package.json");
        Files.writeString(foreign, "{\"name\": \"left-pad\"}", StandardCharsets.UTF_8);
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFile.read(foreign)).getMessage()
                .contains("not a SegmentLab project"));
        Path empty = dir.resolve("empty.segmentlab");
        Files.writeString(empty, "");
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFile.read(empty)).getMessage().contains("empty"));
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFile.read(dir.resolve("gone.segmentlab")))
                .getMessage().contains("does not exist"));
        ObjectNode noSettings = sample().toJson();
        noSettings.remove("settings");
        Path broken = dir.resolve("broken.segmentlab");
        JsonSupport.write(broken, noSettings);
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFile.read(broken)).getMessage().contains("settings"));
    }

    @Test
    void changedAndMovedDataAreNoticed() throws Exception {
        ProjectFile p = sample();
        Files.writeString(p.dataPath(), "id,a\n1,3\n");
        assertEquals(ProjectFile.DataStatus.CHANGED, p.checkData());
        Files.delete(p.dataPath());
        assertEquals(ProjectFile.DataStatus.MISSING, p.checkData());
    }
}
