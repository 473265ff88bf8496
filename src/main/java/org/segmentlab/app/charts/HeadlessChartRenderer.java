package org.segmentlab.app.charts;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.WritableImage;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.analysis.ChooseKView;
import org.segmentlab.app.analysis.ChooseKViewModel;
import org.segmentlab.app.analysis.SegmentsView;
import org.segmentlab.app.analysis.SegmentsViewModel;
import org.segmentlab.app.task.DirectTaskRunner;
import org.segmentlab.app.task.FxThread;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.Persona;

/**
 * The {@link ChartRenderer} service: draws an analysis's charts without a window, for {@code analyze --out}.
 * It builds the app's own Choose k and Segments views off-screen from the result (so the charts get exactly the
 * data the window gives them) and renders each chart with {@link ChartExport}, the code behind the app's
 * exports: same look, same footer, text scaled with the size.
 *
 * <p>When no JavaFX toolkit runs yet it starts one headless with Monocle (software rendering, no display needed);
 * a toolkit already running (the app, TestFX) is used as it is. Only the rendering runs on the FX thread; PNG
 * encoding runs on the caller's. Registered in {@code META-INF/services} and in the image's module descriptor.
 */
public final class HeadlessChartRenderer implements ChartRenderer {

    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    private static final long TIMEOUT_SECONDS = 120;
    private static final Object LOCK = new Object();
    private static boolean ready;
    /** Why the toolkit could not start in this JVM (it cannot be started twice), or null. */
    private static String failure;

    /** The service constructor ({@link java.util.ServiceLoader} needs a public one without arguments). */
    public HeadlessChartRenderer() {
    }

    @Override
    public Map<String, byte[]> render(AnalysisResult result, List<Persona> personas, int width, int height)
            throws UnavailableException {
        ExportOptions o = ExportOptions.of(width, height).withFooter(footer(result));
        List<String> names = names(result, personas);
        startToolkit();
        Map<String, WritableImage> images = onFx(() -> renderAll(result, names, o, ChartExport::render));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, WritableImage> e : images.entrySet()) {
            try {
                out.put(e.getKey(), ChartExport.toPng(e.getValue()));
            } catch (IOException ex) {
                throw new UnavailableException("could not encode " + e.getKey() + " as PNG: " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    @Override
    public Map<String, String> renderSvg(AnalysisResult result, List<Persona> personas, int width, int height)
            throws UnavailableException {
        ExportOptions o = ExportOptions.of(width, height).withFooter(footer(result));
        List<String> names = names(result, personas);
        startToolkit();
        Map<String, SvgChartGraphics> recorded = onFx(() -> renderAll(result, names, o, ChartExport::renderSvg));
        Map<String, String> out = new LinkedHashMap<>();
        recorded.forEach((name, svg) -> out.put(ChartRenderer.svgName(name), svg.toSvg())); // encoded off the FX thread
        return out;
    }

    /** The segment names the charts show: the personas' names, "Cluster c" where there is none. */
    private static List<String> names(AnalysisResult result, List<Persona> personas) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < result.chosenK(); c++) {
            Persona p = personas != null && c < personas.size() ? personas.get(c) : null;
            names.add(p == null || p.name() == null || p.name().isBlank() ? "Cluster " + c : p.name());
        }
        return names;
    }

    /** "cc_general.csv · k = 4 · 2026-11-25", as the window's exports say it. */
    static String footer(AnalysisResult r) {
        String file = r.table().source() == null ? "" : r.table().source().getFileName() + " · ";
        return file + "k = " + r.chosenK() + " · " + LocalDate.now();
    }

    /** FX thread: the views the window shows, fed the same way, off-screen; each chart rendered once. */
    private static <T> Map<String, T> renderAll(AnalysisResult r, List<String> names, ExportOptions o,
                                                java.util.function.BiFunction<javafx.scene.Node, ExportOptions, T> draw) {
        SimpleObjectProperty<AnalysisOutcome> outcome = new SimpleObjectProperty<>(AnalysisOutcome.of(r));
        ChooseKView chooseK = new ChooseKView(new ChooseKViewModel(outcome, k -> { }));
        SegmentsViewModel segmentsModel = new SegmentsViewModel(outcome, new DirectTaskRunner());
        segmentsModel.setNames(names);
        SegmentsView segments = new SegmentsView(segmentsModel);
        Map<String, T> m = new LinkedHashMap<>();
        m.put(ELBOW, draw.apply(chooseK.elbow(), o));
        m.put(SILHOUETTE_BY_K, draw.apply(chooseK.silhouette(), o));
        m.put(SCATTER, draw.apply(segments.scatter(), o));
        m.put(SILHOUETTES, draw.apply(segments.silhouette(), o));
        m.put(PROFILE, draw.apply(segments.heatmap(), o));
        return m;
    }

    /**
     * Starts the JavaFX toolkit headless unless one runs already. The Monocle properties are set only where the
     * user set none, before the toolkit reads them.
     */
    static void startToolkit() throws UnavailableException {
        synchronized (LOCK) {
            if (ready) {
                return;
            }
            if (failure != null) {
                throw new UnavailableException(failure, null);
            }
            if (isRunning()) {
                ready = true;
                return;
            }
            boolean monocle = hasMonocle();
            if (monocle) {
                setIfAbsent("glass.platform", "Monocle");
                setIfAbsent("monocle.platform", "Headless");
                setIfAbsent("prism.order", "sw");
            } else if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                    && !System.getProperty("os.name", "").startsWith("Windows")
                    && !System.getProperty("os.name", "").startsWith("Mac")) {
                failure = "there is no display and the headless graphics driver (Monocle) is not installed";
                throw new UnavailableException(failure, null);
            }
            setIfAbsent("java.awt.headless", "true");
            CountDownLatch started = new CountDownLatch(1);
            // From the class-path jar JavaFX warns about its "unsupported configuration" at start-up: noise on a
            // command line's stderr (the window has the same set-up and works), so it is muted while starting.
            java.util.logging.Logger fxLog = java.util.logging.Logger.getLogger("javafx");
            java.util.logging.Level level = fxLog.getLevel();
            fxLog.setLevel(java.util.logging.Level.SEVERE);
            try {
                Platform.startup(started::countDown);
                Platform.setImplicitExit(false);
            } catch (IllegalStateException alreadyRunning) {
                // Started by another thread since isRunning() looked: use it.
                started.countDown();
            } catch (RuntimeException | Error e) {
                AppLog.error("Could not start the JavaFX toolkit for the charts", e);
                failure = "the graphics toolkit could not start (" + e + ")";
                throw new UnavailableException(failure, e);
            } finally {
                fxLog.setLevel(level);
            }
            try {
                if (!started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    failure = "the graphics toolkit did not start within " + TIMEOUT_SECONDS + " s";
                    throw new UnavailableException(failure, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("interrupted while starting the graphics toolkit", e);
            }
            ready = true;
        }
    }

    private static boolean isRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }

    private static boolean hasMonocle() {
        try {
            Class.forName(MONOCLE, false, HeadlessChartRenderer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Draws on the FX thread and waits at most {@link #TIMEOUT_SECONDS}: a command line must not hang. */
    private static <T> T onFx(Supplier<T> work) throws UnavailableException {
        try {
            return FxThread.call(work, Duration.ofSeconds(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while drawing the charts", e);
        } catch (TimeoutException e) {
            throw new UnavailableException("drawing the charts took longer than " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            AppLog.error("Drawing the charts failed", e.getCause());
            throw new UnavailableException("drawing the charts failed: " + e.getCause(), e.getCause());
        }
    }
}
