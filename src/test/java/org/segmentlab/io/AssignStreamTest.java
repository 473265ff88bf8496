package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.data.DataException;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;

class AssignStreamTest {

    @TempDir
    Path dir;

    @Test
    void streamsTheCreditCardFileWithATinyBufferAndAssignsAsTheModel() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(List.of("A", "B", "C", "D"));
        Path out = dir.resolve("out.csv");
        // A 16-character reader buffer: rows are pulled through a buffer far smaller than one line.
        AssignStream.Options tiny = new AssignStream.Options(null, 16);
        AssignStream.Plan plan = AssignStream.plan(m, Path.of("samples/cc_general.csv"), tiny);
        assertEquals(',', plan.delimiter());
        assertEquals(List.of("CUST_ID"), plan.extraColumns());
        assertTrue(plan.missingColumns().isEmpty());
        List<Double> fractions = new ArrayList<>();
        AssignStream.Summary s = AssignStream.run(m, plan, out, tiny, (fr, msg) -> fractions.add(fr),
                CancellationToken.NONE);

        assertEquals(8950, s.rows());
        assertEquals(8949, s.assigned());
        assertEquals(1, s.problems().size());
        List<CSVRecord> rows = read(out);
        List<String> header = header(out);
        assertEquals(f.table().columnNames(), header.subList(0, 18));
        assertEquals(List.of("cluster", "segment", "distance", "problem"), header.subList(18, 22));
        long[] counts = new long[4];
        for (int r = 0; r < 8950; r++) {
            CSVRecord rec = rows.get(r);
            ClusterModel.Assignment a = m.assign(ModelFixtures.rawRow(f.table(), r));
            assertEquals(f.table().column("CUST_ID").orElseThrow().text(r), rec.get(0));
            if (a.assigned()) {
                assertEquals(Integer.toString(a.cluster()), rec.get("cluster"), "row " + r);
                assertEquals(a.segment(), rec.get("segment"));
                assertEquals(a.distance(), Double.parseDouble(rec.get("distance")), 0);
                assertEquals("", rec.get("problem"));
                counts[a.cluster()]++;
            } else {
                assertEquals("", rec.get("cluster"));
                assertEquals("CREDIT_LIMIT is missing and rows missing it were dropped in training", rec.get("problem"));
            }
        }
        assertEquals(java.util.Arrays.toString(counts), java.util.Arrays.toString(s.perCluster()));
        // Progress by bytes: rising, ending at 1.
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1));
        }
        assertTrue(fractions.size() >= 2);
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    /**
     * The mixed table rewritten as a spreadsheet in another locale would: semicolons, decimal commas,
     * a BOM, columns reordered, one in lower case, an extra column with a formula, "NA" for missing.
     */
    @Test
    void matchesColumnsByNameAndReadsASemicolonDecimalCommaFile() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        ClusterModel m = f.model(List.of("=cmd", "Savers", "Spenders"));
        Path in = dir.resolve("new.csv");
        StringBuilder sb = new StringBuilder("\uFEFFVISITS;NOTE;SPEND;REGION;income;ID\r\n");
        List<Map<String, Object>> expectedRaw = new ArrayList<>();
        for (int r = 0; r < f.table().rowCount(); r++) {
            Map<String, Object> raw = ModelFixtures.rawRow(f.table(), r);
            expectedRaw.add(raw);
            sb.append(num(raw.get("VISITS"))).append(';').append(r == 3 ? "=HYPERLINK(\"x\")" : "n" + r).append(';')
                    .append(num(raw.get("SPEND"))).append(';').append(raw.get("REGION") == null ? "NA" : raw.get("REGION"))
                    .append(';').append(num(raw.get("INCOME"))).append(';').append(raw.get("ID")).append("\r\n");
        }
        Files.writeString(in, sb, StandardCharsets.UTF_8);
        AssignStream.Plan plan = AssignStream.plan(m, in, AssignStream.Options.defaults());
        assertEquals(';', plan.delimiter());
        assertTrue(plan.decimalComma());
        assertEquals(Map.of("INCOME", "income"), plan.caseInsensitive());
        assertEquals(List.of("NOTE", "ID"), plan.extraColumns());
        assertTrue(plan.notes().get(0).contains("INCOME matched to income"), plan.notes().toString());

        Path out = dir.resolve("out.csv");
        AssignStream.Summary s = AssignStream.run(m, plan, out, AssignStream.Options.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(f.table().rowCount(), s.rows());
        assertEquals(s.rows(), s.assigned());
        List<CSVRecord> rows = read(out);
        for (int r = 0; r < expectedRaw.size(); r++) {
            ClusterModel.Assignment a = m.assign(expectedRaw.get(r));
            CSVRecord rec = rows.get(r);
            assertEquals(Integer.toString(a.cluster()), rec.get("cluster"), "row " + r);
            // A segment named like a formula is neutralised, as is the formula in NOTE.
            assertEquals(a.cluster() == 0 ? "'=cmd" : a.segment(), rec.get("segment"));
        }
        assertEquals("'=HYPERLINK(\"x\")", rows.get(3).get("NOTE"));
        assertEquals("VISITS", header(out).get(0)); // the BOM is not part of the name
    }

    @Test
    void aMissingRequiredColumnIsAnErrorNamingIt() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        Path in = dir.resolve("no_limit.csv");
        List<String> cols = new ArrayList<>(f.table().columnNames());
        cols.remove("CREDIT_LIMIT");
        Files.writeString(in, String.join(",", cols) + "\n");
        DataException e = assertThrows(DataException.class,
                () -> AssignStream.plan(f.model(null), in, AssignStream.Options.defaults()));
        assertEquals("CREDIT_LIMIT", e.column());
        assertTrue(e.getMessage().startsWith("no_limit.csv, line 1, column CREDIT_LIMIT: The model needs column"
                + " CREDIT_LIMIT (rows missing it were dropped in training), but the file has no such column."),
                e.getMessage());
    }

    @Test
    void aMissingImputedColumnIsReportedAndFilledRaggedRowsAndNameClashes() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        ClusterModel m = f.model(null);
        Path in = dir.resolve("partial.csv");
        // No VISITS column; a ragged row; an input column already called "segment".
        Files.writeString(in, "INCOME,SPEND,REGION,segment\n30000,1200,North,old\n45000,2500\n,,,\n");
        AssignStream.Plan plan = AssignStream.plan(m, in, AssignStream.Options.defaults());
        assertEquals(List.of("VISITS"), plan.missingColumns());
        assertEquals(List.of("cluster", "segmentlab_segment", "distance", "problem"), plan.outputColumns());
        Path out = dir.resolve("partial_out.csv");
        AssignStream.Summary s = AssignStream.run(m, plan, out, AssignStream.Options.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals(3, s.rows());
        assertEquals(2, s.assigned());
        List<CSVRecord> rows = read(out);
        Map<String, Object> raw = new HashMap<>();
        raw.put("INCOME", 30000.0);
        raw.put("SPEND", 1200.0);
        raw.put("REGION", "North");
        assertEquals(Integer.toString(m.assign(raw).cluster()), rows.get(0).get("cluster"));
        assertEquals("old", rows.get(0).get("segment"));
        assertEquals("", rows.get(1).get("cluster"));
        assertEquals("the row has 2 fields, the header has 4", rows.get(1).get("problem"));
        assertEquals(Integer.toString(m.assign(Map.of()).cluster()), rows.get(2).get("cluster")); // all filled
    }

    @Test
    void cancellationLeavesNoOutputFile() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(null);
        CancellationToken cancel = new CancellationToken();
        Path outDir = Files.createDirectory(dir.resolve("cancel"));
        Path out = outDir.resolve("out.csv");
        AssignStream.Plan plan = AssignStream.plan(m, Path.of("samples/cc_general.csv"), AssignStream.Options.defaults());
        assertThrows(CancelledException.class, () -> AssignStream.run(m, plan, out, AssignStream.Options.defaults(),
                (fr, msg) -> cancel.cancel(), cancel));
        try (Stream<Path> left = Files.list(outDir)) {
            assertEquals(List.of(), left.toList());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void sniffsTheHeaderDelimiter() {
        assertEquals(',', AssignStream.sniffDelimiter("a,b,c\n1;2;3;4;5"));
        assertEquals(';', AssignStream.sniffDelimiter("a;b;\"c,d,e\"\n"));
        assertEquals('\t', AssignStream.sniffDelimiter("a\tb\tc"));
        assertEquals('|', AssignStream.sniffDelimiter("a|b"));
        assertEquals(',', AssignStream.sniffDelimiter("single"));
        assertNull(AssignStream.Options.defaults().delimiter());
    }

    /** The fast path gives exactly what SpreadsheetSafe.cell gives. */
    @Test
    void fastSpreadsheetSafetyAgreesWithSpreadsheetSafe() {
        List<String> cells = new ArrayList<>(List.of("", "-3.5", "+2", "-.5", "-5.", "-1e5", "-1E+05", "-1e", "-e5", "-",
                "+", "--1", "-1-1", "-1.2.3", "=1+2", "@SUM(A1)", "\t-1", "\r1", "-\u0661", "abc", "12", "-1 ", " -1",
                "+1e-7x", "-0x10"));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        String alphabet = "-+.eE019 =@a";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(6);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            cells.add(sb.toString());
        }
        for (String c : cells) {
            assertEquals(SpreadsheetSafe.cell(c), AssignStream.safe(c), "cell [" + c + "]");
        }
    }

    private static String num(Object v) {
        double d = (Double) v;
        return Double.isNaN(d) ? "" : Double.toString(d).replace('.', ',');
    }

    /** The data records of an output file, addressable by column name. */
    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(r).getRecords();
        }
    }

    private static List<String> header(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(r).getHeaderNames();
        }
    }
}
