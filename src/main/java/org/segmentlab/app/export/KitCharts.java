package org.segmentlab.app.export;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.segmentlab.app.charts.ChartExport;
import org.segmentlab.app.charts.ExportOptions;
import org.segmentlab.app.task.FxThread;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;

/**
 * The chart images of the report and of "Everything to a folder", drawn from the window's own charts with
 * {@link ChartExport#render} (the code the CLI's headless renderer and the chart exports draw with, so there is one
 * drawing path). A worker drives it ({@link #drawAndEncode}): it asks the FX thread for one chart at a time, each in
 * its own runnable ({@link #drawInPulses}), so the window repaints, takes clicks and shows "Drawing elbow.png (1 of 5)"
 * between charts, and Cancel is honoured between them; then it encodes the images as PNG itself ({@link #encode}). A
 * chart that fails is left out and named, the others are kept: the files beside them and the report's tables do not
 * depend on a picture. The window's charts are not modified.
 *
 * <p>Each chart still holds the FX thread while it is drawn (80 to 280 ms at 1920 x 1080): {@code Canvas.snapshot}
 * waits for Prism's render thread, and so does the callback form of {@code Node.snapshot}, which only moves that same
 * wait into the next pulse (OpenJFX runs it as a pulse listener through {@code Toolkit.renderToImage}); so the
 * blocking form is used, one chart per runnable.
 */
public final class KitCharts {

    /** The window's chart file names ({@code MainWindow.charts()}) by the kit's and report's chart names. */
    public static final Map<String, String> WINDOW_NAMES = Map.of(
            ChartRenderer.ELBOW, "elbow.png",
            ChartRenderer.SILHOUETTE_BY_K, "silhouette_by_k.png",
            ChartRenderer.SCATTER, "pca_scatter.png",
            ChartRenderer.SILHOUETTES, "silhouettes.png",
            ChartRenderer.PROFILE, "profile_heatmap.png");

    /** Why no chart is kept when the analysis on screen changed while they were drawn (another k chosen). */
    public static final String ANOTHER_ANALYSIS = "another analysis was shown while exporting (export again for its"
            + " charts)";

    /**
     * How a chart is named to the user, in progress messages and in the list of missing ones: as the user finds it
     * where the export puts it.
     */
    public enum Naming {
        /**
         * Everything to a folder: the file the folder gets ({@link ChartRenderer#KIT_IMAGES}); the per-customer
         * silhouettes, which are no file there, by their place in report.html.
         */
        FOLDER,
        /** Report (HTML)…: no chart is a file, so each is named as the report titles it. */
        REPORT;

        /** The user's name for {@code chart} ({@link ChartRenderer#ALL}); an unknown name is returned as it is. */
        public String of(String chart) {
            if (this == FOLDER) {
                return ChartRenderer.SILHOUETTES.equals(chart) ? "report.html's per-customer silhouettes" : chart;
            }
            return switch (chart) {
                case ChartRenderer.ELBOW -> "the elbow";
                case ChartRenderer.SILHOUETTE_BY_K -> "the mean silhouette against k";
                case ChartRenderer.SCATTER -> "the principal-components scatter";
                case ChartRenderer.SILHOUETTES -> "the silhouette of every customer";
                case ChartRenderer.PROFILE -> "the profiles";
                default -> chart;
            };
        }
    }

    /**
     * Charts rendered and not yet encoded.
     *
     * @param images chart name ({@link ChartRenderer#ALL}) to image, in that order
     * @param failed chart name to why it was not drawn
     */
    public record Drawn(Map<String, WritableImage> images, Map<String, String> failed) {
        public Drawn {
            images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
            failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        }
    }

    /** One chart drawn on the FX thread: its image, or why there is none. */
    private record One(WritableImage image, String failed) {
    }

    /** Share of the progress range spent drawing; the rest is encoding. */
    private static final double DRAWING = 0.5;

    private KitCharts() {
    }

    /**
     * Draws and encodes every chart of {@link ChartRenderer#ALL} found in the window's charts, from a worker (never
     * the FX thread): {@link #drawInPulses} then {@link #encode}.
     *
     * @return the images and, when any is missing, a sentence naming them ({@code naming}) and why; no image at all,
     *         with {@link #ANOTHER_ANALYSIS}, when {@code stillShown} turned false on the way
     * @throws org.segmentlab.progress.CancelledException when cancelled between two charts (or interrupted)
     */
    public static AnalysisKit.Charts drawAndEncode(Supplier<? extends Map<String, ? extends Node>> windowCharts,
                                                   ExportOptions o, BooleanSupplier stillShown, Naming naming,
                                                   ProgressListener progress, CancellationToken cancel) {
        Drawn drawn = drawInPulses(windowCharts, o, stillShown, naming, progress.range(0, DRAWING), cancel);
        if (drawn == null) {
            return AnalysisKit.Charts.skipped(ANOTHER_ANALYSIS);
        }
        return encode(drawn, naming, progress.range(DRAWING, 1), cancel);
    }

