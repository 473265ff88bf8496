package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SVG export: the charts' own painting recorded as vector shapes and text, read back with an XML parser. */
@ExtendWith(ApplicationExtension.class)
class SvgExportTest {

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
        elbow.setData(FakeData.KS, FakeData.INERTIA, OptionalInt.of(4), "knee k=4");
        silhouette = new SilhouettePlot();
        silhouette.setData(data.silhouette, data.cluster, data.k, data.names(), false);
        heatmap = new ProfileHeatmap();
        heatmap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        stage.setScene(new Scene(new VBox(scatter, elbow, silhouette, heatmap), 520, 780));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

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
    }

    @Test
    void theAsyncExportWritesOffTheFxThreadAndExportAllWritesSvgFiles() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path f = dir.resolve("sub/heatmap.svg");
        Path out = ChartExport.writeAsync(heatmap, f, ExportOptions.of(800, 600)).get(60, TimeUnit.SECONDS);
        assertEquals(f, out);
        assertEquals("svg", parse(Files.readString(f)).getDocumentElement().getLocalName());
        assertEquals("chart-png-encoder", ChartExport.lastEncoderThread);

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
