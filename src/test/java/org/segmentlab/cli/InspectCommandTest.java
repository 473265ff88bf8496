package org.segmentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segmentlab inspect}, run in-process through {@link SegmentLabCli#run}. */
class InspectCommandTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegmentLabCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sampleJsonHasTheAgreedKeysAndValues(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out/summary.json");
        Run r = run("inspect", "--input", "samples/cc_general.csv", "--json", json.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("8,950"), r.out());
        assertTrue(r.out().contains("MINIMUM_PAYMENTS"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("CUST_ID") && l.contains("identifier")), r.out());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("file", "rows", "delimiter", "decimal", "encoding", "header", "columns", "warnings"), keys);
        assertEquals(8950, root.get("rows").asInt());
        assertEquals(",", root.get("delimiter").asText());
        assertEquals(".", root.get("decimal").asText());
        assertEquals("UTF-8", root.get("encoding").asText());
        assertTrue(root.get("header").asBoolean());
        assertEquals(18, root.get("columns").size());
        JsonNode id = root.get("columns").get(0);
        assertEquals("CUST_ID", id.get("name").asText());
        assertEquals("identifier", id.get("type").asText());
        assertFalse(id.has("mean"), "no statistics for an identifier");
        JsonNode minPay = column(root, "MINIMUM_PAYMENTS");
        List<String> colKeys = new ArrayList<>();
        minPay.fieldNames().forEachRemaining(colKeys::add);
        assertEquals(List.of("name", "type", "missing", "distinct", "mean", "sd", "min", "q1", "median", "q3", "max",
                "skewness"), colKeys);
        assertEquals("numeric", minPay.get("type").asText());
        assertEquals(313, minPay.get("missing").asInt());
        assertEquals(864.206542, minPay.get("mean").asDouble(), 1e-6);
        // pandas 1.5.3: df['MINIMUM_PAYMENTS'].skew() = 13.622796994677456
        assertEquals(13.622796994677456, minPay.get("skewness").asDouble(), 1e-7);
        assertEquals(1, column(root, "CREDIT_LIMIT").get("missing").asInt());
        assertEquals(0, root.get("warnings").size());
    }

    private static JsonNode column(JsonNode root, String name) {
        for (JsonNode c : root.get("columns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void semicolonDecimalCommaFile(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("bank.json");
        Run r = run("inspect", "--input", CORPUS.resolve("bank_semicolon_decimal_comma.csv").toString(), "--json",
                json.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("delimiter ';', decimal ','"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(";", root.get("delimiter").asText());
        assertEquals(",", root.get("decimal").asText());
        assertEquals(5, root.get("rows").asInt());
        JsonNode saldo = column(root, "Saldo");
        assertEquals(562.99, saldo.get("mean").asDouble(), 1e-9);
        assertEquals(-20.10, saldo.get("min").asDouble(), 1e-12);
        assertEquals(1500.5, saldo.get("max").asDouble(), 1e-12);
        assertEquals("categorical", column(root, "Filiale").get("type").asText());
        assertEquals(3, column(root, "Filiale").get("distinct").asInt());
    }

    @Test
    void raggedFileExitsThreeNamingTheLine() {
        Run r = run("inspect", "--input", CORPUS.resolve("ragged.csv").toString());
        assertEquals(ExitCodes.BAD_DATA, r.code());
        assertTrue(r.err().contains("ragged.csv, line 4"), r.err());
        assertTrue(r.err().contains("5 fields") && r.err().contains("--skip-ragged"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());

        Run skipped = run("inspect", "--input", CORPUS.resolve("ragged.csv").toString(), "--skip-ragged");
        assertEquals(ExitCodes.OK, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("Skipped 1 row"), skipped.out());
    }

    @Test
    void badDataAndUsageExitCodes(@TempDir Path tmp) throws Exception {
        assertEquals(ExitCodes.BAD_DATA, run("inspect", "--input", tmp.resolve("missing.csv").toString()).code());
        assertEquals(ExitCodes.BAD_DATA, run("inspect", "--input", CORPUS.resolve("binary_nul.csv").toString()).code());
        assertEquals(ExitCodes.USAGE, run("inspect").code(), "--input is required");
        assertEquals(ExitCodes.USAGE, run("inspect", "--input", "x.csv", "--bogus").code());
        assertEquals(ExitCodes.USAGE,
                run("inspect", "--input", CORPUS.resolve("pipe.csv").toString(), "--delimiter", "x").code());
    }

    @Test
    void forcedDelimiterAndEncoding(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, "a\tb\n1\t2\n3\t4\n");
        Run r = run("inspect", "--input", f.toString(), "--delimiter", "tab", "--encoding", "windows-1252");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("delimiter '\\t'") && r.out().contains("windows-1252"), r.out());
        Set<String> lines = Set.copyOf(r.out().lines().toList());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a ") && l.contains("numeric")), r.out());
    }
}