    /**
     * Draws the charts one per FX-thread runnable, from a worker that waits for each: between two charts the FX
     * thread runs what else is queued (a repaint, a click, the progress just reported). Before each chart it reports
     * "Drawing elbow.png (1 of 5)" and checks {@code cancel}; on the FX thread, in the chart's own runnable, it asks
     * {@code stillShown} and reads {@code windowCharts}, so no image is drawn from an analysis other than the one the
     * export began with.
     *
     * @param windowCharts the window's charts by their file names ({@code MainWindow.charts()}); read on the FX thread
     * @param stillShown   whether the analysis being exported is still the one on screen; asked on the FX thread
     * @return the images and the charts that failed, or null when {@code stillShown} turned false (the images drawn
     *         until then are dropped: the export's images show one analysis or none)
     * @throws IllegalStateException on the FX thread, which would wait for itself
     * @throws org.segmentlab.progress.CancelledException when cancelled before a chart (the one being drawn finishes)
     */
    public static Drawn drawInPulses(Supplier<? extends Map<String, ? extends Node>> windowCharts, ExportOptions o,
                                     BooleanSupplier stillShown, Naming naming, ProgressListener progress,
                                     CancellationToken cancel) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("KitCharts.drawInPulses waits for the JavaFX thread: call it from a worker");
        }
        Map<String, WritableImage> images = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int n = ChartRenderer.ALL.size();
        for (int i = 0; i < n; i++) {
            String name = ChartRenderer.ALL.get(i);
            cancel.throwIfCancelled();
            progress.update(i / (double) n, "Drawing " + naming.of(name) + " (" + (i + 1) + " of " + n + ")");
            One one = onFx(() -> stillShown.getAsBoolean() ? drawOne(name, windowCharts.get(), o) : null);
            if (one == null) {
                return null;
            }
            if (one.image() != null) {
                images.put(name, one.image());
            } else {
                failed.put(name, one.failed());
            }
        }
        progress.update(1, "Charts drawn");
        return new Drawn(images, failed);
    }

    /** FX thread: one chart at the export size, or why not. */
    private static One drawOne(String name, Map<String, ? extends Node> windowCharts, ExportOptions o) {
        Node chart = windowCharts.get(WINDOW_NAMES.get(name));
        if (chart == null) {
            return new One(null, "the window has no such chart");
        }
        try {
            return new One(ChartExport.render(chart, o), null);
        } catch (RuntimeException e) {
            // One chart that cannot be drawn must not cost the user the others nor the files beside them.
            AppLog.error("Could not draw the chart " + name, e);
            return new One(null, "drawing failed (" + e + ")");
        }
    }

    /** Runs {@code work} in one FX-thread runnable and waits for it; what it throws passes through. */
    private static <T> T onFx(Supplier<T> work) {
        try {
            return FxThread.call(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            // An Error from the graphics stack: DataExports.writeAll turns it into "charts missing" and writes the rest.
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Encodes the drawn charts as PNG, on any thread (not the FX thread, for large images: this is the slow half),
     * reporting and checking {@code cancel} before each one. A chart that cannot be encoded is left out and named, like
     * one that could not be drawn.
     *
     * @return the images and, when any is missing, a sentence naming them ({@code naming}) and why (for the banner
     *         and the report)
     */
    public static AnalysisKit.Charts encode(Drawn drawn, Naming naming, ProgressListener progress,
                                            CancellationToken cancel) {
        Map<String, byte[]> png = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>(drawn.failed());
        int done = 0, n = drawn.images().size();
        for (Map.Entry<String, WritableImage> e : drawn.images().entrySet()) {
            cancel.throwIfCancelled();
            progress.update(done / (double) n, "Encoding " + naming.of(e.getKey()) + " (" + ++done + " of " + n + ")");
            try {
                png.put(e.getKey(), ChartExport.toPng(e.getValue()));
            } catch (IOException | RuntimeException ex) {
                AppLog.error("Could not encode the chart " + e.getKey(), ex);
                failed.put(e.getKey(), "encoding it as PNG failed (" + ex.getMessage() + ")");
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        ChartRenderer.ALL.stream().filter(failed::containsKey).forEach(c -> named.put(naming.of(c), failed.get(c)));
        failed.forEach((c, why) -> named.putIfAbsent(naming.of(c), why));
        return new AnalysisKit.Charts(png, missing(named));
    }

    /** {@link #encode(Drawn, Naming, ProgressListener, CancellationToken)} naming the charts as the folder has them. */
    public static AnalysisKit.Charts encode(Drawn drawn, ProgressListener progress, CancellationToken cancel) {
        return encode(drawn, Naming.FOLDER, progress, cancel);
    }

    /**
     * "elbow.png, profile.png: drawing failed (…)", charts with the same reason named together, in the map's order;
     * null when nothing failed.
     *
     * @param failed the user's name of each chart ({@link Naming}) to why it is missing
     */
    static String missing(Map<String, String> failed) {
        if (failed.isEmpty()) {
            return null;
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        failed.forEach((name, why) -> byReason.computeIfAbsent(why, w -> new java.util.ArrayList<>()).add(name));
        return byReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
