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
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Exports every chart to PNG headless and reads the files back. */
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
        elbow.setData(FakeData.KS, FakeData.INERTIA, OptionalInt.of(4), "knee k=4");
        silhouette = new SilhouettePlot();
        silhouette.setData(data.silhouette, data.cluster, data.k, data.names(), false);
        heatmap = new ProfileHeatmap();
        heatmap.setData(data.names(), data.sizes, FakeData.FEATURES, data.z, data.raw, FakeData.POPULATION);
        scatter.setPrefSize(500, 300);
        elbow.setPrefSize(500, 150);
        silhouette.setPrefSize(500, 150);
        heatmap.setPrefSize(500, 150);
        stage.setScene(new Scene(new VBox(scatter, elbow, silhouette, heatmap), 520, 780));
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
        assertEquals("chart-png-encoder", ChartExport.lastEncoderThread);
        // started on the FX thread: the snapshot happens there at once, the encoding still on the worker
        Path g = dir.resolve("fx.png");
        var fut = onFx(() -> ChartExport.writePngAsync(heatmap, g, ExportOptions.of(640, 400)));
        fut.get(60, TimeUnit.SECONDS);
        assertEquals("chart-png-encoder", ChartExport.lastEncoderThread);
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
}
