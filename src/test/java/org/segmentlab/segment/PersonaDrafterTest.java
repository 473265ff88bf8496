package org.segmentlab.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

class PersonaDrafterTest {

    private static ClusterProfile profile(int id, int size, double share, Object... featureZ) {
        List<ClusterProfile.Trait> traits = new ArrayList<>();
        for (int i = 0; i < featureZ.length; i += 2) {
            double z = (Double) featureZ[i + 1];
            traits.add(new ClusterProfile.Trait((String) featureZ[i], z, 100 + 50 * z, 100));
        }
        traits.sort(Comparator.comparingDouble((ClusterProfile.Trait t) -> Math.abs(t.z())).reversed());
        return new ClusterProfile(id, size, share, Map.of(), Map.of(), traits);
    }

    @Test
    void creditCardDataAtFourClustersGetsFourDistinctFittingNames() throws Exception {
        AnalysisResult r = Pipeline.run(new CsvLoader().load(Path.of("samples/cc_general.csv")),
                AnalysisRequest.defaults().withKRange(4, 4), ProgressListener.NONE, CancellationToken.NONE);
        List<ClusterProfile> profiles = r.profiles();
        List<Persona> personas = PersonaDrafter.draft(profiles);
        assertEquals(4, personas.size());
        assertEquals(4, new HashSet<>(personas.stream().map(Persona::name).toList()).size(), personas.toString());

        // The cluster that draws the most cash is named for it; the biggest purchasers for theirs.
        int cash = argMaxZ(profiles, "CASH_ADVANCE");
        assertEquals("Cash Advance Users", personas.get(cash).name(), personas.toString());
        int buyers = argMaxZ(profiles, "PURCHASES");
        assertTrue(List.of("High-Value Transactors", "One-Off Purchasers", "Instalment Purchasers")
                .contains(personas.get(buyers).name()), personas.get(buyers).toString());
        // the largest cluster buys least often: it gets a usable name, not a column-name fallback
        int rarest = argMinZ(profiles, "PURCHASES_FREQUENCY");
        assertEquals("Light Users", personas.get(rarest).name(), personas.toString());
        List<String> ruleNames = PersonaDrafter.CREDIT_CARD_RULES.stream().map(PersonaDrafter.Rule::name).toList();
        for (Persona p : personas) {
            assertTrue(ruleNames.contains(p.name()), "a marketing name for every credit-card cluster: " + p.name());
            assertFalse(p.basis().isEmpty(), "every draft shows the traits behind it");
            assertFalse(p.strategies().isEmpty());
            assertTrue(p.description().contains("customers"), p.description());
        }
    }

    private static int argMaxZ(List<ClusterProfile> profiles, String feature) {
        int best = -1;
        double bestZ = Double.NEGATIVE_INFINITY;
        for (ClusterProfile p : profiles) {
            for (ClusterProfile.Trait t : p.distinguishing()) {
                if (t.feature().equals(feature) && t.z() > bestZ) {
                    bestZ = t.z();
                    best = p.id();
                }
            }
        }
        return best;
    }

    private static int argMinZ(List<ClusterProfile> profiles, String feature) {
        int best = -1;
        double bestZ = Double.POSITIVE_INFINITY;
        for (ClusterProfile p : profiles) {
            ClusterProfile.Trait t = p.trait(feature);
            if (t != null && t.z() < bestZ) {
                bestZ = t.z();
                best = p.id();
            }
        }
        return best;
    }

    @Test
    void aClearerPatternBeatsAWeakOneForTheSameCluster() {
        // frequent instalment buyers with a slightly higher full-payment share: "Everyday Spenders" explains
        // their strongest traits, "Full Payers" only a weak one
        List<Persona> ps = PersonaDrafter.draft(List.of(profile(0, 100, 1.0, "PURCHASES_FREQUENCY", 1.0,
                "PURCHASES_INSTALLMENTS_FREQUENCY", 0.9, "CASH_ADVANCE_FREQUENCY", -0.5, "PRC_FULL_PAYMENT", 0.4,
                "BALANCE", -0.3)));
        assertEquals("Everyday Spenders", ps.get(0).name());
    }

    @Test
    void twoClustersMatchingTheSameRuleDoNotShareItsName() {
        List<Persona> ps = PersonaDrafter.draft(List.of(
                profile(0, 50, 0.5, "CASH_ADVANCE", 2.0, "CASH_ADVANCE_FREQUENCY", 2.0, "PURCHASES", -0.5),
                profile(1, 50, 0.5, "CASH_ADVANCE", 1.0, "CASH_ADVANCE_FREQUENCY", 1.2, "PURCHASES", -0.4)));
        assertEquals("Cash Advance Users", ps.get(0).name());
        assertFalse(ps.get(1).name().equals("Cash Advance Users"));
    }

    @Test
    void otherDataFallsBackToColumnNames() {
        List<Persona> ps = PersonaDrafter.draft(List.of(
                profile(0, 70, 0.7, "Age", 1.4, "Annual_Income", -0.9, "Tenure_Years", 0.1),
                profile(1, 30, 0.3, "Age", 1.4, "Annual_Income", -0.9, "Tenure_Years", 0.1),
                profile(2, 10, 0.1, "Age", 0.01, "Annual_Income", 0.02)));
        assertEquals("High Age, low Annual_Income", ps.get(0).name());
        assertEquals("High Age, low Annual_Income (2)", ps.get(1).name());
        assertEquals("Typical Customers", ps.get(2).name());
        assertTrue(ps.get(0).basis().get(0).startsWith("Age: "), ps.get(0).basis().toString());
    }

    @Test
    void descriptionsSpeakInRawUnits() {
        ClusterProfile.Trait t = new ClusterProfile.Trait("PRC_FULL_PAYMENT", 1.5, 0.45, 0.15);
        assertEquals("share of months paid in full is 3.0x the average (0.45 vs 0.15)", PersonaDrafter.relative(t));
        ClusterProfile.Trait low = new ClusterProfile.Trait("PURCHASES", -0.6, 250, 1003.2);
        assertEquals("purchase amount is 25% of the average (250 vs 1,000)", PersonaDrafter.relative(low));
        // a column the drafter has no words for keeps its name
        ClusterProfile.Trait other = new ClusterProfile.Trait("Annual_Income", 0.7, 61_500, 52_000);
        assertEquals("Annual_Income is above average (61,500 vs 52,000)", PersonaDrafter.relative(other));
    }
}
