package org.segmentlab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class PreparerTest {

    private static final double NaN = Double.NaN;

    static PrepOptions options(List<String> features, List<String> exclude, List<DerivedColumn> derived,
                               ImputeStrategy impute, Map<String, Imputation> overrides, Set<String> log1p,
                               boolean log1pAll, List<String> oneHot, Scaling scaling) {
        return new PrepOptions(features, exclude, derived, impute, overrides, log1p, log1pAll, oneHot, scaling);
    }

    static PrepOptions scaling(Scaling s) {
        return options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false, List.of(), s);
    }

    /** id, two numeric features, one empty, one constant, one categorical. */
    private static DataTable mixed() {
        return table(
                text("ID", ColumnType.IDENTIFIER, "a", "b", "c", "d"),
                numeric("X", 1, 2, 3, 4),
                numeric("EMPTY", ColumnType.EMPTY, NaN, NaN, NaN, NaN),
                numeric("Y", 10, NaN, 30, 50),
                numeric("K", ColumnType.CONSTANT, 7, 7, 7, 7),
                categorical("REGION", "North", "South", null, "North"));
    }

    private static String prepError(DataTable t, PrepOptions o) {
        return assertThrows(PrepException.class, () -> Preparer.prepare(t, o)).getMessage();
    }

    @Test
    void defaultFeaturesLeaveOutIdentifierEmptyConstantAndText() throws PrepException {
        PreparedData p = Preparer.prepare(mixed(), PrepOptions.defaults());
        assertEquals(List.of("X", "Y"), p.featureNames());
        assertEquals(4, p.rows());
        assertEquals(2, p.cols());
        assertArrayEquals(new int[] {0, 1, 2, 3}, p.sourceRows());
    }

    @Test
    void explicitFeaturesAndExclude() throws PrepException {
        DataTable t = mixed();
        PreparedData p = Preparer.prepare(t, options(List.of("Y", "X"), List.of(), List.of(), ImputeStrategy.MEAN,
                Map.of(), Set.of(), false, List.of(), Scaling.NONE));
        assertEquals(List.of("Y", "X"), p.featureNames());
        assertArrayEquals(new double[] {10, 1, 30, 2, 30, 3, 50, 4}, p.unscaled(), 0);
        PreparedData q = Preparer.prepare(t, options(List.of(), List.of("X"), List.of(), ImputeStrategy.MEAN,
                Map.of(), Set.of(), false, List.of(), Scaling.NONE));
        assertEquals(List.of("Y"), q.featureNames());
    }

    @Test
    void unknownFeatureIsNamedWithCloseMatches() {
        String m = prepError(table(numeric("PURCHASES", 1, 2), numeric("PURCHASES_TRX", 1, 3), numeric("TENURE", 1, 2)),
                options(List.of("PURCHASE"), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false,
                        List.of(), Scaling.ZSCORE));
        assertTrue(m.startsWith("Unknown column 'PURCHASE' in features (did you mean PURCHASES"), m);
        assertTrue(m.contains("PURCHASES_TRX") && !m.contains("TENURE"), m);
        String e = prepError(mixed(), options(List.of(), List.of("x"), List.of(), ImputeStrategy.MEAN, Map.of(),
                Set.of(), false, List.of(), Scaling.ZSCORE));
        assertTrue(e.contains("'x' in exclude (did you mean X?)"), e);
    }

    @Test
    void textFeatureWithoutOneHotIsRefused() {
        String m = prepError(mixed(), options(List.of("X", "REGION"), List.of(), List.of(), ImputeStrategy.MEAN,
                Map.of(), Set.of(), false, List.of(), Scaling.ZSCORE));
        assertTrue(m.contains("REGION is not numeric") && m.contains("one-hot"), m);
    }

    @Test
    void derivedColumnsUseExcludedAndEarlierDerivedColumns() throws PrepException {
        DataTable t = table(numeric("A", 1, 2, 4, 8), numeric("B", 1, 0, 2, NaN));
        List<DerivedColumn> derived = List.of(DerivedColumn.parse("R = A / B"), DerivedColumn.parse("R2 = R * 2 + A"));
        PreparedData p = Preparer.prepare(t, options(List.of(), List.of("A", "B"), derived, ImputeStrategy.MEAN,
                Map.of(), Set.of(), false, List.of(), Scaling.NONE));
        assertEquals(List.of("R", "R2"), p.featureNames());
        assertArrayEquals(new double[] {1, NaN, 2, NaN}, p.derivedColumn("R"), 0);
        assertArrayEquals(new double[] {3, NaN, 8, NaN}, p.derivedColumn("R2"), 0);
        // Missing derived values are imputed like any feature (mean of 1,2 and of 3,8).
        assertArrayEquals(new double[] {1, 3, 1.5, 5.5, 2, 8, 1.5, 5.5}, p.unscaled(), 0);
        assertEquals(Map.of("R", 1.5, "R2", 5.5), p.imputedValues());

        PreparedData q = Preparer.prepare(t, options(List.of("A"), List.of(), derived, ImputeStrategy.MEAN,
                Map.of(), Set.of(), false, List.of(), Scaling.NONE));
        assertEquals(List.of("A"), q.featureNames(), "an explicit feature list without derived columns leaves them out");
        assertTrue(q.derivedValues().containsKey("R2"));
    }

    @Test
    void badDerivedExpressionNamesItAndThePosition() {
        DataTable t = table(numeric("PURCHASES", 1, 2), numeric("CASH_ADVANCE", 1, 2));
        String m = prepError(t, options(List.of(), List.of(), List.of(DerivedColumn.parse("RATIO = PURCHASES / (CASH_ADVANCE")),
                ImputeStrategy.MEAN, Map.of(), Set.of(), false, List.of(), Scaling.ZSCORE));
        assertEquals("In derived column RATIO = `PURCHASES / (CASH_ADVANCE`: ')' expected at position 26 (end of expression)", m);
        String clash = prepError(t, options(List.of(), List.of(), List.of(DerivedColumn.parse("PURCHASES = CASH_ADVANCE")),
                ImputeStrategy.MEAN, Map.of(), Set.of(), false, List.of(), Scaling.ZSCORE));
        assertTrue(clash.contains("PURCHASES has the name of an existing column"), clash);
    }

    @Test
    void imputationStrategiesAndOverrides() throws PrepException {
        DataTable t = table(
                numeric("MEAN", 1, NaN, 2, 6, NaN),
                numeric("MEDIAN", 1, 100, NaN, 2, 3),
                numeric("MODE", 5, 5, 1, NaN, 1),
                numeric("CONST", NaN, 2, 3, 4, 5),
                numeric("DEF", 9, 1, 2, NaN, 2));
        PreparedData p = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEDIAN,
                Map.of("MEAN", Imputation.parse("mean"), "MODE", Imputation.parse("mode"), "CONST", Imputation.parse("-1.5"),
                        "MEDIAN", Imputation.of(ImputeStrategy.MEDIAN)),
                Set.of(), false, List.of(), Scaling.NONE));
        assertEquals(3.0, p.imputedValues().get("MEAN"));
        assertEquals(2.5, p.imputedValues().get("MEDIAN"));
        assertEquals(1.0, p.imputedValues().get("MODE"), "ties go to the smaller value");
        assertEquals(-1.5, p.imputedValues().get("CONST"));
        assertEquals(2.0, p.imputedValues().get("DEF"), "the default strategy (median) applies to the rest");
        double[] u = p.unscaled();
        assertEquals(3.0, u[1 * 5]);
        assertEquals(2.5, u[2 * 5 + 1]);
        assertEquals(1.0, u[3 * 5 + 2]);
        assertEquals(-1.5, u[3]);
        assertEquals(2.0, u[3 * 5 + 4]);
        assertTrue(p.warnings().stream().anyMatch(w -> w.equals("MEAN: 2 missing (40.0%) filled with the mean (3).")),
                p.warnings().toString());
    }

    @Test
    void nonFiniteConstantFillIsRefused() {
        String m = prepError(table(numeric("A", 1, NaN, 3)), options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN,
                Map.of("A", Imputation.parse("NaN")), Set.of(), false, List.of(), Scaling.NONE));
        assertTrue(m.startsWith("The fill value for missing A must be a finite number"), m);
    }

    @Test
    void droppingRowsMapsSourceRowsAndImputesOnKeptRowsOnly() throws PrepException {
        DataTable t = table(
                numeric("A", 1, 2, 3, 4, 5, 6),
                numeric("B", 1000, NaN, 10, 20, NaN, 30),
                numeric("C", NaN, 1, 2, NaN, 100, 4));
        // B drops rows 1 and 4; C's mean is then taken over rows 2 and 5 only (2 and 4), not over 100.
        PreparedData p = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN,
                Map.of("B", Imputation.of(ImputeStrategy.DROP)), Set.of(), false, List.of(), Scaling.NONE));
        assertArrayEquals(new int[] {0, 2, 3, 5}, p.sourceRows());
        assertEquals(3.0, p.imputedValues().get("C"));
        assertArrayEquals(new double[] {1, 1000, 3, 3, 10, 2, 4, 20, 3, 6, 30, 4}, p.unscaled(), 0);

        PreparedData all = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.DROP,
                Map.of(), Set.of(), false, List.of(), Scaling.NONE));
        assertArrayEquals(new int[] {2, 5}, all.sourceRows());
        assertEquals(2, all.rows());
        assertTrue(all.imputedValues().isEmpty());
        assertTrue(all.warnings().contains("4 rows (66.7%) with missing values dropped (B, C)."), all.warnings().toString());
    }

    @Test
    void log1pAppliedAfterImputation() throws PrepException {
        DataTable t = table(numeric("A", 0, NaN, 3, 5), numeric("B", 1, 2, 3, 4));
        PreparedData p = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEDIAN, Map.of(),
                Set.of("A"), false, List.of(), Scaling.NONE));
        assertArrayEquals(new double[] {0, 1, Math.log1p(3), 2, Math.log1p(3), 3, Math.log1p(5), 4}, p.unscaled(), 0);
    }

    @Test
    void log1pBelowMinusOneIsRefusedOrSkipped() throws PrepException {
        DataTable t = table(numeric("PROFIT", 5, -3.25, 2, 0), numeric("B", 0, 1, 2, 3));
        String m = prepError(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of("PROFIT"),
                false, List.of(), Scaling.NONE));
        assertTrue(m.startsWith("log1p cannot be applied to PROFIT: its minimum is -3.25, and log1p needs values above -1."), m);
        PreparedData all = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(),
                Set.of(), true, List.of(), Scaling.NONE));
        assertArrayEquals(new double[] {5, 0, -3.25, Math.log1p(1), 2, Math.log1p(2), 0, Math.log1p(3)}, all.unscaled(), 0);
        assertTrue(all.warnings().contains("log1p skipped on PROFIT: its minimum is -3.25, and log1p needs values above -1."),
                all.warnings().toString());
    }

    @Test
    void oneHotInDictionaryOrderWithMissingAsZeros() throws PrepException {
        DataTable t = table(numeric("X", 1, 2, 3, 4), categorical("REGION", "South", "North", null, "South"));
        PreparedData p = Preparer.prepare(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(),
                Set.of(), false, List.of("REGION"), Scaling.NONE));
        assertEquals(List.of("X", "REGION=South", "REGION=North"), p.featureNames());
        assertArrayEquals(new double[] {1, 1, 0, 2, 0, 1, 3, 0, 0, 4, 1, 0}, p.unscaled(), 0);
        assertTrue(p.warnings().contains("REGION: 1 missing (25.0%) encoded as all zeros."), p.warnings().toString());
        String m = prepError(t, options(List.of(), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false,
                List.of("X"), Scaling.NONE));
        assertTrue(m.contains("X is numeric"), m);
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() throws PrepException {
        DataTable t = table(numeric("A", 2, 4, 4, 4, 5, 5, 7, 9)); // mean 5, population sd 2
        PreparedData p = Preparer.prepare(t, scaling(Scaling.ZSCORE));
        assertArrayEquals(new double[] {-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2}, p.scaled(), 1e-15);
        assertArrayEquals(new double[] {5}, p.center(), 0);
        assertArrayEquals(new double[] {2}, p.scale(), 0);
    }

    @Test
    void aLargeTableIsPreparedInBlocksOfRowsHoldingTheSameValues() throws PrepException {
        // 70,001 rows x 20 features: blocks of 32,768 rows (5.2 MB), the last one partial, and never one
        // 11 MB array; every value is still (x - centre) / scale of its own row.
        int n = 70_001;
        int d = 20;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        org.segmentlab.data.Column[] cols = new org.segmentlab.data.Column[d];
        double[][] raw = new double[d][n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                raw[j][i] = rnd.nextGaussian() * (j + 1) + j;
            }
            cols[j] = numeric("F" + j, raw[j]);
        }
        PreparedData p = Preparer.prepare(table(cols), scaling(Scaling.ZSCORE));
        org.segmentlab.data.Matrix m = p.scaledMatrix();
        assertEquals(3, m.blockCount());
        assertEquals(32_768, m.rowsPerBlock());
        double[] c = p.center();
        double[] s = p.scale();
        for (int i : new int[] {0, 511, 512, 32_767, 32_768, 65_535, 65_536, 70_000}) {
            for (int j = 0; j < d; j++) {
                assertEquals((raw[j][i] - c[j]) / s[j], m.get(i, j), 0.0, "row " + i + " feature " + j);
            }
        }
        double[] flat = p.scaled();
        assertEquals((long) n * d, flat.length);
        for (int i = 0; i < n; i += 997) {
            for (int j = 0; j < d; j++) {
                assertEquals(flat[i * d + j], m.get(i, j), 0.0, "the flat copy holds row " + i + " in place");
            }
        }
        assertArrayEquals(raw[7], p.unscaledColumn(7), 1e-9);
    }

    @Test
    void minMaxScaling() throws PrepException {
        PreparedData p = Preparer.prepare(table(numeric("A", 10, 20, 15, 30)), scaling(Scaling.MINMAX));
        assertArrayEquals(new double[] {0, 0.5, 0.25, 1}, p.scaled(), 1e-15);
    }

    @Test
    void robustScalingUsesMedianAndLinearInterpolatedQuartiles() throws PrepException {
        // numpy: percentile([1,2,3,4,10], [25,50,75]) = 2, 3, 4 -> IQR 2.
        PreparedData p = Preparer.prepare(table(numeric("A", 1, 2, 3, 4, 10)), scaling(Scaling.ROBUST));
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 3.5}, p.scaled(), 1e-15);
        // Six values: quartiles at positions 1.25 and 3.75: 2.25 and 4.75, median 3.5.
        PreparedData q = Preparer.prepare(table(numeric("A", 1, 2, 3, 4, 5, 6)), scaling(Scaling.ROBUST));
        assertArrayEquals(new double[] {3.5}, q.center(), 0);
        assertArrayEquals(new double[] {2.5}, q.scale(), 1e-15);
    }

    @Test
    void robustScalingFallsBackToTheStandardDeviationWhenTheIqrIsZero() throws PrepException {
        PreparedData p = Preparer.prepare(table(numeric("A", 0, 0, 0, 0, 0, 6)), scaling(Scaling.ROBUST));
        assertEquals(Math.sqrt(5.0), p.scale()[0], 1e-15); // population sd of {0,0,0,0,0,6}
        assertTrue(p.warnings().get(0).contains("interquartile range of 0"), p.warnings().toString());
    }

    @Test
    void noScaling() throws PrepException {
        PreparedData p = Preparer.prepare(table(numeric("A", 10, 20)), scaling(Scaling.NONE));
        assertArrayEquals(new double[] {10, 20}, p.scaled(), 0);
    }

    @Test
    void constantColumnIsReportedAndLeftOutNeverNaN() throws PrepException {
        for (Scaling s : Scaling.values()) {
            DataTable t = table(numeric("A", 1, 2, 3), numeric("FLAT", 4, 4, NaN));
            PreparedData p = Preparer.prepare(t, scaling(s));
            assertEquals(List.of("A"), p.featureNames(), s.name());
            assertEquals(List.of("FLAT"), p.droppedConstant());
            assertTrue(p.warnings().contains("FLAT is constant (every value 4) in the rows clustered: left out."),
                    p.warnings().toString());
            for (double v : p.scaled()) {
                assertFalse(Double.isNaN(v));
            }
        }
    }

    @Test
    void noFeaturesLeftSaysWhatToDo() {
        String m = prepError(table(numeric("FLAT", 1, 1, 1)), PrepOptions.defaults());
        assertTrue(m.startsWith("No features left to cluster on: every chosen feature is constant or empty (FLAT)."), m);
        String none = prepError(table(text("ID", ColumnType.IDENTIFIER, "a", "b")), PrepOptions.defaults());
        assertTrue(none.startsWith("No features left to cluster on") && none.contains("Choose features explicitly"), none);
    }

    @Test
    void shiftingAndScalingAColumnDoesNotChangeZScoredResults() throws PrepException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = 500;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() * 100;
            b[i] = i % 17 == 0 ? NaN : rnd.nextGaussian();
        }
        double[] a2 = new double[n];
        double[] b2 = new double[n];
        for (int i = 0; i < n; i++) {
            a2[i] = 3.7 * a[i] - 1234.5;
            b2[i] = 0.01 * b[i] + 1e4;
        }
        PreparedData p = Preparer.prepare(table(numeric("A", a), numeric("B", b)), PrepOptions.defaults());
        PreparedData q = Preparer.prepare(table(numeric("A", a2), numeric("B", b2)), PrepOptions.defaults());
        assertArrayEquals(p.scaled(), q.scaled(), 1e-9);
        for (Scaling s : List.of(Scaling.MINMAX, Scaling.ROBUST)) {
            assertArrayEquals(Preparer.prepare(table(numeric("A", a), numeric("B", b)), scaling(s)).scaled(),
                    Preparer.prepare(table(numeric("A", a2), numeric("B", b2)), scaling(s)).scaled(), 1e-9, s.name());
        }
    }

    @Test
    void tableArraysAreNeverModified() throws PrepException {
        DataTable t = table(numeric("A", 1, NaN, 3, 9), numeric("B", 0, 1, 2, 3), categorical("C", "x", "y", null, "x"));
        double[] a = t.column("A").orElseThrow().numbers();
        double[] b = t.column("B").orElseThrow().numbers();
        int[] c = t.column("C").orElseThrow().codes();
        Preparer.prepare(t, options(List.of(), List.of(), List.of(DerivedColumn.parse("D = A")), ImputeStrategy.MEAN,
                Map.of(), Set.of("A", "B"), false, List.of("C"), Scaling.ZSCORE));
        assertArrayEquals(a, t.column("A").orElseThrow().numbersView(), 0);
        assertArrayEquals(b, t.column("B").orElseThrow().numbersView(), 0);
        assertArrayEquals(c, t.column("C").orElseThrow().codesView());
    }

    @Test
    void fittedPreparationReproducesTheTrainingRows() throws PrepException {
        DataTable t = table(
                text("ID", ColumnType.IDENTIFIER, "a", "b", "c", "d", "e", "f"),
                numeric("A", 1, NaN, 3, 9, 4, 2),
                numeric("B", 0, 1, NaN, 3, 7, 1),
                categorical("C", "x", "y", null, "x", "z", "y"));
        PrepOptions o = options(List.of(), List.of(), List.of(DerivedColumn.parse("D = log1p(A) * B")),
                ImputeStrategy.MEDIAN, Map.of("B", Imputation.of(ImputeStrategy.DROP)), Set.of("A"), false,
                List.of("C"), Scaling.ROBUST);
        PreparedData p = Preparer.prepare(t, o);
        assertEquals(List.of("A", "B", "C=x", "C=y", "C=z", "D"), p.featureNames());
        FittedPreparation f = p.fitted();
        double[] scaled = p.scaled();
        int[] rows = p.sourceRows();
        for (int r = 0; r < p.rows(); r++) {
            double[] x = f.transformRow(t, rows[r]);
            for (int j = 0; j < p.cols(); j++) {
                assertEquals(scaled[r * p.cols() + j], x[j], 1e-12, "row " + rows[r] + " feature " + j);
            }
        }
        assertEquals(null, f.transformRow(t, 2), "row 2 lacks B, whose rows were dropped");
        // A new customer given as text, with A missing: A takes the training median.
        double[] fresh = f.transform(Map.of("A", "", "B", "2", "C", "z"));
        double medianA = p.imputedValues().get("A");
        FittedPreparation.Feature fa = f.features().get(0);
        assertEquals((Math.log1p(medianA) - fa.center()) / fa.scale(), fresh[0], 1e-12);
        assertEquals(List.of("A", "B", "C"), f.inputColumns());
    }

    @Test
    void fittedPreparationReproducesTheCreditCardRows() throws Exception {
        DataTable cc = TestTables.creditCard();
        PrepOptions o = options(List.of(), List.of("TENURE"),
                List.of(DerivedColumn.parse("PAY_RATIO = PAYMENTS / MINIMUM_PAYMENTS"),
                        DerivedColumn.parse("LOG_LIMIT = log(CREDIT_LIMIT)")),
                ImputeStrategy.MEDIAN, Map.of("CREDIT_LIMIT", Imputation.of(ImputeStrategy.DROP)),
                Set.of("PURCHASES", "PAY_RATIO"), false, List.of(), Scaling.ZSCORE);
        PreparedData p = Preparer.prepare(cc, o);
        assertEquals(8949, p.rows(), "the row without CREDIT_LIMIT is dropped");
        assertEquals(18, p.cols());
        FittedPreparation f = p.fitted();
        int[] rows = p.sourceRows();
        double[] scaled = p.scaled();
        for (int r = 0; r < p.rows(); r += 7) {
            double[] x = f.transformRow(cc, rows[r]);
            for (int j = 0; j < p.cols(); j++) {
                assertEquals(scaled[r * p.cols() + j], x[j], 1e-12);
            }
        }
    }

    @Test
    void oneHotColumnsJoinAnExplicitFeatureList() throws PrepException {
        DataTable t = table(numeric("X", 1, 2, 3), numeric("Y", 3, 1, 2), categorical("C", "a", "b", "a"));
        PreparedData p = Preparer.prepare(t, options(List.of("Y"), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(),
                Set.of(), false, List.of("C"), Scaling.NONE));
        assertEquals(List.of("Y", "C=a", "C=b"), p.featureNames());
    }

    @Test
    void standardScalerParityOnTheCreditCardSample() throws Exception {
        DataTable cc = TestTables.creditCard();
        com.fasterxml.jackson.databind.JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(PreparerTest.class.getResource("/prep/cc_general_standard_scaler.json"));
        PreparedData p = Preparer.prepare(cc, PrepOptions.defaults());
        assertEquals(17, p.cols());
        assertEquals(8950, p.rows());
        for (int j = 0; j < 17; j++) {
            assertEquals(ref.get("columns").get(j).asText(), p.featureNames().get(j));
            assertRel(ref.get("mean").get(j).asDouble(), p.center()[j], 1e-12);
            assertRel(ref.get("scale").get(j).asDouble(), p.scale()[j], 1e-12);
        }
        assertRel(ref.get("fill_mean").get(14).asDouble(), p.imputedValues().get("MINIMUM_PAYMENTS"), 1e-12);
        for (int k = 0; k < ref.get("rows").size(); k++) {
            int r = ref.get("rows").get(k).asInt();
            for (int j = 0; j < 17; j++) {
                double expected = ref.get("scaled_rows").get(k).get(j).asDouble();
                assertEquals(expected, p.scaledMatrix().get(r, j), 1e-12 * Math.max(1, Math.abs(expected)));
            }
        }
        PreparedData robust = Preparer.prepare(cc, scaling(Scaling.ROBUST));
        for (int j = 0; j < 16; j++) { // TENURE's IQR is 0: scikit-learn then divides by 1, we by the sd
            assertRel(ref.get("robust_center").get(j).asDouble(), robust.center()[j], 1e-12);
            assertRel(ref.get("robust_scale").get(j).asDouble(), robust.scale()[j], 1e-12);
        }
    }

    static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.max(Math.abs(expected), 1e-300), "expected " + expected);
    }
}
