package org.segmentlab.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

class ClusterModelTest {

    @TempDir
    Path dir;

    @Test
    void reproducesEveryTrainingLabelOfTheCreditCardData() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(List.of("A", "B", "C", "D"));
        int[] expected = f.labelsByTableRow();
        int[] src = f.prepared().sourceRows();
        int checked = 0;
        for (int r = 0; r < src.length; r++) {
            ClusterModel.Assignment a = m.assign(ModelFixtures.rawRow(f.table(), src[r]));
            assertEquals(expected[src[r]], a.cluster(), "row " + src[r]);
            assertEquals(List.of("A", "B", "C", "D").get(a.cluster()), a.segment());
            assertNull(a.problem());
            assertEquals(f.pca().score(r, 0), a.pcaScores()[0], 1e-9);
            assertEquals(f.pca().score(r, 1), a.pcaScores()[1], 1e-9);
            checked++;
        }
        assertEquals(8949, checked); // one row lacks CREDIT_LIMIT and was dropped
        // Every cluster is used, so the test is not passing on a trivial partition.
        for (int s : f.fit().sizes()) {
            assertTrue(s > 100, "cluster sizes " + java.util.Arrays.toString(f.fit().sizes()));
        }
    }

    /** With the project's k-means (bounds, chunked sums, renumbering by size): every label reproduced. */
    @Test
    void reproducesTheLabelsOfTheRealKMeans() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        PreparedData p = f.prepared();
        KMeansResult fit = KMeans.fit(p.scaledMatrix(), KMeansOptions.of(6, 42),
                ProgressListener.NONE, CancellationToken.NONE);
        ClusterModel m = ClusterModel.of(p, fit, null, null);
        int[] labels = fit.labels();
        int[] src = p.sourceRows();
        for (int r = 0; r < src.length; r++) {
            assertEquals(labels[r], m.assign(ModelFixtures.rawRow(f.table(), src[r])).cluster(), "row " + src[r]);
        }
    }

    @Test
    void theDroppedRowIsRefusedWithTheReason() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(null);
        int dropped = -1;
        for (int r = 0; r < f.table().rowCount(); r++) {
            if (f.labelsByTableRow()[r] < 0) {
                dropped = r;
            }
        }
        ClusterModel.Assignment a = m.assign(ModelFixtures.rawRow(f.table(), dropped));
        assertEquals(-1, a.cluster());
        assertNull(a.segment());
        assertEquals("CREDIT_LIMIT is missing and rows missing it were dropped in training", a.problem());
        assertEquals(0, a.distances().length);
        Map<String, Object> text = new HashMap<>(ModelFixtures.rawRow(f.table(), 0));
        text.put("CREDIT_LIMIT", "lots");
        assertEquals("CREDIT_LIMIT is 'lots', not a number, and rows missing it were dropped in training",
                m.assign(text).problem());
        assertEquals("Cluster 2", m.segmentName(2));
    }

    @Test
    void reproducesLabelsWithOneHotDerivedAndLog1p() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        ClusterModel m = f.model(List.of("x", "y", "z"));
        assertTrue(m.featureNames().contains("REGION=North"), m.featureNames().toString());
        assertEquals(List.of("INCOME", "VISITS", "SPEND", "REGION"), m.inputColumns().stream().sorted(
                (a, b) -> List.of("INCOME", "VISITS", "SPEND", "REGION").indexOf(a)
                        - List.of("INCOME", "VISITS", "SPEND", "REGION").indexOf(b)).toList());
        int[] expected = f.labelsByTableRow();
        for (int r = 0; r < f.table().rowCount(); r++) {
            assertEquals(expected[r], m.assign(ModelFixtures.rawRow(f.table(), r)).cluster(), "row " + r);
        }
    }

    @Test
    void nearestCentroidWithTiesToTheLowerNumberAndDistancesInScaledSpace() {
        FittedPreparation p = FittedPreparation.scalingOnly(List.of("a", "b"), new double[] {10, 0},
                new double[] {2, 1});
        ClusterModel m = new ClusterModel(p, 3, new double[] {1, 0, -1, 0, 0, 5}, List.of("one", "two", "three"),
                0, null, null, Instant.EPOCH);
        // a = 10 scales to 0: equally far (1) from clusters 0 and 1; the lower number wins.
        ClusterModel.Assignment a = m.assign(Map.of("a", 10.0, "b", 0.0));
        assertEquals(0, a.cluster());
        assertArrayEquals(new double[] {1, 1, 5}, a.distances(), 0);
        assertEquals(1.0, a.distance());
        assertEquals(0, a.pcaScores().length);
        // Text cells are parsed: a = "8" scales to -1, on centroid 1.
        assertEquals(1, m.assign(Map.of("a", "8", "b", "0")).cluster());
        assertEquals("a is missing and rows missing it were dropped in training", m.assign(Map.of("b", 1)).problem());
    }

    @Test
    void refusesInconsistentShapes() {
        FittedPreparation p = FittedPreparation.scalingOnly(List.of("a"), new double[] {0}, new double[] {1});
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterModel(p, 2, new double[] {1}, null, 0, null, null, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterModel(p, 1, new double[] {Double.NaN}, null, 0, null, null, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterModel(p, 1, new double[] {1}, List.of("a", "b"), 0, null, null, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterModel(p, 1, new double[] {1}, null, 1, new double[] {0, 0}, new double[] {1},
                        Instant.EPOCH));
    }

    @Test
    void modelIsImmutable() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        ClusterModel m = f.model(null);
        double[] c = m.centroids();
        c[0] = 1e9;
        assertEquals(f.fit().centroids()[0], m.centroids()[0]);
        ClusterModel.Assignment a = m.assign(ModelFixtures.rawRow(f.table(), 0));
        a.distances()[0] = -1;
        assertTrue(a.distances()[0] >= 0);
    }
}
