package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Exports every chart to PNG and SVG headless and reads the files back (SVG with an XML parser: the charts' own
 * painting recorded as vector shapes and text).
 */
@ExtendWith(ApplicationExtension.class)
class ChartExportTest {

    private static final String TITLE = "Customer segments";
    private static final String FOOTER = "cc_general.csv · k = 4 · 2026-11-25";
    private final FakeData data = new FakeData(3_000, 4, 7);
    private PcaScatter scatter;
    private MetricByKChart elbow;
    private SilhouettePlot silhouette;
    private ProfileHeatmap heatmap;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        scatter = new PcaScatter();
        scatter.setClusterNames(data.names());
        scatter.setData(data.xs, data.ys, data.cluster, data.k, "PC1 (27.3%)", "PC2 (20.3%)");
        scatter.setCentroids(data.cx, data.cy, null);
        elbow = MetricByKChart.elbow();
        elbow.setData(FakeData.KS, FakeData.INERTIA, java.util.OptionalInt.of(4), "knee k=4");
        silhouette = new SilhouettePlot();
        silhouette.setData(data.silhouette, data.cluster, data.k, data.names(), false);
        heatmap = new ProfileHeatmap();
        heatmap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        scatter.setPrefSize(500, 300);
        elbow.setPrefSize(500, 150);
        silhouette.setPrefSize(500, 150);
        heatmap.setPrefSize(500, 150);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.VBox(scatter, elbow, silhouette, heatmap), 520, 780));
        stage.show();
    }

    private Map<String, CanvasChart> charts() {
        Map<String, CanvasChart> m = new LinkedHashMap<>();
        m.put("scatter", scatter.plotNode());
        m.put("elbow", elbow);
        m.put("silhouette", silhouette);
        m.put("heatmap", heatmap);
        return m;
    }

    @Test
    void everyChartExportsAtTheAskedSizeWithTitleFooterAndColour() throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        for (int[] size : new int[][] {{1920, 1080}, {800, 600}}) {
            ExportOptions o = new ExportOptions(size[0], size[1], 1, TITLE, FOOTER);
            for (Map.Entry<String, CanvasChart> e : charts().entrySet()) {
                Path f = dir.resolve(e.getKey() + "-" + size[0] + ".png");
                ChartExport.writePng(e.getValue(), f, o); // from the test thread: renders on FX, encodes here
                BufferedImage img = ImageIO.read(f.toFile());
                String what = e.getKey() + " at " + size[0] + "x" + size[1];
                assertEquals(size[0], img.getWidth(), what);
                assertEquals(size[1], img.getHeight(), what);
                assertTrue(distinctColours(img) >= 20, what + " has few colours: " + distinctColours(img));
                int titleBand = (int) Math.ceil(onFx(() -> ChartExport.titleBandHeight(o)));
                int footerBand = (int) Math.ceil(onFx(() -> ChartExport.footerBandHeight(o)));
                assertTrue(darkPixels(img, 0, titleBand) > 50, what + ": title text above the chart");
                assertTrue(greyPixels(img, size[1] - footerBand, size[1]) > 30, what + ": grey footer below");
                if (e.getKey().equals("scatter")) {
                    assertTrue(containsColour(img, ClusterPalette.argb(0)), what + ": first cluster colour present");
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void textGrowsWithTheExportSize() {
        WaitForAsyncUtils.waitForFxEvents();
        ExportOptions small = new ExportOptions(1920, 1080, 1, TITLE, FOOTER);
        ExportOptions big = new ExportOptions(3840, 2160, 1, TITLE, FOOTER);
        // rendered, not encoded: PNG encoding of 8-megapixel images would only slow the test down
        BufferedImage ia = rendered(elbow, small), ib = rendered(elbow, big);
        assertEquals(3840, ib.getWidth());
        assertEquals(2160, ib.getHeight());
        int ha = darkBandHeight(ia, (int) onFx(() -> ChartExport.titleBandHeight(small)).doubleValue());
        int hb = darkBandHeight(ib, (int) onFx(() -> ChartExport.titleBandHeight(big)).doubleValue());
        double ratio = hb / (double) ha;
        assertTrue(ha > 5, "title is visible at 1920: " + ha + " px");
        assertTrue(ratio > 1.7 && ratio < 2.3, "title height 1920 -> 3840 should double: " + ha + " -> " + hb);
        // HiDPI: 1920 x 1080 at scale 2 is a 3840 x 2160 image drawn as the 3840 export
        BufferedImage ic = rendered(elbow, small.withScale(2));
        assertEquals(3840, ic.getWidth());
        assertEquals(2160, ic.getHeight());
        int hc = darkBandHeight(ic, (int) onFx(() -> ChartExport.titleBandHeight(small.withScale(2))).doubleValue());
        assertTrue(Math.abs(hc - hb) <= 2, "scale 2 draws text as a 3840 export does: " + hc + " vs " + hb);
    }

    private static BufferedImage rendered(CanvasChart chart, ExportOptions o) {
        return onFx(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(ChartExport.render(chart, o), null));
    }

    @Test
    void asyncExportEncodesOffTheFxThreadAndExportAllWritesEveryFile() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path f = dir.resolve("sub/scatter.png");
        Path out = ChartExport.writePngAsync(scatter.plotNode(), f, ExportOptions.of(800, 600)).get(60,
                TimeUnit.SECONDS);
        assertEquals(f, out);
        assertEquals(800, ImageIO.read(f.toFile()).getWidth());
        assertEquals("chart-encoder", ChartExport.lastEncoderThread);
        // started on the FX thread: the snapshot happens there at once, the encoding still on the worker
        Path g = dir.resolve("fx.png");
        var fut = onFx(() -> ChartExport.writePngAsync(heatmap, g, ExportOptions.of(640, 400)));
        fut.get(60, TimeUnit.SECONDS);
        assertEquals("chart-encoder", ChartExport.lastEncoderThread);
        assertTrue(Files.size(g) > 1000);

        List<Path> all = ChartExport.exportAll(charts(), dir.resolve("all"), ExportOptions.of(640, 360));
        assertEquals(4, all.size());
        for (Path p : all) {
            assertTrue(p.getFileName().toString().endsWith(".png"), p.toString());
            assertEquals(360, ImageIO.read(p.toFile()).getHeight());
        }
        // overwriting an existing file works (atomic replace)
        long before = Files.size(all.get(1));
        ChartExport.exportAll(Map.of("elbow.png", elbow), dir.resolve("all"), ExportOptions.of(1200, 700));
        assertNotEquals(before, Files.size(dir.resolve("all/elbow.png")));
        assertThrows(IllegalArgumentException.class,
                () -> ChartExport.exportAll(Map.of("../x", elbow), dir, ExportOptions.defaults()));
        assertThrows(IllegalStateException.class, () -> ChartExport.render(elbow, ExportOptions.defaults()),
                "render outside the FX thread is refused");
    }

    @Test
    void optionsValidateAndDefaultToFullHd() {
        ExportOptions d = ExportOptions.defaults();
        assertEquals(1920, d.pixelWidth());
        assertEquals(1080, d.pixelHeight());
        assertFalse(d.hasTitle());
        assertEquals(2.0, ExportOptions.of(1200, 800).withScale(2).textScale(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new ExportOptions(0, 10, 1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ExportOptions(10, 10, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ExportOptions(20_000, 10, 1, null, null));
    }

    @Test
    void copyToClipboardPutsAnImage() {
        WaitForAsyncUtils.waitForFxEvents();
        boolean ok = onFx(() -> ChartExport.copyToClipboard(elbow, ExportOptions.of(400, 300)));
        assertTrue(ok, "clipboard accepted the image");
        double w = onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getImage().getWidth());
        assertEquals(400, w, 0.5);
    }

    // --- pixel helpers ---------------------------------------------------------------------------------------

    private static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                s.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return s.size();
    }

    private static boolean containsColour(BufferedImage img, int argb) {
        int want = argb & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == want) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int lum(int rgb) {
        return (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
    }

    private static int darkPixels(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (lum(img.getRGB(x, y)) < 90) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int greyPixels(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), l = lum(rgb);
                int r = (rgb >> 16) & 0xFF, b = rgb & 0xFF;
                if (l > 70 && l < 200 && Math.abs(r - b) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Rows between the first and the last row with dark pixels within the top {@code band} rows. */
    private static int darkBandHeight(BufferedImage img, int band) {
        int first = -1, last = -1;
        for (int y = 0; y < Math.min(band, img.getHeight()); y++) {
            boolean dark = false;
            for (int x = 0; x < img.getWidth() && !dark; x++) {
                dark = lum(img.getRGB(x, y)) < 90;
            }
            if (dark) {
                if (first < 0) {
                    first = y;
                }
                last = y;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // --- SVG ---------------------------------------------------------------------------------------------------

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static int count(Document doc, String tag) {
        return doc.getElementsByTagName(tag).getLength();
    }

    @Test
    void everyChartWritesWellFormedSvgWithItsTextShapesTitleAndFooter() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ExportOptions o = new ExportOptions(1600, 900, 1, TITLE, FOOTER);
        for (CanvasChart chart : List.of(elbow, silhouette, heatmap, scatter.plotNode())) {
            Path f = dir.resolve(chart.getClass().getSimpleName() + ".svg");
            ChartExport.writeSvg(chart, f, o); // records on the FX thread, writes here
            Document doc = parse(Files.readString(f));
            Element root = doc.getDocumentElement();
            String what = chart.getClass().getSimpleName();
            assertEquals("svg", root.getLocalName(), what);
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI(), what);
            assertEquals("1600", root.getAttribute("width"), what);
            assertEquals("900", root.getAttribute("height"), what);
            List<String> texts = texts(doc);
            assertTrue(texts.contains(TITLE), what + ": title " + texts);
            assertTrue(texts.contains(FOOTER), what + ": footer " + texts);
            assertTrue(count(doc, "clipPath") >= 1, what + ": the chart is clipped to its band below the title");
        }

        Document elbowSvg = parse(onFx(() -> ChartExport.renderSvg(elbow, o)).toSvg());
        List<String> elbowTexts = texts(elbowSvg);
        for (int k = 1; k <= 10; k++) {
            assertTrue(elbowTexts.contains(Integer.toString(k)), "tick label k = " + k + " in " + elbowTexts);
        }
        assertTrue(count(elbowSvg, "line") + count(elbowSvg, "path") >= 10, "axes, ticks and the curve are vectors");

        Document heat = parse(onFx(() -> ChartExport.renderSvg(heatmap, o)).toSvg());
        List<String> heatTexts = texts(heat);
        assertTrue(heatTexts.stream().anyMatch(t -> t.contains("PURCHASES")), "feature names are text: " + heatTexts);
        assertEquals(1, count(heat, "linearGradient"), "the colour legend keeps its gradient");
        assertTrue(count(heat, "rect") >= data.k * 5, "one rectangle per cell");

        Document sil = parse(onFx(() -> ChartExport.renderSvg(silhouette, o)).toSvg());
        assertTrue(count(sil, "polygon") >= data.k, "one band per cluster");
        assertEquals(0, count(sil, "image"), "the silhouette plot is all vectors");
    }

    @Test
    void theScattersPointsAreEmbeddedAsOneImageUnderVectorAxes() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ExportOptions o = new ExportOptions(1200, 800, 1, TITLE, FOOTER);
        String svgText = onFx(() -> ChartExport.renderSvg(scatter, o)).toSvg();
        Document doc = parse(svgText);
        NodeList images = doc.getElementsByTagName("image");
        assertEquals(1, images.getLength(), "the points are one raster, never one element per customer");
        Element img = (Element) images.item(0);
        String href = img.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, Math.min(40, href.length())));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                href.substring("data:image/png;base64,".length()))));
        assertNotNull(png);
        assertEquals(Integer.parseInt(img.getAttribute("width")), png.getWidth());
        assertTrue(png.getWidth() < 1200 && png.getWidth() > 900, "the plot area, inside the axes: " + png.getWidth());
        // the points are drawn translucent, so each cluster shows as its own lighter shade of its colour
        java.util.Map<Integer, Integer> shades = new java.util.HashMap<>();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    shades.merge(rgb, 1, Integer::sum);
                }
            }
        }
        long common = shades.values().stream().filter(c -> c >= 200).count();
        assertTrue(common >= data.k, "a shade per cluster among the points: " + common);
        // the centroids are vector marks in the clusters' own colours
        String first = String.format("#%06x", ClusterPalette.argb(0) & 0xFFFFFF);
        assertTrue(svgText.contains("fill=\"" + first + "\""), "the first cluster's centroid mark in " + first);
        List<String> texts = texts(doc);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("PC1")), "axis titles are text: " + texts);
    }

    @Test
    void recordingFollowsTheCanvasRulesForStateTransformsAndClips() throws Exception {
        String svg = onFx(() -> {
            SvgChartGraphics g = new SvgChartGraphics(200, 100);
            g.save();
            g.translate(10, 20);
            g.setFill(Color.web("#336699"));
            g.fillRect(0, 0, 5, 5);
            g.restore();
            g.fillRect(1, 2, 3, 4);
            g.save();
            g.translate(50, 50);
            g.rotate(-90);
            g.setFont(Font.font("System", 12));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Inertia", 0, 0);
            g.restore();
            g.save();
            g.beginPath();
            g.rect(0, 0, 40, 30);
            g.clip();
            g.setStroke(Color.rgb(255, 0, 0, 0.5));
            g.setLineWidth(2);
            g.setLineDashes(4, 2);
            g.strokeLine(0, 0, 100, 100);
            g.restore();
            g.setFill(Color.BLACK);
            g.setTextBaseline(VPos.TOP);
            g.fillText("<a & b>", 5, 10, 3);
            return g.toSvg();
        });
        Document doc = parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        assertEquals("matrix(1 0 0 1 10 20)", ((Element) rects.item(0)).getAttribute("transform"));
        assertEquals("#336699", ((Element) rects.item(0)).getAttribute("fill"));
        assertFalse(((Element) rects.item(1)).hasAttribute("transform"), "restore drops the translation");
        assertEquals("#000000", ((Element) rects.item(1)).getAttribute("fill"), "and the fill");

        NodeList texts = doc.getElementsByTagName("text");
        Element inertia = (Element) texts.item(0);
        assertEquals("matrix(0 -1 1 0 50 50)", inertia.getAttribute("transform"), "a y-axis title turned up");
        assertEquals("middle", inertia.getAttribute("text-anchor"));

        Element line = (Element) doc.getElementsByTagName("line").item(0);
        Element group = (Element) line.getParentNode();
        assertEquals("g", group.getLocalName());
        String clipRef = group.getAttribute("clip-path");
        assertTrue(clipRef.startsWith("url(#"), "drawn inside the clip: " + clipRef);
        assertEquals("0.5", line.getAttribute("stroke-opacity"));
        assertEquals("4,2", line.getAttribute("stroke-dasharray"));
        assertEquals("2", line.getAttribute("stroke-width"));

        Element escaped = (Element) texts.item(1);
        assertEquals("<a & b>", escaped.getTextContent(), "text is escaped, and read back as written");
        assertFalse(escaped.getParentNode() == group, "restore leaves the clip");
        assertTrue(Double.parseDouble(escaped.getAttribute("y")) > 10, "a top baseline moves the text down");
        assertEquals("3", escaped.getAttribute("textLength"), "squeezed into its maximum width");
        assertEquals("ab &amp; &lt;c&gt;", SvgChartGraphics.escape("a\u0001b & <c>"), "control characters are not XML");
        assertEquals("-1.5", SvgChartGraphics.n(-1.499));
        assertEquals("12000000", SvgChartGraphics.n(1.2e7), "never in exponent notation");
    }

    @Test
    void theAsyncExportWritesOffTheFxThreadAndExportAllWritesSvgFiles() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path f = dir.resolve("sub/heatmap.svg");
        Path out = ChartExport.writeAsync(heatmap, f, ExportOptions.of(800, 600)).get(60, TimeUnit.SECONDS);
        assertEquals(f, out);
        assertEquals("svg", parse(Files.readString(f)).getDocumentElement().getLocalName());
        assertEquals("chart-encoder", ChartExport.lastEncoderThread);

        java.util.Map<String, CanvasChart> charts = new java.util.LinkedHashMap<>();
        charts.put("elbow.svg", elbow);
        charts.put("silhouettes.svg", silhouette);
        charts.put("pca_scatter.png", scatter.plotNode());
        List<Path> files = ChartExport.exportAllAsync(charts, dir.resolve("all"), ExportOptions.of(640, 400))
                .get(60, TimeUnit.SECONDS);
        assertEquals(3, files.size());
        assertEquals("svg", parse(Files.readString(files.get(0))).getDocumentElement().getLocalName());
        assertEquals("svg", parse(Files.readString(files.get(1))).getDocumentElement().getLocalName());
        assertEquals(640, ImageIO.read(files.get(2).toFile()).getWidth(), "a .png name still gets a PNG");
        Set<String> left = new HashSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).forEach(left::add);
        }
        assertTrue(left.isEmpty(), "no temporary files left: " + left);
    }
}
