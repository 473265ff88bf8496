package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.Persona;

/** The HTML report: escaped, self-contained, every section, images that decode. */
class ReportHtmlTest {

    private static final String EVIL_COLUMN = "a&b\"<x>";
    private static final String EVIL_NAME = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    private AnalysisResult result;
    private List<Persona> personas;

    @BeforeEach
    void analyse() throws Exception {
        // Three seeded blobs over a column whose name is markup, one gap to fill (<0.1%), a derived column over it.
        StringBuilder csv = new StringBuilder("id,\"" + EVIL_COLUMN.replace("\"", "\"\"") + "\",b,c\n");
        Random rnd = new Random(3);
        for (int i = 0; i < 2100; i++) {
            int blob = i % 3;
            String a = i == 5 ? "" : String.format(Locale.ROOT, "%.3f", blob * 5 + rnd.nextGaussian());
            csv.append("u").append(i).append(',').append(a).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f", blob * 3 + rnd.nextGaussian(), 100 - blob * 20 + rnd.nextGaussian()))
                    .append('\n');
        }
        Path data = dir.resolve("my <data> & more.csv");
        Files.writeString(data, csv);
        DataTable table = new CsvLoader().load(data);
        PrepOptions prep = new PrepOptions(List.of(), List.of(), List.of(new DerivedColumn("ratio<2>", "`" + EVIL_COLUMN + "` / (b + 1)")),
                ImputeStrategy.MEAN, Map.of("b", Imputation.of(ImputeStrategy.MEDIAN)), java.util.Set.of("c"), false, List.of(),
                Scaling.ZSCORE);
        AnalysisRequest q = new AnalysisRequest(prep, 1, 5, 3, 4, 300, 1e-4, 9L, 1, SilhouetteMode.AUTO, 2);
        result = Pipeline.run(table, q, ProgressListener.NONE, CancellationToken.NONE);
        personas = new ArrayList<>();
        personas.add(new Persona(EVIL_NAME, "Spends <b>a lot</b> & \"often\"", List.of("Offer <i>more</i>"),
                List.of(EVIL_COLUMN + ": high")));
        personas.add(new Persona("Quiet ones", "Low activity", List.of("Wake them up"), List.of()));
        personas.add(new Persona("Third", "", List.of(), List.of()));
    }

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x0072B2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private Map<String, byte[]> charts() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        int w = 40;
        for (String name : ChartRenderer.ALL) {
            m.put(name, png(w++, 30));
        }
        return m;
    }

    private static ReportHtml.Details details() {
        return new ReportHtml.Details(LocalDateTime.of(2026, 11, 25, 21, 0), new Fingerprint(123, "ab12"), null, "9.9");
    }

    @Test
    void whatTheUserTypedIsEscaped() throws Exception {
        String html = ReportHtml.html(result, personas, charts(), details());
        assertFalse(html.contains(EVIL_NAME), "raw persona name");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped persona name");
        assertFalse(html.contains(EVIL_COLUMN), "raw column name");
        assertTrue(html.contains("a&amp;b&quot;&lt;x&gt;"), "escaped column name");
        assertFalse(html.contains("<b>a lot</b>") || html.contains("<i>more</i>"), "markup in persona text");
        assertTrue(html.contains("Spends &lt;b&gt;a lot&lt;/b&gt; &amp; &quot;often&quot;"));
        assertTrue(html.contains("my &lt;data&gt; &amp; more.csv"), "escaped file name");
        assertTrue(html.contains("ratio&lt;2&gt;"), "escaped derived column name");
    }

    @Test
    void selfContainedWithEverySection() throws Exception {
        String html = ReportHtml.html(result, personas, charts(), details());
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("<link"), "no linked resources");
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"?\\s*(https?:)?//").matcher(lower).find(), "no network source");
        assertFalse(lower.contains("http://") || lower.contains("https://"), "no URL at all");
        assertFalse(lower.contains("@import") || lower.contains("@font-face") || lower.contains("url("), "no fetched CSS");
        for (String id : List.of("data", "preparation", "choice-of-k", "segments", "reproduce")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
        }
        assertTrue(html.contains("@media print") && html.contains("break-before: page"), "print CSS");
        // data summary: rows, the one missing cell, preparation: derived, log1p, scaling
        assertTrue(html.contains("<dt>Rows</dt><dd>2,100</dd>"), "rows");
        assertTrue(html.contains("a&amp;b&quot;&lt;x&gt;</td><td>numeric</td><td class=\"num\">1</td><td class=\"num\">&lt;0.1%</td>"),
                "missing count and share, escaped");
        // every '<' opens a tag or a comment: no text (a name, a number like "<0.1%") slipped through unescaped
        assertFalse(Pattern.compile("<(?![a-zA-Z/!])").matcher(html).find(), "stray '<' in the text");
        assertTrue(html.contains("<dt>log1p</dt><dd>c</dd>"));
        // choice of k: one row per k, chosen marked, knee and best silhouette named
        assertEquals(5, count(html, "<tr class=\"chosen\">") + count(html, "<tr><td class=\"num\">"), "sweep rows");
        assertTrue(html.contains("<dt>Chosen k</dt><dd>3</dd>"));
        assertTrue(html.contains("Best silhouette"));
        // segments: one card per segment with size, strategies and means
        assertEquals(3, count(html, "<article class=\"card\""));
        assertTrue(html.contains("Wake them up"));
        // reproduce: seed, fingerprint, the command line
        assertTrue(html.contains("<dt>Seed</dt><dd>9</dd>"));
        assertTrue(html.contains("SHA-256 ab12"));
        assertTrue(html.contains("segmentlab analyze --input"));
    }

    @Test
    void embeddedImagesDecodeAsPngs() throws Exception {
        Path file = dir.resolve("out/report.html");
        ReportHtml.write(file, result, personas, charts(), details());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<Integer> widths = new ArrayList<>();
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img, "an embedded image does not decode");
            widths.add(img.getWidth());
        }
        assertEquals(List.of(40, 41, 42, 43, 44), widths, "every chart once, in report order");
        assertFalse(html.contains("charts-missing"));
    }

    @Test
    void withoutChartsTheReportSaysWhy() {
        String html = ReportHtml.html(result, personas, Map.of(), new ReportHtml.Details(LocalDateTime.now(), null,
                "no display & no <toolkit>", ""));
        assertTrue(html.contains("The charts were not rendered: no display &amp; no &lt;toolkit&gt;"), html);
        assertFalse(html.contains("data:image"));
        assertTrue(html.contains("not available"), "no fingerprint");
    }

    @Test
    void notAPngIsLeftOut() {
        String html = ReportHtml.html(result, personas, Map.of(ChartRenderer.ELBOW, "<svg/>".getBytes(StandardCharsets.UTF_8)),
                details());
        assertFalse(html.contains("data:image"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
