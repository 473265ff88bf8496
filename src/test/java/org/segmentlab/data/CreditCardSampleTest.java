package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled credit-card sample ({@code samples/cc_general.csv}) against pandas. Reference values were
 * computed once with pandas 1.5.3 ({@code /usr/bin/python3}):
 * <pre>df = pd.read_csv('samples/cc_general.csv'); d = df[c].describe(); df[c].skew(); df[c].nunique()</pre>
 */
class CreditCardSampleTest {

    private static DataTable table;

    @BeforeAll
    static void load() throws DataException {
        table = new CsvLoader().load(Path.of("samples/cc_general.csv"));
    }

    @Test
    void shapeDialectAndTypes() {
        assertEquals(8950, table.rowCount());
        assertEquals(18, table.columnCount());
        CsvDialect d = table.dialect();
        assertEquals(',', d.delimiter());
        assertEquals("CRLF", d.lineEnding());
        assertTrue(d.header());
        assertEquals(ColumnType.IDENTIFIER, table.column("CUST_ID").orElseThrow().type());
        assertEquals("CUST_ID", table.identifierColumn().orElseThrow().name());
        for (Column c : table.columns()) {
            if (!c.name().equals("CUST_ID")) {
                assertEquals(ColumnType.NUMERIC, c.type(), c.name());
            }
        }
        assertEquals(313, stats("MINIMUM_PAYMENTS").missing());
        assertEquals(1, stats("CREDIT_LIMIT").missing());
        assertEquals(864.206542, stats("MINIMUM_PAYMENTS").mean(), 1e-6);
        assertTrue(table.warnings().isEmpty(), table.warnings().toString());
    }

    private static ColumnStatistics stats(String name) {
        return table.column(name).orElseThrow().statistics();
    }

    /** name, count, mean, std, min, 25%, 50%, 75%, max, skew, nunique from pandas. */
    private static void assertPandas(String name, double count, double mean, double sd, double min, double q1,
                                     double median, double q3, double max, double skew, long distinct) {
        ColumnStatistics s = stats(name);
        double tol = 1e-9;
        assertEquals(count, s.count(), name);
        assertEquals(mean, s.mean(), Math.abs(mean) * tol, name + " mean");
        assertEquals(sd, s.sd(), Math.abs(sd) * tol, name + " sd");
        assertEquals(min, s.min(), 0, name + " min");
        assertEquals(q1, s.q1(), Math.abs(q1) * tol + 1e-12, name + " q1");
        assertEquals(median, s.median(), Math.abs(median) * tol + 1e-12, name + " median");
        assertEquals(q3, s.q3(), Math.abs(q3) * tol + 1e-12, name + " q3");
        assertEquals(max, s.max(), 0, name + " max");
        assertEquals(skew, s.skewness(), Math.abs(skew) * 1e-8, name + " skew");
        assertEquals(distinct, s.distinct(), name + " distinct");
    }

    @Test
    void statisticsMatchPandasDescribeAndSkew() {
        assertPandas("BALANCE", 8950, 1564.4748276781006, 2081.531879456554, 0.0, 128.2819155, 873.385231,
                2054.1400355, 19043.13856, 2.393386042571806, 8871);
        assertPandas("PURCHASES", 8950, 1003.2048335195531, 2136.6347818728423, 0.0, 39.635, 361.28, 1110.13,
                49039.57, 8.144269064554651, 6203);
        assertPandas("CREDIT_LIMIT", 8949, 4494.449450364621, 3638.8157254985426, 50.0, 1600.0, 3000.0, 6500.0,
                30000.0, 1.5224640052886198, 205);
        assertPandas("MINIMUM_PAYMENTS", 8637, 864.2065423050828, 2372.446606583975, 0.019163, 169.123707,
                312.343947, 825.485459, 76406.20752, 13.622796994677456, 8636);
        assertPandas("TENURE", 8950, 11.51731843575419, 1.3383307693673308, 6.0, 12.0, 12.0, 12.0, 12.0,
                -2.9430172876199134, 7);
        assertPandas("PRC_FULL_PAYMENT", 8950, 0.15371464849162012, 0.29249919623387977, 0.0, 0.0, 0.0, 0.142857, 1.0,
                1.942819940971858, 47);
    }

    @Test
    void textPathGivesTheSameTable() throws DataException {
        DataTable general = new CsvLoader().load(Path.of("samples/cc_general.csv"), LoadOptions.defaults(),
                org.segmentlab.progress.ProgressListener.NONE, org.segmentlab.progress.CancellationToken.NONE, true);
        CorpusTest.assertSameTable(table, general);
    }
}
