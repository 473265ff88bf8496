package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.prep.Expression;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;

class ModelJsonTest {

    @TempDir
    Path dir;

    @Test
    void creditCardModelReadBackAssignsEveryTrainingRowTheSame() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(List.of("Revolvers", "Full Payers", "Cash Advance Users", "Transactors"));
        Path file = dir.resolve("model.json");
        ModelJson.write(file, m);
        ClusterModel back = ModelJson.read(file);

        assertEquals(m.k(), back.k());
        assertEquals(m.featureNames(), back.featureNames());
        assertEquals(m.inputColumns(), back.inputColumns());
        assertArrayEquals(m.centroids(), back.centroids(), 0); // bit-identical numbers
        assertArrayEquals(m.pcaLoadings(), back.pcaLoadings(), 0);
        assertArrayEquals(m.pcaMean(), back.pcaMean(), 0);
        assertEquals(m.segmentNames(), back.segmentNames());
        assertEquals(m.created(), back.created());
        assertEquals(m.preparation().features(), back.preparation().features());
        assertEquals(m.preparation().derived().stream().map(Expression::text).toList(),
                back.preparation().derived().stream().map(Expression::text).toList());
        for (int r = 0; r < f.table().rowCount(); r++) {
            Map<String, Object> raw = ModelFixtures.rawRow(f.table(), r);
            ClusterModel.Assignment a = m.assign(raw);
            ClusterModel.Assignment b = back.assign(raw);
            assertEquals(a.cluster(), b.cluster(), "row " + r);
            assertEquals(a.problem(), b.problem());
            assertArrayEquals(a.distances(), b.distances(), 0);
            assertArrayEquals(a.pcaScores(), b.pcaScores(), 0);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"segmentlab-model\""), text.substring(0, 200));
        assertTrue(text.contains("\"format_version\" : 1"));
        assertTrue(text.contains("PAYMENTS / MINIMUM_PAYMENTS"));
    }

    @Test
    void mixedModelRoundTrips() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        ClusterModel m = f.model(null);
        Path file = dir.resolve("m.json");
        ModelJson.write(file, m);
        ClusterModel back = ModelJson.read(file);
        for (int r = 0; r < f.table().rowCount(); r++) {
            Map<String, Object> raw = ModelFixtures.rawRow(f.table(), r);
            assertEquals(m.assign(raw).cluster(), back.assign(raw).cluster(), "row " + r);
        }
        assertEquals(List.of("Cluster 0", "Cluster 1", "Cluster 2"), back.segmentNames());
    }

    /** A version-1 file written by hand (src/test/resources/model/minimal_v1.json): the format stays readable. */
    @Test
    void readsAHandWrittenVersionOneFileAndIgnoresUnknownFields() throws Exception {
        Path file = dir.resolve("minimal_v1.json");
        try (var in = getClass().getResourceAsStream("/model/minimal_v1.json")) {
            Files.copy(in, file);
        }
        ClusterModel m = ModelJson.read(file);
        assertEquals(2, m.k());
        assertEquals(List.of("Low", "High"), m.segmentNames());
        assertEquals(List.of("SPEND", "VISITS"), m.inputColumns());
        assertEquals(Instant.parse("2026-11-25T12:00:00Z"), m.created());
        // SPEND 100 -> (100 - 100) / 50 = 0; RATE = 100 / 4 = 25 -> (25 - 20) / 5 = 1: nearer (0, 1) than (2, 2).
        ClusterModel.Assignment a = m.assign(Map.of("SPEND", "100", "VISITS", "4"));
        assertEquals(0, a.cluster());
        assertEquals(0.0, a.distance(), 0);
        // VISITS 0: RATE is a division by zero, filled with 20 -> 0.
        assertEquals(1.0, m.assign(Map.of("SPEND", "100", "VISITS", "0")).distance(), 1e-15);
        assertEquals(1, m.pcaComponents());
    }

    @Test
    void damagedTruncatedOrForeignFilesGiveClearMessages() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        Path good = dir.resolve("good.json");
        ModelJson.write(good, f.model(null));
        String json = Files.readString(good);

        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        assertMessage(truncated, "truncated.json: is not a complete JSON file (damaged or truncated");

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertMessage(empty, "empty.json: is empty or not a JSON object");

        Path foreign = dir.resolve("project.json");
        Files.writeString(foreign, "{\"format\": \"segmentlab-project\", \"version\": 1}");
        assertMessage(foreign, "project.json: is not a SegmentLab model file (\"format\" is \"segmentlab-project\"");

        assertMessage(edit(json, o -> o.put("format_version", 2)), "has model format version 2; this SegmentLab reads"
                + " version 1. Update SegmentLab");
        assertMessage(edit(json, o -> o.remove("centroids")), "\"centroids\" is missing or not a list. The model file"
                + " is damaged");
        assertMessage(edit(json, o -> ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("centroids").get(1))
                .remove(0)), "\"centroids\" row 1 does not hold");
        assertMessage(edit(json, o -> o.put("k", 5)), "\"centroids\" has 3 rows, expected 5");
        assertMessage(edit(json, o -> ((ObjectNode) o.get("features").get(0)).put("scale", "x")),
                "features[0].scale is missing or not a finite number");
        assertMessage(edit(json, o -> ((ObjectNode) o.get("derived").get(0)).put("expression", "SPEND / (")),
                "Derived column SPEND_SHARE cannot be compiled");
        assertMessage(dir.resolve("nowhere.json"), "nowhere.json: the model file does not exist");

        // Unknown fields (a newer minor writer) are ignored.
        ClusterModel m = ModelJson.read(edit(json, o -> o.putObject("future").put("x", 1)));
        assertEquals(3, m.k());
    }

    private Path edit(String json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode o = (ObjectNode) JsonSupport.mapper().readTree(json);
        change.accept(o);
        Path p = Files.createTempFile(dir, "edited", ".json");
        Files.writeString(p, JsonSupport.mapper().writeValueAsString(o), StandardCharsets.UTF_8);
        return p;
    }

    private static void assertMessage(Path file, String expected) {
        ModelException e = assertThrows(ModelException.class, () -> ModelJson.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
        assertEquals(file, e.file());
    }
}
