package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;

/** Loading larger files: the parallel path, late type changes, progress, cancellation and overrides. */
class LoaderBehaviourTest {

    @TempDir
    static Path dir;
    private static Path big;
    private static final int ROWS = 60_000;

    /**
     * A ~3 MB file (parsed in parallel chunks) with: an id, a number, a column that turns from numbers to
     * text after 40,000 rows (its numeric start must be re-read as text), a mostly numeric column with
     * rare junk, a categorical column, and missing cells everywhere.
     */
    @BeforeAll
    static void writeBigFile() throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder("cust_id,amount,code,score,segment\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append("C").append(i).append(',');
            sb.append(rnd.nextInt(50) == 0 ? "" : String.format(Locale.ROOT, "%.4f", rnd.nextGaussian() * 100)).append(',');
            sb.append(i < 40_000 ? String.valueOf(rnd.nextInt(1000)) : "X" + rnd.nextInt(1000)).append(',');
            sb.append(i % 997 == 5 ? "oops" : (i % 101 == 0 ? "NA" : String.valueOf(rnd.nextInt(100)))).append(',');
            sb.append(new String[] {"gold", "silver", "bronze", "N/A"}[rnd.nextInt(4)]).append('\n');
        }
        big = dir.resolve("big.csv");
        Files.writeString(big, sb, StandardCharsets.UTF_8);
    }

    @Test
    void parallelFastPathAgreesWithCommonsCsvPath() throws DataException {
        CsvLoader loader = new CsvLoader();
        DataTable fast = loader.load(big);
        DataTable general = loader.load(big, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.NONE, true);
        CorpusTest.assertSameTable(fast, general);
        assertEquals(ROWS, fast.rowCount());
        assertEquals(ColumnType.IDENTIFIER, fast.column("cust_id").orElseThrow().type());
        assertEquals(ColumnType.NUMERIC, fast.column("amount").orElseThrow().type());
        Column code = fast.column("code").orElseThrow();
        assertEquals(ColumnType.CATEGORICAL, code.type(), "numbers then text: categorical");
        assertFalse(code.isMissing(0), "the numeric start was re-read as text");
        assertTrue(code.text(0).matches("\\d+"), code.text(0));
        assertTrue(code.text(ROWS - 1).startsWith("X"));
        Column score = fast.column("score").orElseThrow();
        assertEquals(ColumnType.NUMERIC, score.type());
        long oops = (ROWS - 5 + 996) / 997;
        assertEquals(oops, score.nonNumericCells());
        assertEquals(List.of("oops"), score.nonNumericExamples());
        assertTrue(fast.warnings().stream().anyMatch(w -> w.contains("score") && w.contains(oops + " cells")),
                fast.warnings().toString());
        Column segment = fast.column("segment").orElseThrow();
        assertEquals(ColumnType.CATEGORICAL, segment.type());
        assertEquals(3, segment.statistics().distinct());
        assertTrue(segment.dictionary().length == 3, "dictionary-encoded: " + segment.dictionary().length);
    }

    @Test
    void progressRisesToOneAndCancellationStopsTheLoad() throws DataException {
        List<Double> seen = new ArrayList<>();
        new CsvLoader().load(big, LoadOptions.defaults(), (f, m) -> {
            synchronized (seen) {
                seen.add(f);
            }
        }, CancellationToken.NONE);
        assertTrue(seen.size() > 3, "several updates: " + seen.size());
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-12);
        double max = 0;
        for (double f : seen) {
            assertTrue(f >= 0 && f <= 1, "fraction in [0,1]: " + f);
            max = Math.max(max, f);
        }

        CancellationToken token = new CancellationToken();
        AtomicInteger afterCancel = new AtomicInteger();
        ProgressListener cancelling = (f, m) -> {
            if (token.isCancelled()) {
                afterCancel.incrementAndGet();
            } else if (f > 0.3) {
                token.cancel();
            }
        };
        assertThrows(CancelledException.class,
                () -> new CsvLoader().load(big, LoadOptions.defaults(), cancelling, token));
        // Cancellation is checked every 1,024 lines per thread, so at most a few updates slip through.
        assertTrue(afterCancel.get() <= 4, "updates after cancel: " + afterCancel.get());
    }

    @Test
    void statisticsCanBeComputedUpFrontWithProgress() throws DataException {
        DataTable t = new CsvLoader().load(big);
        List<Double> seen = new ArrayList<>();
        t.computeStatistics((f, m) -> {
            synchronized (seen) {
                seen.add(f);
            }
        }, CancellationToken.NONE);
        assertEquals(t.columnCount(), seen.size());
        assertEquals(1.0, seen.stream().mapToDouble(Double::doubleValue).max().orElse(0), 1e-12);
        Column amount = t.column("amount").orElseThrow();
        assertEquals(Statistics.ofNumbers(amount.numbersView()), amount.statistics());

        CancellationToken token = new CancellationToken();
        token.cancel();
        DataTable fresh = new CsvLoader().load(big);
        assertThrows(CancelledException.class, () -> fresh.computeStatistics(ProgressListener.NONE, token));
    }

    @Test
    void cancelledTokenStopsBeforeParsing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class,
                () -> new CsvLoader().load(big, LoadOptions.defaults(), ProgressListener.NONE, token));
    }

    @Test
    void typeOverridesConvertStorageAndKeepTheDetectedType() throws DataException {
        DataTable t = new CsvLoader().load(Path.of("src/test/resources/corpus/id_with_gaps.csv"));
        DataTable asCat = t.withColumnType("Spend", ColumnType.CATEGORICAL);
        Column spend = asCat.column("Spend").orElseThrow();
        assertEquals(ColumnType.CATEGORICAL, spend.type());
        assertEquals(ColumnType.NUMERIC, spend.detectedType());
        assertFalse(spend.isNumeric());
        assertEquals("10.5", spend.text(0));
        assertEquals("3", spend.text(1));
        assertTrue(t.column("Spend").orElseThrow().isNumeric(), "the original table is unchanged");

        Column back = spend.withType(ColumnType.NUMERIC);
        assertArrayEquals(t.column("Spend").orElseThrow().numbers(), back.numbers());
        assertEquals(0, back.nonNumericCells());

        Column segment = t.column("Segment").orElseThrow().withType(ColumnType.NUMERIC);
        assertEquals(8, segment.nonNumericCells(), "letters are not numbers");
        assertEquals(8, segment.statistics().missing());

        Column id = t.column("CustomerID").orElseThrow().withType(ColumnType.NUMERIC);
        assertEquals(ColumnType.NUMERIC, id.type());
        assertEquals(ColumnType.IDENTIFIER, id.detectedType());
        assertThrows(IllegalArgumentException.class, () -> t.withColumnType("nope", ColumnType.NUMERIC));
    }

    @Test
    void identifierNamesAreRecognised() {
        for (String n : new String[] {"CUST_ID", "CustomerID", "customer_id", "id", "ID", "Id", "client-id", "idNumber"}) {
            assertTrue(ColumnAssembler.nameSaysId(n), n);
        }
        for (String n : new String[] {"PAID", "valid", "BALANCE", "idle_days", "width"}) {
            assertFalse(ColumnAssembler.nameSaysId(n), n);
        }
    }

    @Test
    void uniqueIntegersWithoutAnIdNameStayNumeric(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("n.csv");
        Files.writeString(f, "visits,amount\n1,5\n2,6\n3,7\n4,9\n");
        DataTable t = new CsvLoader().load(f);
        assertEquals(ColumnType.NUMERIC, t.column("visits").orElseThrow().type());
    }

    @Test
    void forcedDialectOptionsWin(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("f.csv");
        Files.writeString(f, "a;b\n1;2\n3;4\n");
        DataTable t = new CsvLoader().load(f, new LoadOptions(',', null, false, null, false, 1000),
                ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(1, t.columnCount());
        assertEquals(3, t.rowCount(), "no header: the first line is data");
        assertEquals("column_1", t.columnNames().get(0));
    }

    @Test
    void columnsAreHeldAsPrimitiveArrays() throws DataException {
        DataTable t = new CsvLoader().load(big);
        Column amount = t.column("amount").orElseThrow();
        assertEquals(16 + 8L * ROWS, amount.estimatedBytes(), "8 bytes a number, nothing else");
        Column segment = t.column("segment").orElseThrow();
        assertTrue(segment.estimatedBytes() < 4L * ROWS + 500, "4-byte codes + 3 texts: " + segment.estimatedBytes());
        assertEquals(ROWS, segment.codesView().length);
    }
}
