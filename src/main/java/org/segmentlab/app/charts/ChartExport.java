package org.segmentlab.app.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import org.segmentlab.app.task.FxThread;
import org.segmentlab.progress.WorkerThreads;

/**
 * Exports charts as images: renders a chart at the asked size with an optional title band above and a small
 * grey footer below, text scaled with the image width ({@link ExportOptions#textScale()}), and writes PNG or SVG
 * files atomically (temporary file in the same folder, then rename), to the clipboard, or a set of charts to a
 * folder. PNG and SVG come from the same painting code: the charts draw on a {@link ChartGraphics}, which is a
 * canvas for PNG ({@link FxChartGraphics}) and a recorder of vector shapes and text for SVG
 * ({@link SvgChartGraphics}; the scatter's points stay one embedded image).
 *
 * <p>Rendering happens on the FX thread (methods called elsewhere hand it over and wait); encoding is done
 * by the caller's thread ({@link #writePng}, {@link #writeSvg}) or by a worker ({@link #writeAsync}). Nothing is
 * modified except the files written and the clipboard; the on-screen charts are left as they are.
 */
public final class ChartExport {

    private static final ExecutorService ENCODER = Executors.newSingleThreadExecutor(
            WorkerThreads.factory("chart-encoder"));
    /** Name of the thread that wrote the last PNG or SVG (tests check it is not the FX thread). */
    static volatile String lastEncoderThread;

    private ChartExport() {
    }

    // --- rendering (FX thread) ------------------------------------------------------------------------------

    /**
     * Renders {@code chart} at {@code o.pixelWidth() x o.pixelHeight()} with title and footer. FX thread only.
     */
    public static WritableImage render(CanvasChart chart, ExportOptions o) {
        return compose(o, painter(chart));
    }

    /**
     * Renders any node: a {@link CanvasChart} or {@link PcaScatter} is repainted at the export size (crisp, text
     * scaled); any other node is snapshotted scaled uniformly to fit and centred. FX thread only.
     */
    public static WritableImage render(Node node, ExportOptions o) {
        return compose(o, painter(node));
    }

    /**
     * Records any node as an SVG at the export size, as {@link #render(Node, ExportOptions)} draws it: a chart as
     * vector shapes and text, any other node as an embedded snapshot. FX thread only; call
     * {@link SvgChartGraphics#toSvg()} on any thread afterwards.
     */
    public static SvgChartGraphics renderSvg(Node node, ExportOptions o) {
        requireFxThread();
        SvgChartGraphics g = new SvgChartGraphics(o.pixelWidth(), o.pixelHeight());
        paintInto(g, o, painter(node));
        return g;
    }

    private static Painter painter(Node node) {
        if (node instanceof CanvasChart c) {
            return (gc, w, h, s) -> c.paint(gc, w, h, s, false);
        }
        if (node instanceof PcaScatter p) {
            return painter(p.plotNode());
        }
        return (gc, w, h, s) -> {
            Bounds b = node.getLayoutBounds();
            if (b.getWidth() <= 0 || b.getHeight() <= 0) {
                return;
            }
            double f = Math.min(w / b.getWidth(), h / b.getHeight());
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            p.setTransform(javafx.scene.transform.Transform.scale(f, f));
            WritableImage img = node.snapshot(p, null);
            gc.drawImage(img, (w - img.getWidth()) / 2, (h - img.getHeight()) / 2);
        };
    }

