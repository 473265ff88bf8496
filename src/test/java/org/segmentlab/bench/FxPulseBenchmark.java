package org.segmentlab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.MainWindow;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.task.FxTaskRunner;

/**
 * Not a test: how long the FX thread goes without a pulse while the real window opens a big file and
 * runs the default analysis. An AnimationTimer stamps every pulse; a watchdog thread samples the FX
 * thread's stack whenever no pulse came for 50 ms, so a long gap says where it came from. After the
 * analysis it shows the Choose k and Segments tabs (the 1M-point scatter) and hovers nothing.
 *
 * <p>On JDK 17 each stack sample is a "ThreadDump" safepoint: every thread stops, and the sample waits for
 * any thread that is in a long stretch without a safepoint poll (zeroing a huge new array). So sampling can
 * lengthen the very gaps it explains. {@code -Dfxpulse.stacks=false} turns it off, for the verdict runs;
 * the per-gap CPU figures need no safepoint and stay.
 *
 * <p>Run with {@code bench/fx-pulse.sh} (Monocle headless, the surefire system properties).
 *
 * <pre>java ... org.segmentlab.bench.FxPulseBenchmark /tmp/synthetic_1m.csv 3</pre>
 */
public final class FxPulseBenchmark {

    private FxPulseBenchmark() {
    }

    static Path file;
    static int nInit;
    static final CountDownLatch DONE = new CountDownLatch(1);
    /** Whether the watchdog samples the FX thread's stack in long gaps (see the class comment). */
    static final boolean STACKS = !"false".equals(System.getProperty("fxpulse.stacks"));

