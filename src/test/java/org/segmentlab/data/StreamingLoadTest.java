package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;

/**
 * The loader streams the file in blocks (it is never held on the heap whole): lines straddling blocks,
 * cancellation between blocks, the memory check before the columns are allocated, and the compact
 * dictionaries.
 */
class StreamingLoadTest {

    @TempDir
    static Path dir;
    private static final int ROWS = 50_000;

    /** ~2.5 MB: unique ids with some non-ASCII, numbers with gaps, a categorical column. */
    private static String body(String eol) {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("customer_id,amount,visits,tier,city").append(eol);
        String[] cities = {"Zürich", "Genève", "Basel", "Lugano"};
        for (int i = 0; i < ROWS; i++) {
            sb.append(i % 1000 == 3 ? "Ö" : "C").append(i).append(',');
            sb.append(rnd.nextInt(40) == 0 ? "" : String.format(Locale.ROOT, "%.3f", rnd.nextGaussian() * 50)).append(',');
            sb.append(rnd.nextInt(30)).append(',');
            sb.append("T").append(rnd.nextInt(3)).append(',');
            sb.append(cities[rnd.nextInt(cities.length)]).append(eol);
        }
        return sb.toString();
    }

    private static Path lf;
    private static Path crlf;
    private static Path cr;

    @BeforeAll
    static void write() throws IOException {
        lf = Files.writeString(dir.resolve("lf.csv"), body("\n"), StandardCharsets.UTF_8);
        crlf = Files.writeString(dir.resolve("crlf.csv"), body("\r\n"), StandardCharsets.UTF_8);
        cr = Files.writeString(dir.resolve("cr.csv"), body("\r"), StandardCharsets.UTF_8);
    }

    @Test
    void smallReadBlocksGiveTheSameTableForEveryLineEnding() throws DataException {
        DataTable reference = new CsvLoader().load(lf);
        assertEquals(ROWS, reference.rowCount());
        for (Path f : new Path[] {lf, crlf, cr}) {
            for (int block : new int[] {4099, 65_536}) {
                DataTable t = new CsvLoader(block, -1).load(f);
                CorpusTest.assertSameTable(reference, t);
            }
        }
        // The Commons CSV path streams too.
        DataTable general = new CsvLoader(4099, -1).load(crlf, LoadOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE, true);
        CorpusTest.assertSameTable(reference, general);
    }

    @Test
    void raggedRowIsNamedByItsLineAcrossBlocks() throws IOException {
        String text = body("\r\n");
        int cut = text.indexOf("\r\n", text.length() / 2) + 2; // a line in the second half (second thread)
        int lineNo = (int) text.substring(0, cut).chars().filter(ch -> ch == '\n').count() + 1;
        String broken = text.substring(0, cut) + "X1,2,3\r\n" + text.substring(cut);
        Path f = Files.writeString(dir.resolve("ragged.csv"), broken, StandardCharsets.UTF_8);
        for (int block : new int[] {997, CsvLoader.DEFAULT_BLOCK_BYTES}) {
            DataException e = assertThrows(DataException.class, () -> new CsvLoader(block, -1).load(f));
            assertEquals(lineNo, e.line(), e.getMessage());
        }
    }

    @Test
    void cancellingFromAnotherThreadStopsWithinABlock() {
        // Progress is reported from the loader's worker threads; the listener cancels half-way through.
        CancellationToken token = new CancellationToken();
        AtomicInteger afterCancel = new AtomicInteger();
        ProgressListener cancelling = (f, m) -> {
            if (token.isCancelled()) {
                afterCancel.incrementAndGet();
            } else if (f > 0.5) {
                token.cancel();
            }
        };
        assertThrows(CancelledException.class,
                () -> new CsvLoader(16_384, -1).load(crlf, LoadOptions.defaults(), cancelling, token));
        assertTrue(afterCancel.get() <= 4, "updates after cancel: " + afterCancel.get());
    }

    @Test
    void aTableThatCannotFitIsRefusedBeforeAllocating() throws DataException {
        // 50,000 rows x 5 columns x 8 bytes = 2 MB needed; pretend only 1 MB is free.
        for (boolean general : new boolean[] {false, true}) {
            DataException e = assertThrows(DataException.class, () -> new CsvLoader(CsvLoader.DEFAULT_BLOCK_BYTES,
                    1 << 20).load(lf, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.NONE, general));
            String m = e.getMessage();
            assertTrue(m.startsWith("lf.csv"), m);
            assertTrue(m.contains("needs about 2 MB") && m.contains("only 1 MB"), m);
            assertTrue(m.contains("-Xmx") && m.contains("fewer columns"), m);
        }
        assertEquals(ROWS, new CsvLoader(CsvLoader.DEFAULT_BLOCK_BYTES, 4 << 20).load(lf).rowCount());
    }

    @Test
    void dictionariesAreCompactAndReadOneEntryAtATime() throws DataException {
        DataTable t = new CsvLoader().load(lf);
        Column id = t.column("customer_id").orElseThrow();
        assertEquals(ColumnType.IDENTIFIER, id.type());
        assertEquals(ROWS, id.dictionarySize());
        String[] all = id.dictionary();
        for (int c = 0; c < all.length; c += 997) {
            assertEquals(all[c], id.dictionaryText(c));
        }
        assertEquals("Ö3", id.text(3), "non-ASCII text survives the UTF-8 storage");
        assertEquals("C4", id.text(4));
        // Codes (4 bytes) + offsets (4) + the text (~6 bytes) per id: far below a String per id (~56).
        long perRow = id.estimatedBytes() / ROWS;
        assertTrue(perRow < 16, "bytes per id: " + perRow);
        Column city = t.column("city").orElseThrow();
        assertEquals(4, city.dictionarySize());
        assertTrue(java.util.Set.of(city.dictionary()).contains("Zürich"));
        assertThrows(IndexOutOfBoundsException.class, () -> city.dictionaryText(4));
        assertThrows(IllegalStateException.class, () -> t.column("amount").orElseThrow().dictionaryText(0));
        assertEquals(0, t.column("amount").orElseThrow().dictionarySize());
        // The public constructor still takes Strings.
        Column built = new Column("x", ColumnType.CATEGORICAL, ColumnType.CATEGORICAL, null, new int[] {1, 0, -1},
                new String[] {"a", "ß"}, null, 0, java.util.List.of());
        assertArrayEquals(new String[] {"a", "ß"}, built.dictionary());
        assertEquals("ß", built.text(0));
        assertEquals("", built.text(2));
    }
}
