package org.segmentlab.app.export;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.segmentlab.app.charts.ChartExport;
import org.segmentlab.app.charts.ExportOptions;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * The chart images of the report and of "Everything to a folder", drawn from the window's own charts with
 * {@link ChartExport#render} (the code the CLI's headless renderer and the chart exports draw with, so there is one
 * drawing path). Two halves, so that the FX thread only draws: {@link #draw} renders every chart in one go on the FX
 * thread (the live charts hold their data already; nothing is recomputed), {@link #encode} turns them into PNG bytes
 * on a worker. A chart that fails is left out and named, the others are kept: the files beside them and the report's
 * tables do not depend on a picture. The window's charts are not modified.
 */
public final class KitCharts {

    /** The window's chart file names ({@code MainWindow.charts()}) by the kit's and report's chart names. */
    public static final Map<String, String> WINDOW_NAMES = Map.of(
            ChartRenderer.ELBOW, "elbow.png",
            ChartRenderer.SILHOUETTE_BY_K, "silhouette_by_k.png",
            ChartRenderer.SCATTER, "pca_scatter.png",
            ChartRenderer.SILHOUETTES, "silhouettes.png",
            ChartRenderer.PROFILE, "profile_heatmap.png");

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

    private KitCharts() {
    }

    /**
     * Renders every chart of {@link ChartRenderer#ALL} found in {@code windowCharts} at {@code o}'s size. FX thread
     * only (it throws elsewhere); it does all of them in this one call rather than one pulse each, so the export's
     * images show the same state.
     *
     * @param windowCharts the window's charts by their file names ({@code MainWindow.charts()})
     */
    public static Drawn draw(Map<String, ? extends Node> windowCharts, ExportOptions o) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("KitCharts.draw must run on the JavaFX thread; encode may run anywhere");
        }
        Map<String, WritableImage> images = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String name : ChartRenderer.ALL) {
            Node chart = windowCharts.get(WINDOW_NAMES.get(name));
            if (chart == null) {
                failed.put(name, "the window has no such chart");
                continue;
            }
            try {
                images.put(name, ChartExport.render(chart, o));
            } catch (RuntimeException e) {
                // One chart that cannot be drawn must not cost the user the others nor the files beside them.
                AppLog.error("Could not draw the chart " + name, e);
                failed.put(name, "drawing failed (" + e + ")");
            }
        }
        return new Drawn(images, failed);
    }

    /**
     * Encodes the drawn charts as PNG, on any thread (not the FX thread, for large images: this is the slow half),
     * reporting and checking {@code cancel} before each one. A chart that cannot be encoded is left out and named, like one that
     * could not be drawn.
     *
     * @return the images and, when any is missing, a sentence naming them and why (for the banner and the report)
     */
    public static AnalysisKit.Charts encode(Drawn drawn, ProgressListener progress, CancellationToken cancel) {
        Map<String, byte[]> png = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>(drawn.failed());
        int done = 0;
        for (Map.Entry<String, WritableImage> e : drawn.images().entrySet()) {
            cancel.throwIfCancelled();
            progress.update(done++ / (double) drawn.images().size(), "Encoding " + e.getKey());
            try {
                png.put(e.getKey(), ChartExport.toPng(e.getValue()));
            } catch (IOException | RuntimeException ex) {
                AppLog.error("Could not encode the chart " + e.getKey(), ex);
                failed.put(e.getKey(), "encoding it as PNG failed (" + ex.getMessage() + ")");
            }
        }
        return new AnalysisKit.Charts(png, missing(failed));
    }

    /**
     * "elbow.png, profile.png: drawing failed (…)", charts with the same reason named together, in
     * {@link ChartRenderer#ALL}'s order; null when nothing failed.
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
