package org.segmentlab.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segmentlab.prep.TestTables.categorical;
import static org.segmentlab.prep.TestTables.numeric;
import static org.segmentlab.prep.TestTables.table;
import static org.segmentlab.prep.TestTables.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

class PreparationAdvisorTest {

    private static final double NaN = Double.NaN;

    private static List<String> messages(List<Advice> advice) {
        return advice.stream().map(Advice::message).toList();
    }

    @Test
    void creditCardSample() throws Exception {
        DataTable cc = TestTables.creditCard();
        List<Advice> advice = PreparationAdvisor.advise(cc);
        List<String> m = messages(advice);
        assertEquals("CUST_ID looks like an identifier: excluded from clustering.", m.get(0));
        assertEquals(Advice.Kind.IDENTIFIER, advice.get(0).kind());
        assertTrue(m.contains("MINIMUM_PAYMENTS: 313 missing (3.5%), filled with the mean."), m.toString());
        assertTrue(m.contains("CREDIT_LIMIT: 1 missing (<0.1%), filled with the mean."), m.toString());
        // pandas: df.skew() gives 8.144 for PURCHASES (src/test/resources/prep/cc_general_standard_scaler.json).
        assertTrue(m.contains("PURCHASES is highly skewed (skewness 8.14): consider log1p."), m.toString());
        assertTrue(m.contains("MINIMUM_PAYMENTS is highly skewed (skewness 13.6): consider log1p."), m.toString());
        assertTrue(m.stream().noneMatch(s -> s.startsWith("TENURE")), "TENURE's long tail is on the left: log1p would not help");
        assertTrue(m.stream().noneMatch(s -> s.startsWith("PURCHASES_FREQUENCY")), "skewness 0.06 is not worth a note");

        PrepOptions suggested = PreparationAdvisor.suggest(cc);
        assertEquals(PrepOptions.defaults(), suggested, "the default analysis: identifiers out, mean, z-score, no log1p");
    }

    @Test
    void skewnessMatchesPandas() throws Exception {
        com.fasterxml.jackson.databind.JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(PreparationAdvisorTest.class.getResource("/prep/cc_general_standard_scaler.json"));
        DataTable cc = TestTables.creditCard();
        for (int j = 0; j < 17; j++) {
            double expected = ref.get("skew").get(j).asDouble();
            double actual = Stats.skewness(cc.columns().get(j + 1).numbersView());
            assertEquals(expected, actual, 1e-9 * Math.abs(expected), ref.get("columns").get(j).asText());
        }
    }

    @Test
    void emptyConstantCategoricalAndNonNumericColumns() {
        DataTable t = table(
                numeric("EMPTY", ColumnType.NUMERIC, NaN, NaN, NaN, NaN),
                numeric("FLAT", 3, 3, NaN, 3),
                categorical("REGION", "N", "S", "E", "N"),
                TestTables.numericWithBadCells("AGE", new double[] {30, NaN, 40, NaN}, 12, List.of("abc", "n/a")),
                numeric("X", -5, 1, 2, 3));
        List<String> m = messages(PreparationAdvisor.advise(t));
        assertEquals(List.of(
                "EMPTY is empty: left out.",
                "FLAT is constant: left out.",
                "REGION is categorical (3 values): left out; one-hot encode it to cluster on it.",
                "AGE has 12 non-numeric cells treated as missing (e.g. 'abc').",
                "AGE: 2 missing (50.0%), filled with the mean."), m);
    }

    @Test
    void adviceFollowsTheOptions() {
        double[] skewed = new double[40];
        double[] negative = new double[40];
        for (int i = 0; i < 40; i++) {
            skewed[i] = i < 36 ? 1 : 1000;
            negative[i] = i < 36 ? -5 : 1000;
        }
        skewed[0] = NaN;
        DataTable t = table(numeric("S", skewed), numeric("NEG", negative), categorical("C", new String[40]));
        PrepOptions o = new PrepOptions(List.of(), List.of(), List.of(), ImputeStrategy.MEAN,
                Map.of("S", Imputation.of(ImputeStrategy.DROP)), Set.of(), false, List.of("C"), Scaling.ZSCORE);
        List<String> m = messages(PreparationAdvisor.advise(t, o));
        assertTrue(m.contains("S: 1 missing (2.5%), those rows are dropped."), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("S is highly skewed") && s.endsWith(": consider log1p.")), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("NEG is highly skewed") && s.endsWith(
                ", but log1p does not apply (minimum -5, below -1).")), m.toString());
        assertTrue(m.contains("C is empty: left out."), m.toString());

        PrepOptions withLog = new PrepOptions(List.of(), List.of("NEG"), List.of(), ImputeStrategy.MEAN, Map.of(),
                Set.of("S"), false, List.of(), Scaling.ZSCORE);
        List<String> n = messages(PreparationAdvisor.advise(t, withLog));
        assertTrue(n.stream().noneMatch(s -> s.contains("skewed")), "no log1p advice once chosen, none for excluded columns: " + n);
    }

    @Test
    void numericIdentifiersAreRecognisedByNameAndUniqueness() {
        DataTable t = table(
                numeric("CustomerID", 101, 102, 103, 104),
                numeric("CUST_NO", 1, 2, 3, 4),
                numeric("PAID", 1, 2, 3, 4),
                numeric("ID", 1, 1, 2, 3),
                text("KEY", ColumnType.IDENTIFIER, "a", "b", "c", "d"));
        List<Advice> advice = PreparationAdvisor.advise(t);
        List<String> ids = advice.stream().filter(a -> a.kind() == Advice.Kind.IDENTIFIER).map(Advice::column).toList();
        assertEquals(List.of("CustomerID", "CUST_NO", "KEY"), ids, "PAID is not an id; ID with a repeated value is not one");
        assertEquals(List.of("CustomerID", "CUST_NO"), PreparationAdvisor.suggest(t).exclude());
        assertFalse(PreparationAdvisor.suggest(t).log1pAll());
    }
}
