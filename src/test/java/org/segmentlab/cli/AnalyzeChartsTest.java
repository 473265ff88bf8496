package org.segmentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code analyze --out} writes the whole kit, chart images included, without a display: in this JVM (where TestFX
 * may already run the toolkit), in a fresh JVM with no toolkit and no DISPLAY, and, without Monocle, every other
 * file plus a clear warning.
 */
class AnalyzeChartsTest {

    private static final Set<String> KIT = Set.of("segments.csv", "segment_summary.csv", "model.json", "model.pmml",
            "analysis.segmentlab", "elbow.png", "silhouette.png", "pca_scatter.png", "profile.png", "report.html");
    private static final List<String> PNGS = List.of("elbow.png", "silhouette.png", "pca_scatter.png", "profile.png");

    @TempDir
    Path dir;

    private static Set<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void assertPngs(Path kit, int w, int h) throws IOException {
        for (String name : PNGS) {
            BufferedImage img = ImageIO.read(kit.resolve(name).toFile());
            assertNotNull(img, name + " does not decode");
            assertEquals(w, img.getWidth(), name);
            assertEquals(h, img.getHeight(), name);
            // not blank: a chart has both white background and drawn colour
            Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < h; y += 7) {
                for (int x = 0; x < w; x += 7) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 20, name + " looks blank (" + colours.size() + " colours)");
        }
        String html = Files.readString(kit.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(5, Pattern.compile("src=\"data:image/png;base64,").matcher(html).results().count(),
                "the report embeds the five charts");
    }

    @Test
    void inThisJvmWithTheToolkitAlreadyRunning() throws Exception {
        FxToolkit.registerPrimaryStage(); // as any TestFX test before this one would have done
        Path kit = dir.resolve("kit");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegmentLabCli.run(new String[] {"analyze", "--input", "samples/cc_general.csv", "--k", "4",
                "--k-min", "2", "--k-max", "5", "--n-init", "3", "--out", kit.toString(), "--quiet"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertFalse(err.toString().contains("skipped"), err.toString());
        assertEquals(new TreeSet<>(KIT), files(kit));
        assertPngs(kit, 1920, 1080);
    }

    @Test
    void svgWritesTheChartsAgainAsVectorsBesideThePngs() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path kit = dir.resolve("svg");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SegmentLabCli.run(new String[] {"analyze", "--input", smallSample().toString(), "--k", "3",
                "--k-min", "2", "--k-max", "4", "--n-init", "2", "--chart-size", "1280x720", "--out", kit.toString(),
                "--svg", "--quiet"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Set<String> expected = new TreeSet<>(KIT);
        List<String> svgs = List.of("elbow.svg", "silhouette.svg", "pca_scatter.svg", "profile.svg");
        expected.addAll(svgs);
        assertEquals(expected, files(kit));
        assertPngs(kit, 1280, 720);
        for (String name : svgs) {
            String svg = Files.readString(kit.resolve(name), StandardCharsets.UTF_8);
            org.w3c.dom.Element root = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertEquals("svg", root.getTagName(), name);
            assertEquals("1280", root.getAttribute("width"), name);
            assertTrue(svg.contains("cc_small.csv · k = 3"), name + " has the kit's footer as text");
            assertTrue(out.toString().contains("Wrote " + kit.resolve(name)), out.toString());
        }
        assertTrue(Files.readString(kit.resolve("pca_scatter.svg")).contains("data:image/png;base64,"),
                "the scatter's points are one embedded image");
    }

    @Test
    void svgWithoutOutOrWithNoChartsIsAUsageError() {
        for (String[] args : List.of(new String[] {"analyze", "--input", "samples/cc_general.csv", "--svg"},
                new String[] {"analyze", "--input", "samples/cc_general.csv", "--out", dir.resolve("y").toString(),
                        "--svg", "--no-charts"})) {
            StringWriter err = new StringWriter();
            int code = SegmentLabCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(ExitCodes.USAGE, code, err.toString());
            assertTrue(err.toString().contains("--svg"), err.toString());
        }
        assertFalse(Files.exists(dir.resolve("y")));
    }

    /** A file of the sample's first rows, so the child JVMs spend their time on the charts, not on k-means. */
    private Path smallSample() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("samples/cc_general.csv"));
        Path csv = dir.resolve("cc_small.csv");
        Files.write(csv, lines.subList(0, 1501));
        return csv;
    }

    private record Child(int code, String out, String err) {
    }

    /** Runs the launcher in a new JVM with no DISPLAY and no JavaFX settings, on {@code classPath}. */
    private Child child(String classPath, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dsegmentlab.home=" + dir.resolve("home"), "-cp", classPath, "org.segmentlab.Launcher"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(dir.resolve("child.out").toFile());
        pb.redirectError(dir.resolve("child.err").toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 180 s");
        }
        return new Child(p.exitValue(), Files.readString(dir.resolve("child.out")), Files.readString(dir.resolve("child.err")));
    }

    @Test
    void inAFreshJvmWithoutADisplayTheRendererStartsTheToolkitItself() throws Exception {
        Path kit = dir.resolve("fresh");
        Child c = child(System.getProperty("java.class.path"), "analyze", "--input", smallSample().toString(), "--k", "3",
                "--k-min", "2", "--k-max", "4", "--n-init", "2", "--chart-size", "1280x720", "--out", kit.toString(),
                "--quiet");
        assertEquals(0, c.code(), c.err());
        assertFalse(c.err().contains("skipped"), c.err());
        assertEquals(new TreeSet<>(KIT), files(kit));
        assertPngs(kit, 1280, 720);
    }

    @Test
    void withoutMonocleOrADisplayTheRestIsWrittenAndStderrSaysWhichImagesWereSkipped() throws Exception {
        String withoutMonocle = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("openjfx-monocle")).collect(Collectors.joining(File.pathSeparator));
        Path kit = dir.resolve("nomonocle");
        Child c = child(withoutMonocle, "analyze", "--input", smallSample().toString(), "--k-min", "3", "--k-max", "3",
                "--n-init", "1", "--out", kit.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("Warning: skipped elbow.png, silhouette.png, pca_scatter.png, profile.png"), c.err());
        assertTrue(c.err().contains("Monocle"), c.err());
        Set<String> expected = new TreeSet<>(KIT);
        expected.removeAll(PNGS);
        assertEquals(expected, files(kit));
        String html = Files.readString(kit.resolve("report.html"));
        assertTrue(html.contains("The charts were not rendered: there is no display"), "the report says why");
    }

    @Test
    void aBadChartSizeIsAUsageErrorBeforeAnyWork() {
        StringWriter err = new StringWriter();
        int code = SegmentLabCli.run(new String[] {"analyze", "--input", "samples/cc_general.csv", "--out",
                dir.resolve("x").toString(), "--chart-size", "big"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("--chart-size"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