    public static void main(String[] args) throws Exception {
        file = Path.of(args.length > 0 ? args[0] : "/tmp/synthetic_1m.csv");
        nInit = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.isRegularFile(file)) {
            System.err.println("missing " + file + "; see bench/fx-pulse.sh");
            System.exit(2);
        }
        new Thread(() -> Application.launch(App.class), "fx-launcher").start();
        if (!DONE.await(30, TimeUnit.MINUTES)) {
            System.err.println("timed out");
        }
        Platform.exit();
        System.exit(0);
    }

    /** One pulse gap and what the FX thread was doing during it. */
    record Gap(long startNanos, double ms, double gcMs, double fxCpuMs, double renderCpuMs, double restCpuMs, String phase,
               String stack) {
    }

    public static final class App extends Application {

        private final List<Long> pulses = new ArrayList<>(200_000);
        private final List<Gap> gaps = new ArrayList<>();
        private volatile long lastPulse = System.nanoTime();
        private long lastGc;
        private long lastCpu;
        private long lastRenderCpu;
        private long lastProcessCpu;
        /** The whole process's CPU time: what the other threads (analysis, GC, JIT) took during a gap is the rest. */
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        /** Prism's render thread (QuantumRenderer), found at the first pulse: the FX thread waits for it each pulse. */
        private volatile Thread renderThread;
        private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private volatile String phase = "window start (before the file is opened)";
        /** FX-thread CPU per phase after the open, in order of first sight: pulses, total ms, most in one pulse. */
        private final java.util.Map<String, double[]> phaseCpu = new java.util.LinkedHashMap<>();
        /** Pulses the window runs idle before the file is opened, as a user's window is up before they open a file. */
        private static final int IDLE_PULSES = Integer.getInteger("fxpulse.idlePulses", 30);
        /** Stack samples of the FX thread during the current gap, by description. */
        private final java.util.concurrent.ConcurrentHashMap<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
        /** SegmentLab frames (and the first JavaFX control) in this gap's samples, each counted once a sample. */
        private final java.util.concurrent.ConcurrentHashMap<String, Integer> ourFrames = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Thread fxThread;
        private AppContext context;
        private long t0;
        private volatile long opened = Long.MAX_VALUE;

        @Override
        public void start(Stage stage) {
            fxThread = Thread.currentThread();
            context = new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(), AnalysisService.PIPELINE,
                    new SettingsStore(Path.of(System.getProperty("java.io.tmpdir"), "fx-pulse-settings.json")));
            MainWindow window = SegmentLabApp.open(stage, context, AppSettings.empty());
            stage.show();
            MainViewModel vm = context.main();
            vm.settings().nInitProperty().set(nInit);

            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long gap = t - lastPulse;
                    long gc = gcMillis();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long renderCpu = renderCpu();
                    long processCpu = OS.getProcessCpuTime();
                    if (t >= opened && !pulses.isEmpty()) {
                        double[] st = phaseCpu.computeIfAbsent(phase, k -> new double[3]);
                        double fxMs = (cpu - lastCpu) / 1e6;
                        st[0]++;
                        st[1] += fxMs;
                        st[2] = Math.max(st[2], fxMs);
                    }
                    if (gap > 50_000_000L && !pulses.isEmpty()) {
                        double fxMs = (cpu - lastCpu) / 1e6;
                        double renderMs = (renderCpu - lastRenderCpu) / 1e6;
                        gaps.add(new Gap(lastPulse, gap / 1e6, gc - lastGc, fxMs, renderMs,
                                (processCpu - lastProcessCpu) / 1e6 - fxMs - renderMs, phase,
                                topSamples() + topFrames() + (gap > 100_000_000L ? otherThreads() : "")));
                    }
                    lastProcessCpu = processCpu;
                    lastJit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    lastGc = gc;
                    lastCpu = cpu;
                    lastRenderCpu = renderCpu;
                    samples.clear();
                    ourFrames.clear();
                    lastPulse = t;
                    pulses.add(t);
                }
            };
            // A sampler, not a wait: every 10 ms, look at the FX thread's stack if no pulse came for 50 ms.
            java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "pulse-watchdog");
                        t.setDaemon(true);
                        return t;
                    });
            watchdog.scheduleAtFixedRate(this::sample, 5, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
            timer.start();

            vm.stepProperty().addListener((o, a, b) -> {
                if (b != null && !b.isBlank()) {
                    phase = b;
                }
            });
            vm.dataProperty().addListener((o, a, b) -> phase = "data published (Data tab, table, summaries)");
            // the Data tab fills its three views in consecutive pulses (and once with a tiny warm-up table)
            for (String id : new String[] {"#columnSummary", "#dataTable", "#advisor"}) {
                javafx.scene.Node n = stage.getScene().lookup(id);
                if (n instanceof javafx.scene.control.TableView<?> t) {
                    t.itemsProperty().addListener((o, a, b) -> phase = id + " filled (" + b.size() + " items)");
                    t.getColumns().addListener((javafx.collections.ListChangeListener<Object>) c ->
                            phase = id + " columns set (" + t.getColumns().size() + ")");
                    t.getVisibleLeafColumns().addListener((javafx.collections.ListChangeListener<Object>) c ->
                            phase = id + " columns shown (" + t.getVisibleLeafColumns().size() + ")");
                } else if (n instanceof javafx.scene.control.ListView<?> l) {
                    l.itemsProperty().addListener((o, a, b) -> phase = id + " filled (" + b.size() + " items)");
                }
            }
            vm.outcomeProperty().addListener((o, a, b) -> phase = "outcome published (status, Choose k charts)");
            vm.segmentsModel().modelProperty().addListener((o, a, m) -> {
                phase = "segments model published (scatter, silhouettes, heatmap)";
                if (m != null) {
                    TabPane tabs = window.tabs();
                    log("segments model arrived; showing Choose k, then Segments");
                    phase = "Choose k tab shown";
                    tabs.getSelectionModel().select(1);
                    // Let a few pulses pass on each tab before the next step.
                    Platform.runLater(() -> delay(1000, () -> {
                        phase = "Segments tab shown (1M-point scatter)";
                        tabs.getSelectionModel().select(2);
                        delay(3000, () -> {
                            phase = "pan, zoom and hover the 1M-point scatter";
                            interact(stage, () -> {
                                phase = "pick k = 5 on the elbow";
                                vm.chooseK(5);
                                delay(4000, this::finish);
                            });
                        });
                    }));
                }
            });
            t0 = System.nanoTime();
            int[] idle = {0};
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (++idle[0] < IDLE_PULSES) {
                        return;
                    }
                    stop();
                    t0 = System.nanoTime();
                    log("opening " + file + " with n_init " + nInit + " after " + IDLE_PULSES + " idle pulses of the new window"
                            + (STACKS ? "" : "; no stack samples (-Dfxpulse.stacks=false)"));
                    phase = "open requested";
                    opened = System.nanoTime();
                    vm.open(file);
                }
            }.start();
        }

        /**
         * About 3 s of mouse work on the scatter, one event per pulse: drags (pans), wheel zooms in and out, and a
         * hover look-up each time; then {@code then}.
         */
        private void interact(Stage stage, Runnable then) {
            org.segmentlab.app.charts.PcaScatter scatter =
                    (org.segmentlab.app.charts.PcaScatter) stage.getScene().lookup("#pcaScatter");
            if (scatter == null) {
                log("no scatter found; skipping the interaction");
                then.run();
                return;
            }
            int[] step = {0};
            int framesBefore = scatter.rasterFramesShown();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int i = step[0]++;
                    javafx.geometry.Point2D c = scatter.plotNode().localToScene(
                            scatter.viewport().left() + scatter.viewport().width() / 2,
                            scatter.viewport().top() + scatter.viewport().height() / 2);
                    switch ((i / 30) % 4) {
                        case 0 -> scatter.panBy(6, -3);
                        case 1 -> scatter.zoomAt(scatter.viewport().left() + 300, scatter.viewport().top() + 200, 1.03);
                        case 2 -> scatter.zoomAt(scatter.viewport().left() + 300, scatter.viewport().top() + 200, 1 / 1.03);
                        default -> scatter.panBy(-6, 3);
                    }
                    scatter.pointIndexAt(c.getX() + (i % 40) - 20, c.getY());
                    if (i >= 180) {
                        stop();
                        log("scatter: " + i + " pan/zoom events, " + (scatter.rasterFramesShown() - framesBefore)
                                + " raster frames shown, last frame latency "
                                + String.format(Locale.ROOT, "%.1f ms", scatter.lastFrameLatencyNanos() / 1e6));
                        then.run();
                    }
                }
            }.start();
        }

        /** Total collection time of every collector so far (stop-the-world and concurrent alike). */
        private static long gcMillis() {
            long sum = 0;
            for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, b.getCollectionTime());
            }
            return sum;
        }

        private void delay(long ms, Runnable r) {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(ms));
            p.setOnFinished(e -> r.run());
            p.play();
        }

        /** Every thread's CPU time when the current gap reached 50 ms, by thread id (null outside a gap). */
        private volatile java.util.Map<Long, Long> gapStartCpu;
        private volatile long gapStartPulse;
        private long lastJit;

        private static java.util.Map<Long, Long> threadCpu() {
            java.util.Map<Long, Long> m = new java.util.HashMap<>();
            for (long id : THREADS.getAllThreadIds()) {
                m.put(id, THREADS.getThreadCpuTime(id));
            }
            return m;
        }

        /** Which other threads took the CPU from 50 ms into the gap to its end, by name with digits dropped. */
        private String otherThreads() {
            java.util.Map<Long, Long> start = gapStartCpu;
            if (start == null || gapStartPulse != lastPulse) {
                return "";
            }
            java.util.Map<String, Double> byName = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t == null || t.getThreadId() == fxThread.getId()) {
                    continue;
                }
                long now = THREADS.getThreadCpuTime(t.getThreadId());
                long then = start.getOrDefault(t.getThreadId(), 0L);
                if (now - then > 2_000_000L) {
                    byName.merge(t.getThreadName().replaceAll("[0-9]+", "#"), (now - then) / 1e6, Double::sum);
                }
            }
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            return "\n        JIT compiling in the whole gap " + (jit - lastJit) + " ms; other threads' CPU from 50 ms in: " + byName.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .map(e -> String.format(Locale.ROOT, "%s %.0f ms", e.getKey(), e.getValue()))
                    .reduce((a, b) -> a + ", " + b).orElse("none");
        }

        private void sample() {
            Thread fx = fxThread;
            if (fx != null && System.nanoTime() - lastPulse > 50_000_000L) {
                if (gapStartPulse != lastPulse) {
                    gapStartCpu = threadCpu();
                    gapStartPulse = lastPulse;
                }
                if (!STACKS) {
                    return;
                }
                StackTraceElement[] st = fx.getStackTrace();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (StackTraceElement e : st) {
                    String c = e.getClassName();
                    if ((c.startsWith("org.segmentlab") && !c.contains("FxPulseBenchmark")) || c.startsWith("javafx.scene.control.skin")
                            || c.startsWith("javafx.scene.control.Control") || c.equals("javafx.scene.Scene$ScenePulseListener")) {
                        String k = c.replaceAll("^.*\\.", "") + "." + e.getMethodName();
                        if (seen.add(k)) {
                            ourFrames.merge(k, 1, Integer::sum);
                        }
                    }
                }
                boolean waitsForRender = Arrays.stream(st).limit(12)
                        .anyMatch(e -> e.getMethodName().equals("waitForRenderingToComplete"));
                Thread r = renderThread;
                // The FX thread waits for the previous frame: say what the render thread is doing instead.
                samples.merge(waitsForRender && r != null ? "(waits for render) render: " + Arrays.stream(r.getStackTrace()).limit(7)
                        .map(e -> e.getClassName().replaceAll("^.*\\.", "") + "." + e.getMethodName())
                        .reduce((x, y) -> x + " < " + y).orElse("")
                        : describe(st), 1, Integer::sum);
            }
        }

        private long renderCpu() {
            if (renderThread == null) {
                renderThread = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
            }
            Thread r = renderThread;
            return r == null ? 0 : Math.max(0, THREADS.getThreadCpuTime(r.getId()));
        }

        /** The three most frequent samples of the gap, with their counts. */
        /** The eight SegmentLab (or skin) methods most often on the stack in this gap, with their share of samples. */
        private String topFrames() {
            if (ourFrames.isEmpty()) {
                return "";
            }
            return "\n        frames: " + ourFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
                    .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("");
        }

        private String topSamples() {
            if (samples.isEmpty()) {
                return "(no sample)";
            }
            int total = samples.values().stream().mapToInt(Integer::intValue).sum();
            return samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                    .map(e -> e.getValue() + "/" + total + " " + e.getKey()).reduce((a, b) -> a + "\n        | " + b).orElse("");
        }

        /** The topmost frames that are SegmentLab's (or JavaFX's, when none are), to say where the time went. */
        private static String describe(StackTraceElement[] st) {
            List<String> ours = new ArrayList<>();
            for (StackTraceElement e : st) {
                if (e.getClassName().startsWith("org.segmentlab") && !e.getClassName().contains("FxPulseBenchmark")) {
                    ours.add(e.getClassName().replace("org.segmentlab.", "") + "." + e.getMethodName() + ":" + e.getLineNumber());
                    if (ours.size() == 4) {
                        break;
                    }
                }
            }
            List<String> top = new ArrayList<>();
            for (int i = 0; i < Math.min(3, st.length); i++) {
                top.add(st[i].getClassName().replaceAll("^.*\\.", "") + "." + st[i].getMethodName());
            }
            // The first control on the stack says which part of the window was busy.
            String control = "";
            for (StackTraceElement e : st) {
                String c = e.getClassName();
                if (c.startsWith("javafx.scene.control") || c.startsWith("org.controlsfx")) {
                    control = " in " + c.replaceAll("^.*\\.", "") + "." + e.getMethodName();
                    break;
                }
            }
            // Parked or waiting: the top frames are the lock's own; name who took it (the first frames outside
            // java.util.concurrent, jdk.internal and Object.wait) so a lock the FX thread waits on has an owner.
            String caller = "";
            if (st.length > 0 && (st[0].getMethodName().equals("park") || st[0].getMethodName().startsWith("wait"))) {
                List<String> outside = new ArrayList<>();
                for (StackTraceElement e : st) {
                    String c = e.getClassName();
                    if (c.startsWith("java.util.concurrent") || c.startsWith("jdk.internal") || c.equals("java.lang.Object")) {
                        continue;
                    }
                    outside.add(c.replaceAll("^.*\\.", "") + "." + e.getMethodName() + ":" + e.getLineNumber());
                    if (outside.size() == 6) {
                        break;
                    }
                }
                caller = " [from " + String.join(" < ", outside) + "]";
            }
            return String.join(" < ", top) + caller + control + (ours.isEmpty() ? "" : " <- " + String.join(" <- ", ours));
        }

        private void finish() {
            MainViewModel vm = context.main();
            long[] t = pulses.stream().mapToLong(Long::longValue).toArray();
            double[] g = new double[Math.max(0, t.length - 1)];
            for (int i = 1; i < t.length; i++) {
                g[i - 1] = (t[i] - t[i - 1]) / 1e6;
            }
            double[] sorted = g.clone();
            Arrays.sort(sorted);
            double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
            double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
            double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
            long over100 = Arrays.stream(g).filter(x -> x > 100).count();
            long over100Open = gaps.stream().filter(x -> x.ms() > 100 && x.startNanos() >= opened).count();
            double busyCpu = gaps.stream().mapToDouble(Gap::fxCpuMs).max().orElse(0);
            log(String.format(Locale.ROOT, "longest FX-thread CPU time inside one gap: %.1f ms", busyCpu));
            log(String.format(Locale.ROOT, "pulses %d over %.1f s; gap median %.1f ms, p99 %.1f ms, max %.1f ms; %d gaps > 100 ms",
                    t.length, (System.nanoTime() - t0) / 1e9, p50, p99, max, over100));
            log(over100Open + " gaps > 100 ms after the file was opened; gaps with over 100 ms of FX-thread CPU after it: "
                    + gaps.stream().filter(x -> x.fxCpuMs() > 100 && x.startNanos() >= opened).count()
                    + ", with over 50 ms: " + gaps.stream().filter(x -> x.fxCpuMs() > 50 && x.startNanos() >= opened).count());
            try {
                log("load average " + Files.readString(Path.of("/proc/loadavg")).trim() + " on "
                        + Runtime.getRuntime().availableProcessors() + " cores");
            } catch (java.io.IOException ignored) {
                // not Linux
            }
            log("status: " + vm.statusProperty().get() + (vm.problem() == null ? "" : " | problem: " + vm.problem().message()));
            log("GC time in total " + gcMillis() + " ms; " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(b -> b.getName() + " x" + b.getCollectionCount()).toList());
            log("heap used " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20) + " MB");
            log("gaps with over 40 ms of FX-thread CPU, in time order:");
            for (Gap x : gaps) {
                if (x.fxCpuMs() > 40) {
                    log(String.format(Locale.ROOT, "  +%6.2f s gap %7.1f ms, FX CPU %6.1f ms, render CPU %6.1f ms, GC %4d ms [%s]: %s",
                            (x.startNanos() - t0) / 1e9, x.ms(), x.fxCpuMs(), x.renderCpuMs(), (long) x.gcMs(), x.phase(),
                            x.stack().replaceAll("\n.*", "")));
                }
            }
            log("gaps over 100 ms, in time order (wall ms / FX CPU ms / render CPU ms / GC ms / other threads' CPU ms):");
            for (Gap x : gaps) {
                if (x.ms() > 100) {
                    log(String.format(Locale.ROOT, "  +%6.2f s %7.1f / %6.1f / %6.1f / %4d / %6.1f [%s]", (x.startNanos() - t0) / 1e9,
                            x.ms(), x.fxCpuMs(), x.renderCpuMs(), (long) x.gcMs(), x.restCpuMs(), x.phase()));
                }
            }
            log("FX-thread CPU per phase after the open (pulses / total ms / most in one pulse ms), phases with a pulse over 20 ms:");
            phaseCpu.forEach((ph, st) -> {
                if (st[2] > 20) {
                    log(String.format(Locale.ROOT, "  %5d / %7.1f / %6.1f  %s", (long) st[0], st[1], st[2], ph));
                }
            });
            log("all gaps over 50 ms after the open, in time order (wall / FX CPU / render / GC / other threads' CPU):");
            for (Gap x : gaps) {
                if (x.startNanos() >= opened) {
                    log(String.format(Locale.ROOT, "  +%6.2f s %7.1f / %6.1f / %6.1f / %4d / %6.1f [%s] %s",
                            (x.startNanos() - t0) / 1e9, x.ms(), x.fxCpuMs(), x.renderCpuMs(), (long) x.gcMs(),
                            x.restCpuMs(), x.phase(), x.stack().replaceAll("\n.*", "").replaceAll("^[^ ]* ", "")
                                    .replaceAll("(.{0,110}).*", "$1")));
                }
            }
            gaps.sort(Comparator.comparingDouble(Gap::ms).reversed());
            for (Gap x : gaps.subList(0, Math.min(15, gaps.size()))) {
                log(String.format(Locale.ROOT, "  gap %7.1f ms (FX thread on CPU %6.1f ms, render %6.1f ms, GC %5d ms) at +%6.2f s during [%s]: %s", x.ms(), x.fxCpuMs(), x.renderCpuMs(), (long) x.gcMs(),
                        (x.startNanos() - t0) / 1e9, x.phase(), x.stack()));
            }
            context.close();
            DONE.countDown();
        }

        private void log(String s) {
            System.out.println(String.format(Locale.ROOT, "[%7.2f s] ", (System.nanoTime() - t0) / 1e9) + s);
        }
    }
}
