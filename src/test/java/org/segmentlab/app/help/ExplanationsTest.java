package org.segmentlab.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The help catalogue: complete for every measure the app shows, every entry readable, ids used in the code all
 * present, search, and the worked examples' figures true to the data (scikit-learn's golden figures in
 * {@code src/test/resources/golden/}, the bundled {@code samples/cc_general.csv}).
 */
class ExplanationsTest {

    /** Every measure or preparation step the app shows a number or choice for, by catalogue id. */
    static final Set<String> MEASURES_SHOWN = Set.of("inertia", "elbow", "knee", "silhouette", "silhouette-per-customer",
            "calinski-harabasz", "davies-bouldin", "pca-explained-variance", "pca-loadings", "profile-heatmap",
            "scaling", "zscore", "minmax", "robust", "log1p", "imputation");

    private final Explanations catalogue = Explanations.catalogue();

    @Test
    void everyMeasureTheAppShowsHasAnEntry() {
        Set<String> missing = new TreeSet<>(MEASURES_SHOWN);
        missing.removeIf(catalogue::contains);
        assertTrue(missing.isEmpty(), "no explanation for " + missing);
    }

    @Test
    void everyIdTheCodeAsksForIsInTheCatalogue() throws IOException {
        // The views and view models name entries by string; a typo would only fail when that view is built.
        List<Pattern> calls = List.of(
                Pattern.compile("(?:HelpIcon\\.of|Explanations\\.of|summary|direction|help)\\(\"([a-z0-9-]+)\"\\)"),
                Pattern.compile("HelpIcon\\.labelled\\(\"([a-z0-9-]+)\""),
                Pattern.compile("labelWithHelp\\(\"[^\"]*\",\\s*\"([a-z0-9-]+)\"\\)"),
                Pattern.compile("new MetricByKChart\\([^;]*?,\\s*\"([a-z0-9-]+)\"\\);"));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "org", "segmentlab", "app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Pattern call : calls) {
                    Matcher m = call.matcher(source);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.containsAll(Set.of("elbow", "silhouette", "davies-bouldin", "scaling", "imputation", "pca-loadings",
                "knee", "log1p", "profile-heatmap")),
                "the scan finds the ids the views use: " + used);
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeIf(catalogue::contains);
        assertTrue(unknown.isEmpty(), "ids used in the code without an entry: " + unknown);
    }

    @Test
    void aMissingIdFailsNamingItAndTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Explanations.of("no-such-measure"));
        assertTrue(e.getMessage().contains("no-such-measure") && e.getMessage().contains(Explanations.RESOURCE), e.getMessage());
    }

    @Test
    void everyEntryHasATitleAOneSentenceSummaryLearnMoreAnExampleAndAFormula() {
        assertTrue(catalogue.all().size() >= MEASURES_SHOWN.size());
        for (Explanation e : catalogue.all()) {
            String id = e.id();
            assertFalse(e.title().isBlank(), id);
            assertFalse(e.summary().isBlank(), id + " summary");
            assertFalse(e.learnMore().isBlank(), id + " learn more");
            assertFalse(e.example().isBlank(), id + " example");
            assertFalse(e.formula().isBlank(), id + " formula");
            assertFalse(e.better().isBlank(), id + " which way is better");
            // One sentence, short enough for a tooltip or the note under a chart.
            assertTrue(e.summary().endsWith("."), id + ": " + e.summary());
            assertFalse(e.summary().substring(0, e.summary().length() - 1).matches(".*[.!?] [A-Z].*"),
                    id + " summary is more than one sentence: " + e.summary());
            int words = e.summary().split("\\s+").length;
            assertTrue(words <= 36, id + " summary has " + words + " words");
            assertTrue(e.learnMore().length() > 2 * e.summary().length(), id + ": learn more adds to the summary");
            // Plain-language rule: the measures' directions agree with the words used
            if (e.direction() == Explanation.Direction.HIGHER || e.direction() == Explanation.Direction.LOWER) {
                assertTrue(e.better().startsWith(e.direction().phrase()), id + ": " + e.better());
            }
            for (String r : e.related()) {
                assertTrue(catalogue.contains(r), id + " relates to " + r);
            }
        }
    }

    @Test
    void aBrokenCatalogueIsRefusedNamingTheEntry() {
        String dup = "{\"explanations\": [" + entry("a", "A sentence.") + "," + entry("a", "Another.") + "]}";
        assertTrue(assertThrows(IllegalStateException.class, () -> read(dup)).getMessage().contains("\"a\" is used twice"));
        String empty = "{\"explanations\": [" + entry("b", "") + "]}";
        assertTrue(assertThrows(IllegalStateException.class, () -> read(empty)).getMessage().contains("\"b\" has no summary"));
        String dangling = "{\"explanations\": [" + entry("c", "A sentence.").replace("\"related\": []",
                "\"related\": [\"d\"]") + "]}";
        assertTrue(assertThrows(IllegalStateException.class, () -> read(dangling)).getMessage().contains("\"d\""));
    }

    private static String entry(String id, String summary) {
        return "{\"id\": \"" + id + "\", \"title\": \"T\", \"summary\": \"" + summary + "\", \"direction\": \"higher\","
                + " \"better\": \"Higher is better.\", \"learnMore\": \"More.\", \"related\": []}";
    }

    private static Explanations read(String json) throws IOException {
        return Explanations.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void searchFindsByTitleKeywordAndSummaryIgnoringCase() {
        assertEquals(List.of("davies-bouldin"), ids(catalogue.search("Davies")));
        assertEquals(List.of("davies-bouldin"), ids(catalogue.search("  davies ")));
        assertEquals(List.of("inertia"), ids(catalogue.search("WCSS")), "a keyword");
        assertEquals("zscore", ids(catalogue.search("StandardScaler")).get(0));
        List<String> silhouette = ids(catalogue.search("silhouette"));
        assertEquals(List.of("silhouette", "silhouette-per-customer"), silhouette.subList(0, 2), "titles first");
        assertEquals(catalogue.all(), catalogue.search(""));
        assertTrue(catalogue.search("xyzzy").isEmpty());
    }

    private static List<String> ids(List<Explanation> es) {
        return es.stream().map(Explanation::id).toList();
    }

    // ---- the worked examples say what the data says ----

    @Test
    void theExamplesQuoteScikitLearnsFiguresForTheSample() throws IOException {
        JsonNode golden;
        try (InputStream in = ExplanationsTest.class.getResourceAsStream("/golden/cc_general_sklearn_seed42.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode sweep = golden.get("sweep");
        String elbow = Explanations.of("elbow").example();
        for (int k = 1; k <= 5; k++) {
            assertContains(elbow, String.format(Locale.ROOT, "%,.0f at k = %d", sweep.get(k - 1).get("inertia").asDouble(), k));
        }
        double gain34 = Math.round(sweep.get(2).get("inertia").asDouble()) - Math.round(sweep.get(3).get("inertia").asDouble());
        assertContains(elbow, String.format(Locale.ROOT, "removes %,.0f", gain34));
        assertContains(Explanations.of("inertia").example(), String.format(Locale.ROOT, "give %,.0f", sweep.get(0).get("inertia").asDouble()));
        assertContains(Explanations.of("inertia").example(), String.format(Locale.ROOT, "down to %,.0f", sweep.get(3).get("inertia").asDouble()));
        String sil = Explanations.of("silhouette").example();
        for (int k : new int[] {3, 4}) {
            assertContains(sil, String.format(Locale.ROOT, "%.3f at k = %d", sweep.get(k - 1).get("silhouette").asDouble(), k));
        }
        String ch = Explanations.of("calinski-harabasz").example();
        for (int k : new int[] {2, 3, 4, 10}) {
            assertContains(ch, String.format(Locale.ROOT, "%,.0f at k = %d", sweep.get(k - 1).get("calinski_harabasz").asDouble(), k));
        }
        String db = Explanations.of("davies-bouldin").example();
        for (int k : new int[] {2, 4, 9}) {
            assertContains(db, String.format(Locale.ROOT, "%.3f at k = %d", sweep.get(k - 1).get("davies_bouldin").asDouble(), k));
        }
        double[] ev = {golden.get("pca_explained_variance_ratio").get(0).asDouble(),
                golden.get("pca_explained_variance_ratio").get(1).asDouble()};
        String pca = Explanations.of("pca-explained-variance").example();
        assertContains(pca, String.format(Locale.ROOT, "PC1 explains %.1f %%", 100 * ev[0]));
        assertContains(pca, String.format(Locale.ROOT, "PC2 %.1f %%", 100 * ev[1]));
        assertContains(pca, String.format(Locale.ROOT, "together %.1f %%", 100 * (ev[0] + ev[1])));
    }

    @Test
    void theExamplesQuoteTheSamplesColumnsTruly() throws IOException {
        List<Double> balance = new ArrayList<>();
        int minPayMissing = 0;
        try (Reader r = Files.newBufferedReader(Path.of("samples", "cc_general.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                balance.add(Double.parseDouble(rec.get("BALANCE")));
                if (rec.get("MINIMUM_PAYMENTS").isBlank()) {
                    minPayMissing++;
                }
            }
        }
        double[] b = balance.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(b).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(b).map(x -> (x - mean) * (x - mean)).sum() / b.length); // population, as StandardScaler
        double median = quantile(b, 0.5), q1 = quantile(b, 0.25), q3 = quantile(b, 0.75);
        String z = Explanations.of("zscore").example();
        assertContains(z, String.format(Locale.ROOT, "averages $%,.0f with a standard deviation of $%,.0f", mean, sd));
        assertContains(z, String.format(Locale.ROOT, "z = (5,000 − %,.0f) / %,.0f = %.2f", mean, sd, (5000 - mean) / sd));
        String robust = Explanations.of("robust").example();
        assertContains(robust, String.format(Locale.ROOT, "median $%,.0f, quartiles $%,.0f and $%,.0f, so IQR = $%,.0f",
                median, q1, q3, q3 - q1));
        assertContains(robust, String.format(Locale.ROOT, "= %.2f", (5000 - median) / (q3 - q1)));
        assertContains(Explanations.of("minmax").example(), String.format(Locale.ROOT, "5,000 / %,.0f = %.2f",
                b[b.length - 1], 5000 / b[b.length - 1]));
        assertContains(Explanations.of("scaling").example(), String.format(Locale.ROOT, "z-score (5,000 − %,.0f) / %,.0f = %.2f",
                mean, sd, (5000 - mean) / sd));
        assertContains(Explanations.of("imputation").example(), String.format(Locale.ROOT, "missing for %d of %,d customers",
                minPayMissing, b.length));
        // log1p's steps
        String log = Explanations.of("log1p").example();
        for (double v : new double[] {100, 1000, 10000}) {
            assertContains(log, String.format(Locale.ROOT, "$%,.0f → %.2f", v, Math.log1p(v)));
        }
    }

    /** pandas' default (linear) quantile of sorted values. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected “" + part + "” in: " + text);
    }
}
