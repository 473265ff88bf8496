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
import org.segmentlab.app.data.CoreAdvisor;
import org.segmentlab.app.data.TableLoader;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.task.FxTaskRunner;

/**
 * Not a test: how long the FX thread goes without a pulse while the real window opens a big file and
 * runs the default analysis. An AnimationTimer stamps every pulse; a watchdog thread samples the FX
 * thread's stack whenever no pulse came for 50 ms, so a long gap says where it came from. After the
 * analysis it shows the Choose k and Segments tabs (the 1M-point scatter) and hovers nothing.
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
    record Gap(long startNanos, double ms, String phase, String stack) {
    }

    public static final class App extends Application {

        private final List<Long> pulses = new ArrayList<>(200_000);
        private final List<Gap> gaps = new ArrayList<>();
        private volatile long lastPulse = System.nanoTime();
        private volatile String phase = "start";
        private volatile String sampled;
        private volatile Thread fxThread;
        private AppContext context;
        private long t0;

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
                    if (gap > 50_000_000L) {
                        String s = sampled;
                        gaps.add(new Gap(lastPulse, gap / 1e6, phase, s == null ? "(no sample)" : s));
                    }
                    sampled = null;
                    lastPulse = t;
                    pulses.add(t);
                }
            };
            Thread watchdog = new Thread(this::watch, "pulse-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            timer.start();

            vm.stepProperty().addListener((o, a, b) -> {
                if (b != null && !b.isBlank()) {
                    phase = b;
                }
            });
            vm.dataProperty().addListener((o, a, b) -> phase = "data published (Data tab, table, summaries)");
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
                            phase = "pick k = 5 on the elbow";
                            vm.chooseK(5);
                            delay(4000, this::finish);
                        });
                    }));
                }
            });
            t0 = System.nanoTime();
            log("opening " + file + " with n_init " + nInit);
            phase = "open requested";
            vm.open(file);
        }

        private void delay(long ms, Runnable r) {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(ms));
            p.setOnFinished(e -> r.run());
            p.play();
        }

        private void watch() {
            while (true) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                Thread fx = fxThread;
                if (fx != null && sampled == null && System.nanoTime() - lastPulse > 50_000_000L) {
                    sampled = describe(fx.getStackTrace());
                }
            }
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
            String top = st.length == 0 ? "?" : st[0].getClassName() + "." + st[0].getMethodName();
            return "top " + top + (ours.isEmpty() ? "" : " <- " + String.join(" <- ", ours));
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
            log(String.format(Locale.ROOT, "pulses %d over %.1f s; gap median %.1f ms, p99 %.1f ms, max %.1f ms; %d gaps > 100 ms",
                    t.length, (System.nanoTime() - t0) / 1e9, p50, p99, max, over100));
            log("status: " + vm.statusProperty().get() + (vm.problem() == null ? "" : " | problem: " + vm.problem().message()));
            log("heap used " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20) + " MB");
            gaps.sort(Comparator.comparingDouble(Gap::ms).reversed());
            for (Gap x : gaps.subList(0, Math.min(15, gaps.size()))) {
                log(String.format(Locale.ROOT, "  gap %7.1f ms at +%6.2f s during [%s]: %s", x.ms(), (x.startNanos() - t0) / 1e9,
                        x.phase(), x.stack()));
            }
            context.close();
            DONE.countDown();
        }

        private void log(String s) {
            System.out.println(String.format(Locale.ROOT, "[%7.2f s] ", (System.nanoTime() - t0) / 1e9) + s);
        }
    }
}
