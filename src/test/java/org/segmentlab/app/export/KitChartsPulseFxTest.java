package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.charts.ExportOptions;
import org.segmentlab.app.personas.PersonaCardsViewModel;
import org.segmentlab.app.task.FxThread;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.CancelledException;
import org.segmentlab.progress.ProgressListener;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The kit's and report's charts are drawn one per FX-thread runnable from the worker ({@link KitCharts}): the FX
 * thread runs other queued work between two charts, Cancel between charts stops the export keeping the files written,
 * another analysis shown half-way leaves every chart out, and the missing ones are named as the user finds them.
 * The "charts" are small shapes (any node is drawn by {@code ChartExport.render}); a map that records every lookup,
 * and the thread it came on, stands for the window's charts. The test thread is the worker.
 */
@ExtendWith(ApplicationExtension.class)
class KitChartsPulseFxTest {

    private static final ExportOptions SMALL = ExportOptions.of(160, 90);

    @TempDir
    Path dir;

    private final Map<String, Node> shapes = new LinkedHashMap<>();
    /** What the FX thread did, in order: a chart's window name when it was drawn, or a note. */
    private final List<String> fx = Collections.synchronizedList(new ArrayList<>());
    private final List<String> offFx = Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) {
        for (String file : KitCharts.WINDOW_NAMES.values()) {
            shapes.put(file, new Rectangle(40, 30, Color.TEAL));
        }
        stage.setScene(new Scene(new HBox(shapes.values().toArray(Node[]::new))));
        stage.show();
    }

    /** The window's charts as {@link KitCharts} reads them, recording each chart looked up (once per chart drawn). */
    private Map<String, Node> window(Consumer<String> onLookup) {
        Map<String, Node> m = new LinkedHashMap<>(shapes) {
            @Override
            public Node get(Object key) {
                (Platform.isFxApplicationThread() ? fx : offFx).add((String) key);
                onLookup.accept((String) key);
                return super.get(key);
            }
        };
        return m;
    }

    @Test
    void theFxThreadRunsOtherWorkBetweenTwoCharts() {
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        Map<String, Node> charts = window(key -> {
            if (key.equals("elbow.png")) {
                // Queued while the first chart is drawn: it runs before the second only if that is another runnable.
                Platform.runLater(() -> fx.add("queued during the elbow"));
            }
        });
        AnalysisKit.Charts png = KitCharts.drawAndEncode(() -> charts, SMALL, () -> true, KitCharts.Naming.FOLDER,
                (f, m) -> steps.add(m), CancellationToken.NONE);

        assertEquals(List.of("elbow.png", "queued during the elbow", "silhouette_by_k.png", "pca_scatter.png",
                "silhouettes.png", "profile_heatmap.png"), fx);
        assertTrue(offFx.isEmpty(), "the window's charts are read on the FX thread only: " + offFx);
        assertEquals(ChartRenderer.ALL, List.copyOf(png.images().keySet()));
        assertNull(png.missing());
        assertTrue(steps.containsAll(List.of("Drawing elbow.png (1 of 5)", "Drawing silhouette.png (2 of 5)",
                "Drawing report.html's per-customer silhouettes (4 of 5)", "Encoding profile.png (5 of 5)")), "" + steps);
    }

    @Test
    void cancelBetweenChartsStopsTheExportAndKeepsTheFilesWritten() throws Exception {
        AnalysisResult r = analyse();
        PersonaCardsViewModel cards = new PersonaCardsViewModel();
        cards.setClusters(r);
        DataExports.Snapshot s = DataExports.snapshot(r, cards, null);
        CancellationToken token = new CancellationToken();
        Map<String, Node> charts = window(key -> {
            if (key.equals("silhouette_by_k.png")) {
                token.cancel(); // the user presses Cancel while the second chart is drawn
            }
        });
        Path kit = dir.resolve("kit");
        assertThrows(CancelledException.class, () -> DataExports.writeAll(s, kit, (res, personas, progress, cancel) ->
                KitCharts.drawAndEncode(() -> charts, SMALL, () -> true, KitCharts.Naming.FOLDER, progress, cancel),
                ProgressListener.NONE, token));

        assertEquals(List.of("elbow.png", "silhouette_by_k.png"), fx, "the chart being drawn finishes, no other starts");
        for (String f : List.of(AnalysisKit.SEGMENTS, AnalysisKit.SUMMARY, AnalysisKit.MODEL_JSON,
                AnalysisKit.MODEL_PMML)) {
            assertTrue(Files.size(kit.resolve(f)) > 0, f + " is kept");
        }
        assertTrue(Files.readString(kit.resolve(AnalysisKit.SEGMENTS)).startsWith("ID,NOTE"));
        assertFalse(Files.exists(kit.resolve("elbow.png")));
        assertFalse(Files.exists(kit.resolve("report.html")));
    }

    @Test
    void anotherAnalysisShownBetweenChartsLeavesEveryChartOut() {
        AtomicInteger asked = new AtomicInteger();
        Map<String, Node> charts = window(key -> { });
        // The user picks another k while the second chart is drawn: the third runnable finds it on screen.
        AnalysisKit.Charts png = KitCharts.drawAndEncode(() -> charts, SMALL, () -> {
            assertTrue(Platform.isFxApplicationThread());
            return asked.incrementAndGet() <= 2;
        }, KitCharts.Naming.FOLDER, ProgressListener.NONE, CancellationToken.NONE);

        assertEquals(List.of("elbow.png", "silhouette_by_k.png"), fx, "nothing is drawn from the other analysis");
        assertTrue(png.images().isEmpty(), "the two drawn from the first analysis are not mixed with none: "
                + png.images().keySet());
        assertEquals(KitCharts.ANOTHER_ANALYSIS, png.missing());
    }

    @Test
    void missingChartsAreNamedAsTheUserFindsThem() {
        Map<String, Node> onlyTwo = new LinkedHashMap<>(shapes);
        onlyTwo.remove("silhouettes.png");
        onlyTwo.remove("profile_heatmap.png");
        onlyTwo.remove("pca_scatter.png");
        AnalysisKit.Charts folder = KitCharts.drawAndEncode(() -> onlyTwo, SMALL, () -> true, KitCharts.Naming.FOLDER,
                ProgressListener.NONE, CancellationToken.NONE);
        assertEquals("pca_scatter.png, report.html's per-customer silhouettes, profile.png: the window has no such"
                + " chart", folder.missing(), "no silhouettes.png is promised: the folder never has one");
        assertEquals(List.of(ChartRenderer.ELBOW, ChartRenderer.SILHOUETTE_BY_K), List.copyOf(folder.images().keySet()));

        AnalysisKit.Charts report = KitCharts.drawAndEncode(() -> onlyTwo, SMALL, () -> true, KitCharts.Naming.REPORT,
                ProgressListener.NONE, CancellationToken.NONE);
        assertEquals("the principal-components scatter, the silhouette of every customer, the profiles: the window has"
                + " no such chart", report.missing(), "the report has no files: its charts by what they show");

        ExecutionException onFx = assertThrows(ExecutionException.class, () -> FxThread.call(() ->
                KitCharts.drawInPulses(() -> onlyTwo, SMALL, () -> true, KitCharts.Naming.FOLDER,
                        ProgressListener.NONE, CancellationToken.NONE)));
        assertTrue(onFx.getCause() instanceof IllegalStateException, "the FX thread would wait for itself");
    }

    /** 120 customers in three groups (as DataExportsTest). */
    private AnalysisResult analyse() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("ID,NOTE,SPEND,VISITS\n");
        for (int i = 0; i < 120; i++) {
            int g = i % 3;
            sb.append("C").append(i).append(",note ").append(i).append(',')
                    .append(100 + 900 * g + rnd.nextDouble() * 50).append(',').append(2 + 5 * g + rnd.nextDouble())
                    .append('\n');
        }
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        return Pipeline.run(new CsvLoader().load(csv), AnalysisRequest.defaults().withKRange(3, 3),
                ProgressListener.NONE, CancellationToken.NONE);
    }
}
