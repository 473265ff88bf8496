package org.segmentlab.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segmentlab.prep.TestTables.numeric;
import static org.segmentlab.prep.TestTables.table;
import static org.segmentlab.prep.TestTables.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepException;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.prep.Scaling;

class ProfilesTest {

    private static final double NaN = Double.NaN;

    /** Three low-income and three high-income customers; the last row lacks INCOME and is dropped. */
    private static DataTable customers() {
        return table(
                text("ID", ColumnType.IDENTIFIER, "a", "b", "c", "d", "e", "f", "g"),
                numeric("INCOME", 10, 12, 14, 100, 110, 120, NaN),
                numeric("SPEND", 1, 2, 3, 1, 2, 3, 9),
                numeric("AGE", 20, 30, NaN, 40, 50, 60, 70));
    }

    private static PreparedData prepare(Scaling scaling) throws PrepException {
        return Preparer.prepare(customers(), new PrepOptions(List.of(), List.of("AGE"),
                List.of(DerivedColumn.parse("R = INCOME / SPEND")), ImputeStrategy.MEAN,
                Map.of("INCOME", Imputation.of(ImputeStrategy.DROP)), Set.of(), false, List.of(), scaling));
    }

    @Test
    void sizesMeansCentroidsAndTraits() throws PrepException {
        PreparedData p = prepare(Scaling.ZSCORE);
        assertEquals(List.of("INCOME", "SPEND", "R"), p.featureNames());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, p.sourceRows());
        int[] labels = {0, 0, 0, 1, 1, 1};
        double[] centroids = {-1, 0, -0.5, 1, 0, 0.5};
        List<ClusterProfile> profiles = Profiles.compute(customers(), p, labels, 2, centroids);

        ClusterProfile low = profiles.get(0);
        ClusterProfile high = profiles.get(1);
        assertEquals(3, low.size());
        assertEquals(0.5, high.share());
        // Raw means of every numeric column, used or not, missing cells ignored, then derived columns.
        assertEquals(List.of("INCOME", "SPEND", "AGE", "R"), List.copyOf(low.means().keySet()));
        assertEquals(12.0, low.means().get("INCOME"));
        assertEquals(110.0, high.means().get("INCOME"));
        assertEquals(2.0, high.means().get("SPEND"));
        assertEquals(25.0, low.means().get("AGE"), "AGE is not a feature; its missing cell is ignored");
        assertEquals(50.0, high.means().get("AGE"), "row g (AGE 70) was dropped");
        assertEquals((10 + 6 + 14.0 / 3) / 3, low.means().get("R"), 1e-12);
        assertEquals(Map.of("INCOME", 1.0, "SPEND", 0.0, "R", 0.5), high.centroidScaled());

        // INCOME: population mean 61, population sd sqrt(mean of squared deviations).
        double sd = Math.sqrt((51 * 51 + 49 * 49 + 47 * 47 + 39 * 39 + 49 * 49 + 59 * 59) / 6.0);
        ClusterProfile.Trait income = high.distinguishing().get(0);
        assertEquals("INCOME", income.feature());
        assertEquals((110 - 61) / sd, income.z(), 1e-12);
        assertEquals(110.0, income.clusterMean(), 1e-12);
        assertEquals(61.0, income.populationMean(), 1e-12);
        assertEquals(-(61 - 12) / sd, low.trait("INCOME").z(), 1e-12);
        assertEquals(List.of("INCOME", "R", "SPEND"), high.distinguishing().stream().map(ClusterProfile.Trait::feature).toList());
        assertEquals(0.0, high.trait("SPEND").z(), 1e-12, "SPEND is the same in both clusters");
    }

    @Test
    void traitsReadTheSameWhateverTheScaling() throws PrepException {
        int[] labels = {0, 1, 0, 1, 1, 0};
        List<ClusterProfile> z = Profiles.compute(customers(), prepare(Scaling.ZSCORE), labels, 2, new double[6]);
        for (Scaling s : List.of(Scaling.MINMAX, Scaling.ROBUST, Scaling.NONE)) {
            List<ClusterProfile> other = Profiles.compute(customers(), prepare(s), labels, 2, new double[6]);
            for (int c = 0; c < 2; c++) {
                for (int t = 0; t < 3; t++) {
                    assertEquals(z.get(c).distinguishing().get(t).feature(), other.get(c).distinguishing().get(t).feature());
                    assertEquals(z.get(c).distinguishing().get(t).z(), other.get(c).distinguishing().get(t).z(), 1e-12);
                }
            }
        }
    }

    @Test
    void emptyClusterHasNaNMeansAndTraitsLast() throws PrepException {
        List<ClusterProfile> profiles = Profiles.compute(customers(), prepare(Scaling.ZSCORE), new int[] {0, 0, 0, 1, 1, 1}, 3,
                new double[9]);
        assertEquals(0, profiles.get(2).size());
        assertTrue(Double.isNaN(profiles.get(2).means().get("INCOME")));
        assertEquals(3, profiles.get(2).distinguishing().size());
    }

    @Test
    void mismatchedInputsAreRefused() throws PrepException {
        PreparedData p = prepare(Scaling.ZSCORE);
        assertThrows(IllegalArgumentException.class, () -> Profiles.compute(customers(), p, new int[5], 2, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> Profiles.compute(customers(), p, new int[] {0, 0, 0, 1, 1, 2}, 2,
                new double[6]));
        assertThrows(IllegalArgumentException.class, () -> Profiles.compute(customers(), p, new int[6], 2, new double[5]));
    }
}