    @FunctionalInterface
    private interface Painter {
        void paint(ChartGraphics gc, double w, double h, double textScale);
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("ChartExport.render must run on the JavaFX thread; use writePng, writeSvg"
                    + " or writeAsync from other threads");
        }
    }

    private static WritableImage compose(ExportOptions o, Painter painter) {
        requireFxThread();
        Canvas canvas = new Canvas(o.pixelWidth(), o.pixelHeight());
        paintInto(new FxChartGraphics(canvas.getGraphicsContext2D()), o, painter);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        return canvas.snapshot(p, new WritableImage(o.pixelWidth(), o.pixelHeight()));
    }

    /** The export's page: white, the title band, the chart clipped to its band, the footer. */
    private static void paintInto(ChartGraphics gc, ExportOptions o, Painter painter) {
        int pw = o.pixelWidth(), ph = o.pixelHeight();
        double s = o.textScale();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, pw, ph);
        double top = titleBandHeight(o), bottom = footerBandHeight(o);
        if (o.hasTitle()) {
            Font f = titleFont(s);
            gc.setFont(f);
            gc.setFill(Color.web("#222222"));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(o.title(), 10 * s, 12 * s, pw - 20 * s);
        }
        double chartH = Math.max(1, ph - top - bottom);
        gc.save();
        gc.beginPath();
        gc.rect(0, top, pw, chartH);
        gc.clip();
        gc.translate(0, top);
        painter.paint(gc, pw, chartH, s);
        gc.restore();
        if (o.hasFooter()) {
            Font f = footerFont(s);
            gc.setFont(f);
            gc.setFill(Color.web("#777777"));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(o.footer(), 10 * s, ph - 8 * s, pw - 20 * s);
        }
    }

    static Font titleFont(double s) {
        return Font.font("System", FontWeight.BOLD, CanvasChart.BASE_FONT * 1.4 * s);
    }

    static Font footerFont(double s) {
        return Font.font("System", FontWeight.NORMAL, CanvasChart.BASE_FONT * 0.85 * s);
    }

    /** Height of the title band in pixels (0 without a title). */
    public static double titleBandHeight(ExportOptions o) {
        double s = o.textScale();
        return o.hasTitle() ? 12 * s + CanvasChart.textHeight(titleFont(s)) + 6 * s : 0;
    }

    /** Height of the footer band in pixels (0 without a footer). */
    public static double footerBandHeight(ExportOptions o) {
        double s = o.textScale();
        return o.hasFooter() ? 6 * s + CanvasChart.textHeight(footerFont(s)) + 8 * s : 0;
    }

    // --- files -------------------------------------------------------------------------------------------------

    /**
     * Renders (on the FX thread; from another thread this waits for it) and writes a PNG to {@code file}
     * atomically; encodes on the calling thread. Parent folders are created.
     *
     * @throws IOException if the file cannot be written (the message names it)
     */
    public static void writePng(CanvasChart chart, Path file, ExportOptions o) throws IOException {
        encode(onFx(() -> render(chart, o)), file);
    }

    /** {@link #writePng(CanvasChart, Path, ExportOptions)} for any node (see {@link #render(Node, ExportOptions)}). */
    public static void writePng(Node chart, Path file, ExportOptions o) throws IOException {
        encode(onFx(() -> render(chart, o)), file);
    }

    /**
     * Records the chart as SVG (on the FX thread; from another thread this waits for it) and writes it to
     * {@code file} atomically from the calling thread. Parent folders are created.
     *
     * @throws IOException if the file cannot be written (the message names it)
     */
    public static void writeSvg(Node chart, Path file, ExportOptions o) throws IOException {
        writeSvgFile(onFx(() -> renderSvg(chart, o)), file);
    }

    /** True when {@code file} is written as SVG (its name ends in ".svg", any case); otherwise PNG. */
    public static boolean isSvg(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg");
    }

    /**
     * {@link #writePngAsync(Node, Path, ExportOptions)}, or its SVG twin when the file name ends in ".svg": the
     * chart is drawn or recorded on the FX thread, encoded and written on a worker.
     */
    public static CompletableFuture<Path> writeAsync(Node chart, Path file, ExportOptions o) {
        if (!isSvg(file)) {
            return writePngAsync(chart, file, o);
        }
        return drawThenWrite(() -> renderSvg(chart, o), ChartExport::writeSvgFile, file);
    }

    /**
     * Snapshots on the FX thread (at once if called on it, else in the next pulse) and encodes and writes the PNG
     * on a worker thread, so the UI stays responsive for large exports. The future completes with {@code file},
     * or exceptionally with the IOException (wrapped) or rendering error.
     */
    public static CompletableFuture<Path> writePngAsync(CanvasChart chart, Path file, ExportOptions o) {
        return drawThenWrite(() -> render(chart, o), ChartExport::encode, file);
    }

    /** {@link #writePngAsync(CanvasChart, Path, ExportOptions)} for any node. */
    public static CompletableFuture<Path> writePngAsync(Node chart, Path file, ExportOptions o) {
        return drawThenWrite(() -> render(chart, o), ChartExport::encode, file);
    }

    @FunctionalInterface
    private interface FileWriter<T> {
        void write(T drawn, Path file) throws IOException;
    }

    /** Draws on the FX thread (at once if called there, else in the next pulse), then writes on the encoder. */
    private static <T> CompletableFuture<Path> drawThenWrite(Supplier<T> draw, FileWriter<T> writer, Path file) {
        return FxThread.supply(draw).thenApplyAsync(drawn -> {
            try {
                writer.write(drawn, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ENCODER);
    }

    /**
     * Writes every chart to {@code folder/<name>} (".png" added when the name has no extension), rendering each
     * on the FX thread and encoding on the calling thread. Returns the files written, in the map's order.
     *
     * @throws IllegalArgumentException if a name is empty or contains a path separator or ".."
     */
    public static List<Path> exportAll(Map<String, CanvasChart> chartsByFileName, Path folder, ExportOptions o)
            throws IOException {
        Map<Path, CanvasChart> targets = targets(chartsByFileName, folder);
        Files.createDirectories(folder);
        List<Path> out = new ArrayList<>();
        for (Map.Entry<Path, CanvasChart> e : targets.entrySet()) {
            if (isSvg(e.getKey())) {
                writeSvg(e.getValue(), e.getKey(), o);
            } else {
                writePng(e.getValue(), e.getKey(), o);
            }
            out.add(e.getKey());
        }
        return out;
    }

    /** {@link #exportAll} with the encoding on a worker; snapshots still on the FX thread. A name ending in
     * ".svg" is written as SVG, any other as PNG. */
    public static CompletableFuture<List<Path>> exportAllAsync(Map<String, CanvasChart> chartsByFileName, Path folder,
            ExportOptions o) {
        Map<Path, CanvasChart> targets = targets(chartsByFileName, folder);
        List<CompletableFuture<Path>> parts = new ArrayList<>();
        for (Map.Entry<Path, CanvasChart> e : targets.entrySet()) {
            parts.add(writeAsync(e.getValue(), e.getKey(), o));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().map(CompletableFuture::join).toList());
    }

    private static Map<Path, CanvasChart> targets(Map<String, CanvasChart> charts, Path folder) {
        Map<Path, CanvasChart> out = new LinkedHashMap<>();
        for (Map.Entry<String, CanvasChart> e : charts.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")) {
                throw new IllegalArgumentException("ChartExport.exportAll: \"" + name + "\" is not a plain file name;"
                        + " use a name like \"elbow.png\" without folders");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("ChartExport.exportAll: no chart for \"" + name + "\"");
            }
            out.put(folder.resolve(fileName(name)), e.getValue());
        }
        return out;
    }

    /**
     * The file names {@link #exportAll} and {@link #exportAllAsync} write for these chart names (".png" added
     * when a name has no extension), in order: what an export into a folder would replace.
     */
    public static List<String> fileNames(java.util.Collection<String> chartNames) {
        return chartNames.stream().map(ChartExport::fileName).toList();
    }

    private static String fileName(String name) {
        return name.indexOf('.') > 0 ? name : name + ".png";
    }

    /** Puts the rendered chart on the system clipboard as an image. FX thread. Returns true if it was accepted. */
    public static boolean copyToClipboard(CanvasChart chart, ExportOptions o) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(render(chart, o));
        return Clipboard.getSystemClipboard().setContent(content);
    }

    /** {@link #copyToClipboard(CanvasChart, ExportOptions)} for any node. */
    public static boolean copyToClipboard(Node chart, ExportOptions o) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(render(chart, o));
        return Clipboard.getSystemClipboard().setContent(content);
    }

    // --- encoding (any thread) ---------------------------------------------------------------------------------

    /**
     * The rendered image as PNG bytes, opaque (alpha dropped, as in the files). Any thread; the image must not
     * change meanwhile. Used by the report and the headless renderer, so every export is encoded one way.
     */
    public static byte[] toPng(WritableImage img) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        if (!ImageIO.write(opaque(img), "png", out)) {
            throw new IOException("No PNG writer available");
        }
        return out.toByteArray();
    }

    private static BufferedImage opaque(WritableImage img) {
        BufferedImage argb = SwingFXUtils.fromFXImage(img, null);
        // the export is opaque: drop alpha so viewers never show a checkerboard and the file is smaller
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(argb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static void writeSvgFile(SvgChartGraphics svg, Path file) throws IOException {
        lastEncoderThread = Thread.currentThread().getName();
        byte[] bytes = svg.toSvg().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            org.segmentlab.io.AtomicFiles.writeVia(file, tmp -> Files.write(tmp, bytes));
        } catch (IOException e) {
            throw new IOException("Could not write the chart image " + file + ": " + e.getMessage(), e);
        }
    }

    private static void encode(WritableImage img, Path file) throws IOException {
        lastEncoderThread = Thread.currentThread().getName();
        BufferedImage rgb = opaque(img);
        try {
            org.segmentlab.io.AtomicFiles.writeVia(file, tmp -> {
                if (!ImageIO.write(rgb, "png", tmp.toFile())) {
                    throw new IOException("No PNG writer available to write " + file);
                }
            });
        } catch (IOException e) {
            throw new IOException("Could not write the chart image " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renders on the FX thread and waits (no time limit: a large export may take long); errors pass through. */
    private static <T> T onFx(Supplier<T> s) throws IOException {
        try {
            return FxThread.call(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while rendering the chart", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new CompletionException(c);
        }
    }
}
