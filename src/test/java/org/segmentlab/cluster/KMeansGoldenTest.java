package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;
import org.segmentlab.testdata.Golden;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Our inertias against scikit-learn 1.2.1 with the same settings (n_init 10, seed 42; the random
 * streams differ, so the local optima may too). The bar is one-sided: at most 2% above scikit-learn's
 * per k and 0.2% above its sum, and never below the best of 300 restarts (a near-global optimum), since
 * landing lower than scikit-learn is better, not wrong.
 */
class KMeansGoldenTest {

    private static double[] ours;
    private static KMeansResult k4;

    @BeforeAll
    static void sweep() {
        CreditCardFixture cc = CreditCardFixture.load();
        ours = new double[11];
        for (int k = 1; k <= 10; k++) {
            KMeansResult r = KMeans.fit(cc.x, cc.n, cc.d, new KMeansOptions(k, 10, 300, 1e-4, 42, 2),
                    ProgressListener.NONE, CancellationToken.NONE);
            ours[k] = r.inertia();
            if (k == 4) {
                k4 = r;
            }
        }
    }

    private static double[] inertias(JsonNode g) {
        double[] v = new double[11];
        for (JsonNode e : g.get("sweep")) {
            v[e.get("k").asInt()] = e.get("inertia").asDouble();
        }
        return v;
    }

    @Test
    void inertiaPerKIsWithinTwoPercentOfScikitLearn() {
        double[] sk = inertias(Golden.json("cc_general_sklearn_seed42.json"));
        double[] best = inertias(Golden.json("cc_general_sklearn_ninit300_seed7.json"));
        double sumOurs = 0;
        double sumSk = 0;
        double sumBest = 0;
        for (int k = 1; k <= 10; k++) {
            assertTrue(ours[k] <= sk[k] * 1.02, "k = " + k + ": " + ours[k] + " vs scikit-learn " + sk[k]);
            assertTrue(ours[k] >= best[k] * (1 - 1e-9), "k = " + k + ": " + ours[k] + " below the best known " + best[k]);
            sumOurs += ours[k];
            sumSk += sk[k];
            sumBest += best[k];
        }
        assertTrue(sumOurs <= sumSk * 1.002, "sum " + sumOurs + " vs scikit-learn " + sumSk);
        assertTrue(sumOurs >= sumBest * (1 - 1e-9));
        // k = 1 is deterministic: the total sum of squares of standardized data, n x d
        assertEquals(8950.0 * 17, ours[1], 1e-6);
    }

    @Test
    void fourSegmentsHaveTheSizesScikitLearnFinds() {
        int[] sizes = k4.sizes();
        int[] expected = {3976, 3367, 1198, 409};
        for (int c = 0; c < 4; c++) {
            assertTrue(Math.abs(sizes[c] - expected[c]) <= 10, Arrays.toString(sizes));
        }
    }

    @Test
    void simulatedSeed003DataIsWithinTwoPercentToo() {
        CreditCardFixture s3 = CreditCardFixture.read(
                Path.of("src/test/resources/golden/seed003_simulated_credit_card_segmentation_data.csv"),
                Set.of("CustomerID", "Response_to_Offers"));
        assertEquals(8, s3.d);
        double[] sk = inertias(Golden.json("seed003_sklearn_seed42.json"));
        for (int k = 1; k <= 10; k++) {
            double v = KMeans.fit(s3.x, s3.n, s3.d, new KMeansOptions(k, 10, 300, 1e-4, 42, 2),
                    ProgressListener.NONE, CancellationToken.NONE).inertia();
            assertTrue(v <= sk[k] * 1.02, "k = " + k + ": " + v + " vs scikit-learn " + sk[k]);
        }
    }
}
