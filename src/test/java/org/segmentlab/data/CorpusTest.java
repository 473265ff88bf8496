package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Walks the corpus in {@code src/test/resources/corpus}: every file listed in {@code expected.json} must
 * load as described there, or fail with a {@link DataException} naming the expected line and column.
 * Files that load are also read through the Commons CSV path, which must agree cell for cell.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root) {
            out.add(Arguments.of(c.get("file").asText(), c));
        }
        return out.stream();
    }

    private static LoadOptions options(JsonNode c) {
        LoadOptions o = LoadOptions.defaults();
        JsonNode opt = c.get("options");
        if (opt != null) {
            o = new LoadOptions(null, null, null, null, opt.path("skipRaggedRows").asBoolean(false),
                    opt.path("maxLineChars").asInt(LoadOptions.DEFAULT_MAX_LINE_CHARS));
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusFileLoadsAsExpected(String name, JsonNode c) throws Exception {
        check(name, c, new CsvLoader());
    }

    /**
     * The same expectations with read blocks of 16 and 37 bytes: nearly every line straddles a block
     * boundary (CRLF pairs split between blocks, lines longer than a block grow the buffer), so the
     * carry-over logic is exercised on every corpus file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusFileLoadsTheSameWithTinyReadBlocks(String name, JsonNode c) throws Exception {
        check(name, c, new CsvLoader(16, -1));
        check(name, c, new CsvLoader(37, -1));
    }

    private static void check(String name, JsonNode c, CsvLoader loader) throws Exception {
        Path file = CORPUS.resolve(name);
        LoadOptions options = options(c);
        if (c.get("expect").asText().equals("error")) {
            DataException e = assertThrows(DataException.class,
                    () -> loader.load(file, options, ProgressListener.NONE, CancellationToken.NONE));
            assertEquals(c.get("line").asLong(), e.line(), "line named in: " + e.getMessage());
            JsonNode col = c.get("column");
            assertEquals(col == null || col.isNull() ? null : col.asText(), e.column(), e.getMessage());
            assertTrue(e.getMessage().startsWith(name), "message names the file: " + e.getMessage());
            for (JsonNode m : c.get("message")) {
                assertTrue(e.getMessage().contains(m.asText()), "'" + m.asText() + "' in: " + e.getMessage());
            }
            assertTrue(e.advice() != null && !e.advice().isBlank(), "says what to do: " + e.getMessage());
            return;
        }
        DataTable t = loader.load(file, options, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(c.get("rows").asInt(), t.rowCount(), "rows");
        assertEquals(c.get("cols").asInt(), t.columnCount(), "columns");
        CsvDialect d = t.dialect();
        if (c.has("delimiter")) {
            assertEquals(c.get("delimiter").asText(), String.valueOf(d.delimiter()), "delimiter");
        }
        if (c.has("decimal")) {
            assertEquals(c.get("decimal").asText(), d.decimalName(), "decimal");
        }
        if (c.has("encoding")) {
            assertEquals(c.get("encoding").asText(), d.encoding(), "encoding");
        }
        if (c.has("header")) {
            assertEquals(c.get("header").asBoolean(), d.header(), "header");
        }
        if (c.has("bom")) {
            assertEquals(c.get("bom").asBoolean(), d.bom(), "bom");
        }
        if (c.has("lineEnding")) {
            assertEquals(c.get("lineEnding").asText(), d.lineEnding(), "line ending");
        }
        if (c.has("names")) {
            List<String> names = new ArrayList<>();
            c.get("names").forEach(n -> names.add(n.asText()));
            assertEquals(names, t.columnNames());
        }
        if (c.has("skipped")) {
            assertEquals(c.get("skipped").asLong(), t.skippedRows(), "skipped rows");
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("types"))) {
            assertEquals(e.getValue().asText(), col(t, e.getKey()).type().jsonName(), "type of " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("missing"))) {
            assertEquals(e.getValue().asLong(), col(t, e.getKey()).statistics().missing(), "missing in " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("distinct"))) {
            assertEquals(e.getValue().asLong(), col(t, e.getKey()).statistics().distinct(), "distinct in " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("nonNumeric"))) {
            assertEquals(e.getValue().asLong(), col(t, e.getKey()).nonNumericCells(), "non-numeric in " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("means"))) {
            assertEquals(e.getValue().asDouble(), col(t, e.getKey()).statistics().mean(), 1e-9, "mean of " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : fields(c.get("contains"))) {
            String[] dict = col(t, e.getKey()).dictionary();
            assertTrue(dict != null && Arrays.asList(dict).contains(e.getValue().asText()),
                    e.getKey() + " holds '" + e.getValue().asText() + "': " + Arrays.toString(dict));
        }
        if (c.has("warnings")) {
            String all = String.join("\n", t.warnings());
            for (JsonNode w : c.get("warnings")) {
                assertTrue(all.contains(w.asText()), "warning mentions '" + w.asText() + "': " + all);
            }
        }

        DataTable general = loader.load(file, options, ProgressListener.NONE, CancellationToken.NONE, true);
        assertSameTable(t, general);
    }

    static void assertSameTable(DataTable expected, DataTable actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.warnings(), actual.warnings());
        for (int j = 0; j < expected.columnCount(); j++) {
            Column a = expected.columns().get(j);
            Column b = actual.columns().get(j);
            assertEquals(a.type(), b.type(), a.name());
            if (a.isNumeric()) {
                assertArrayEquals(a.numbersView(), b.numbersView(), a.name());
            } else {
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.text(i), b.text(i), a.name() + " row " + i);
                }
            }
        }
    }

    private static Column col(DataTable t, String name) {
        return t.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + t.columnNames()));
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return it;
        };
    }
}
