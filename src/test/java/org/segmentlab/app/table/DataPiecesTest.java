package org.segmentlab.app.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segmentlab.app.TestTables;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

class DataPiecesTest {

    @Test
    void histogramBinsSkipMissingAndPutTheMaximumInTheLastBin() {
        double[] v = {0, 1, 2, 3, 4, Double.NaN, 10};
        double[] copy = v.clone();
        assertArrayEquals(new int[] {2, 2, 1, 0, 1}, ColumnSummaries.histogram(v, 0, 10, 5));
        assertArrayEquals(copy, v, "the column's values are not modified");
        assertArrayEquals(new int[] {3, 0}, ColumnSummaries.histogram(new double[] {5, 5, 5}, 5, 5, 2));
        assertArrayEquals(new int[] {0, 0}, ColumnSummaries.histogram(new double[] {Double.NaN}, Double.NaN, Double.NaN, 2));
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("8,950", Formats.count(8950));
        assertEquals("3.5%", Formats.percent(313, 8950));
        assertEquals("0.198", Formats.number(0.19823));
        assertEquals("1,565", Formats.number(1564.7));
        assertEquals("-2", Formats.number(-2.0));
        assertEquals("12.3", Formats.number(12.34));
        assertEquals("0", Formats.number(0));
        assertEquals("", Formats.number(Double.NaN));
        assertEquals("1.23e-05", Formats.number(0.0000123));
    }

    @Test
    void theAdvisorSuggestsLog1pOnlyForRightSkewWithoutNegatives() {
        double[] right = new double[200];
        double[] left = new double[200];
        double[] rightNeg = new double[200];
        for (int i = 0; i < 200; i++) {
            right[i] = Math.exp(i / 25.0);
            left[i] = -right[i];
            rightNeg[i] = right[i] - 50;
        }
        DataTable t = new DataTable(null, TestTables.DIALECT, List.of(
                TestTables.numeric("R", right, ColumnType.NUMERIC),
                TestTables.numeric("L", left, ColumnType.NUMERIC),
                TestTables.numeric("N", rightNeg, ColumnType.NUMERIC)), 200, 0, List.of());
        List<String> notes = new CoreAdvisor().advise(t).stream().map(AdviceNote::message).toList();
        assertTrue(notes.get(0).startsWith("R is highly skewed (skewness ") && notes.get(0).endsWith(": consider log1p."), notes.toString());
        assertTrue(notes.get(1).startsWith("N is highly skewed") && notes.get(1).contains("log1p does not apply"), notes.toString());
        assertEquals(2, notes.size(), "a left tail gets no log1p advice");
    }

    @Test
    void summariesCarryBadgesAndCopiesOfTheirBins() {
        DataTable t = TestTables.customers(null, 60, 4);
        List<ColumnSummary> s = ColumnSummaries.of(t, org.segmentlab.progress.CancellationToken.NONE);
        assertTrue(s.get(0).hasBadge(Badge.IDENTIFIER));
        assertEquals(0, s.get(0).histogram().length, "text columns have no histogram");
        assertFalse(s.get(2).hasBadge(Badge.SKEWED));
        int[] bins = s.get(1).histogram();
        bins[0] = -99;
        assertTrue(s.get(1).histogram()[0] >= 0, "histogram() hands out a copy");
        assertEquals(ColumnSummaries.BINS, bins.length);
    }
}
