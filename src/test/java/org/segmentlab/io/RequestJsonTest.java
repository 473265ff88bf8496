package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;

class RequestJsonTest {

    private static AnalysisRequest everySettingChanged() {
        PrepOptions prep = new PrepOptions(List.of("BALANCE", "RATIO"), List.of(),
                List.of(new DerivedColumn("RATIO", "PURCHASES / (`CASH ADVANCE` + 1)")), ImputeStrategy.MEDIAN,
                Map.of("CREDIT_LIMIT", Imputation.constant(1500), "TENURE", Imputation.of(ImputeStrategy.MODE)),
                Set.of("BALANCE"), false, List.of("REGION"), Scaling.ROBUST);
        return new AnalysisRequest(prep, 2, 8, 5, 7, 150, 1e-5, -123456789012L, 1, SilhouetteMode.sample(3000), 3);
    }

    @Test
    void everySettingSurvivesTheRoundTrip() throws Exception {
        AnalysisRequest r = everySettingChanged();
        String text = JsonSupport.mapper().writeValueAsString(RequestJson.toJson(r));
        AnalysisRequest back = RequestJson.fromJson(JsonSupport.mapper().readTree(text));
        assertEquals(r, back);
        assertEquals(AnalysisRequest.defaults(), RequestJson.fromJson(RequestJson.toJson(AnalysisRequest.defaults())));
    }

    @Test
    void fieldsFromANewerVersionAreIgnored() {
        ObjectNode o = RequestJson.toJson(everySettingChanged());
        o.put("gpu", true);
        ((ObjectNode) o.get("preparation")).putObject("outlier_filter").put("method", "iqr");
        assertEquals(everySettingChanged(), RequestJson.fromJson(o));
    }

    @Test
    void aMissingOrBrokenSettingIsNamed() {
        ObjectNode o = RequestJson.toJson(everySettingChanged());
        o.remove("k_max");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestJson.fromJson(o));
        assertTrue(e.getMessage().contains("k_max"), e.getMessage());
        ObjectNode bad = RequestJson.toJson(everySettingChanged());
        bad.put("seed", "forty-two");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RequestJson.fromJson(bad)).getMessage()
                .contains("seed"));
    }
}
