package org.segmentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.testdata.CreditCardFixture;
import org.segmentlab.testdata.Golden;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scores stored labellings (SegmentLab's own k = 2..10 fits, frozen in golden/*_labels.csv.gz) with our
 * metrics and compares them with scikit-learn's scoring of the same labels (golden/*_sklearn_scores.json).
 */
class ScoresGoldenTest {

    @ParameterizedTest
    @CsvSource({"cc_general_segmentlab_seed42, samples/cc_general.csv, ''",
        "seed003_segmentlab_seed42, src/test/resources/golden/seed003_simulated_credit_card_segmentation_data.csv, CustomerID;Response_to_Offers"})
    void silhouetteCalinskiHarabaszAndDaviesBouldinMatchScikitLearn(String name, String csv, String drop) {
        CreditCardFixture data = CreditCardFixture.read(Path.of(csv),
                drop.isEmpty() ? Set.of() : Set.of(drop.split(";")));
        int[][] labels = Golden.labels(name + "_labels.csv.gz");
        JsonNode ref = Golden.json(name + "_labels_sklearn_scores.json").get("labellings");
        int[] ks = new int[labels.length];
        for (int l = 0; l < labels.length; l++) {
            ks[l] = ref.get(l).get("k").asInt();
        }
        double[][] sil = Silhouette.samplesForSweep(data.x, data.n, data.d, Silhouette.allRows(data.n), labels, ks, 2,
                CancellationToken.NONE);
        for (int l = 0; l < labels.length; l++) {
            JsonNode r = ref.get(l);
            String at = name + " k = " + ks[l];
            assertEquals(r.get("silhouette").asDouble(), Silhouette.mean(sil[l]), 1e-9 * Math.abs(r.get("silhouette").asDouble()), at);
            double ch = ClusterScores.calinskiHarabasz(data.x, data.n, data.d, labels[l], ks[l]);
            assertEquals(r.get("calinski_harabasz").asDouble(), ch, 1e-9 * ch, at);
            double db = ClusterScores.daviesBouldin(data.x, data.n, data.d, labels[l], ks[l]);
            assertEquals(r.get("davies_bouldin").asDouble(), db, 1e-9 * db, at);
        }
    }
}
