package org.segmentlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.segmentlab.app.charts.PcaScatter;

/**
 * Not a test: times PcaScatter with 1,000,000 random points in 8 clusters. Reports the median full redraw after
 * a pan and after a zoom at the default point size (from the pan/zoom call on the FX thread until the finished
 * raster frame for the new view is on screen; the raster is drawn off the FX thread), the FX thread's own time
 * per pan/zoom, a continuous drag (events every 16 ms without waiting for frames) and the median hover lookup,
 * 50 repetitions each after a warm-up. Run headless:
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
 *   -cp target/test-classes:target/classes:$(cat target/cp.txt) org.segmentlab.bench.ScatterBenchmark
 * </pre>
 */
public final class ScatterBenchmark {

    private static final int N = 1_000_000;
    private static final int K = 8;
    private static final int REPS = 50;
    /** CPU time of the renderer threads for the last measured frame. */
    private static volatile long lastCpuNanos;
    /** FX-thread time of the last pan/zoom: the call plus the paint of axes and the moved old frame. */
    private static volatile long lastFxNanos;

    private ScatterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        SplittableRandom rnd = new SplittableRandom(42);
        double[] xs = new double[N], ys = new double[N];
        int[] cl = new int[N];
        for (int i = 0; i < N; i++) {
            int c = rnd.nextInt(K);
            double a = 2 * Math.PI * c / K;
            cl[i] = c;
            xs[i] = 3 * Math.cos(a) + gauss(rnd) * (0.6 + 0.1 * c);
            ys[i] = 2 * Math.sin(a) + gauss(rnd) * (0.5 + 0.05 * c);
        }

        PcaScatter scatter = onFx(() -> {
            PcaScatter s = new PcaScatter();
            Stage stage = new Stage();
            stage.setScene(new Scene(s, 1200, 780));
            stage.show();
            return s;
        });
        long t0 = System.nanoTime();
        double setDataFxMs = onFx(() -> {
            long s0 = System.nanoTime();
            scatter.setData(xs, ys, cl, K, "PC1", "PC2");
            return (System.nanoTime() - s0) / 1e6;
        });
        long setDataMs = (System.nanoTime() - t0) / 1_000_000;
        CountDownLatch ready = new CountDownLatch(1);
        onFx(() -> {
            if (scatter.indexReadyProperty().get()) {
                ready.countDown();
            } else {
                scatter.indexReadyProperty().addListener((o, a, b) -> {
                    if (b) {
                        ready.countDown();
                    }
                });
            }
            return null;
        });
        ready.await(60, TimeUnit.SECONDS);
        long indexMs = (System.nanoTime() - t0) / 1_000_000;

        double[] size = onFx(() -> new double[] {scatter.viewport().width(), scatter.viewport().height()});
        double defaultSize = onFx(() -> scatter.pointSizeProperty().get());
        // warm-up
        for (int i = 0; i < 120; i++) {
            redrawAfter(scatter, i);
        }
        // REPS redraws after a pan and REPS after a zoom, interleaved (pan, zoom in, pan back, zoom out)
        onFx(() -> {
            scatter.resetView();
            return null;
        });
        double[] pan = new double[REPS], zoom = new double[REPS], all = new double[2 * REPS];
        double[] raster = new double[2 * REPS];
        double[] cpu = new double[2 * REPS];
        double[] fx = new double[2 * REPS];
        int np = 0, nz = 0;
        for (int i = 0; i < 2 * REPS; i++) {
            double ms = redrawAfter(scatter, i) / 1e6;
            cpu[i] = lastCpuNanos / 1e6;
            fx[i] = lastFxNanos / 1e6;
            all[i] = ms;
            raster[i] = onFx(scatter::lastRasterNanos) / 1e6;
            if (i % 4 == 0 || i % 4 == 3) {
                pan[np++] = ms;
            } else {
                zoom[nz++] = ms;
            }
        }
        // the same at other point sizes (3 px was the default before; 1 px is the floor)
        double[] other = new double[2];
        double[] otherSizes = {3, 1};
        for (int v = 0; v < 2; v++) {
            final double ps = otherSizes[v];
            onFx(() -> {
                scatter.pointSizeProperty().set(ps);
                scatter.resetView();
                return null;
            });
            double[] r = new double[REPS];
            for (int i = 0; i < REPS; i++) {
                r[i] = redrawAfter(scatter, i) / 1e6;
            }
            other[v] = median(r);
        }
        onFx(() -> {
            scatter.pointSizeProperty().set(defaultSize);
            scatter.resetView();
            scatter.redrawNow();
            return null;
        });
        // a continuous drag: one pan per pulse (60 a second, as mouse-drag events arrive), paced by an
        // AnimationTimer on the FX thread without waiting for frames; the FX thread's time per event is what
        // the mouse feels, the frames shown say how often the picture caught up
        int framesBefore = onFx(scatter::rasterFramesShown);
        double[] dragFx = new double[120];
        CountDownLatch dragged = new CountDownLatch(1);
        long d0 = System.nanoTime();
        onFx(() -> {
            new AnimationTimer() {
                private int step;

                @Override
                public void handle(long now) {
                    long s0 = System.nanoTime();
                    scatter.panBy(step < 60 ? 4 : -4, step < 60 ? -2 : 2);
                    scatter.redrawNow();
                    dragFx[step] = (System.nanoTime() - s0) / 1e6;
                    if (++step == dragFx.length) {
                        stop();
                        dragged.countDown();
                    }
                }
            }.start();
            return null;
        });
        if (!dragged.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the drag did not finish within 60 s");
        }
        double dragMs = (System.nanoTime() - d0) / 1e6;
        long settle = System.nanoTime();
        onFx(scatter::whenRasterCurrent).get(60, TimeUnit.SECONDS);
        double settleMs = (System.nanoTime() - settle) / 1e6;
        int dragFrames = onFx(scatter::rasterFramesShown) - framesBefore;
        // hover at the fully zoomed-out view (the densest case: most points per pixel)
        double[] hover = new double[REPS];
        int hits = 0;
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < REPS; i++) {
                int p = rnd.nextInt(N);
                long h = onFx(() -> {
                    Point2D sp = scatter.scenePositionOf(p);
                    long s0 = System.nanoTime();
                    int idx = scatter.pointIndexAt(sp.getX() + 1, sp.getY() - 1);
                    long dt = System.nanoTime() - s0;
                    return idx >= 0 ? dt : -dt;
                });
                hover[i] = Math.abs(h) / 1e6;
                if (w == 1 && h >= 0) {
                    hits++;
                }
            }
        }
        System.out.printf("points %,d, clusters %d, plot %.0f x %.0f px, default point size %.0f px, opacity 0.6%n", N,
                K, size[0], size[1], defaultSize);
        System.out.printf("setData on the FX thread %.1f ms (round trip %d ms); hover index ready after %d ms%n",
                setDataFxMs, setDataMs, indexMs);
        Arrays.sort(all);
        System.out.printf("redraw at default size: median %.1f ms after pan, %.1f ms after zoom; all: median %.1f,"
                + " min %.1f, max %.1f (n=%d)%n", median(pan), median(zoom), median(all), all[0], all[all.length - 1],
                all.length);
        System.out.printf("  of which point raster (renderer thread): median %.1f ms%n", median(raster));
        System.out.printf("  CPU time of the renderer threads per frame (grows little with machine load): median %.1f"
                + " ms%n", median(cpu));
        double[] fxs = fx.clone();
        Arrays.sort(fxs);
        System.out.printf("  FX thread per pan/zoom (call + paint of axes, old frame moved): median %.2f ms, max %.2f"
                + " ms%n", median(fx), fxs[fxs.length - 1]);
        System.out.printf("continuous drag: %d pans, one per pulse, over %.0f ms; FX thread per event median %.2f ms,"
                + " max %.2f ms; %d new frames shown during the drag; last frame current %.1f ms after the drag%n",
                dragFx.length, dragMs, median(dragFx), Arrays.stream(dragFx).max().orElse(0), dragFrames, settleMs);
        System.out.printf("redraw median at point size 3: %.1f ms, size 1: %.1f ms%n", other[0], other[1]);
        System.out.printf("hover lookup: median %.3f ms, max %.3f ms (n=%d, %d hits)%n", median(hover),
                Arrays.stream(hover).max().orElse(0), REPS, hits);
        Platform.exit();
    }

    /** CPU time so far of the FX application thread and the scatter's raster worker. */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("scatter-render") || t.getName().equals("scatter-raster")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
    }

    /**
     * Pan, zoom in, zoom out, pan back (cyclic), then paints once and waits for the raster frame of the new view;
     * returns nanoseconds from the pan/zoom call to that frame on screen.
     */
    private static long redrawAfter(PcaScatter s, int i) throws Exception {
        long[] start = new long[2];
        java.util.concurrent.CompletableFuture<Long> shown = onFx(() -> {
            start[0] = System.nanoTime();
            start[1] = cpuNanos();
            // pan and pan back at the same zoom, zoom in and back out about the same point: the view returns
            // exactly every 4 steps instead of drifting off the data over hundreds of steps
            switch (i % 4) {
                case 0 -> s.panBy(37, -21);
                case 1 -> s.zoomAt(500, 300, 1.3);
                case 2 -> s.zoomAt(500, 300, 1 / 1.3);
                default -> s.panBy(-37, 21);
            }
            s.redrawNow();
            lastFxNanos = System.nanoTime() - start[0];
            // completes on the FX thread right after the frame is copied into the displayed image
            return s.whenRasterCurrent().thenApply(x -> System.nanoTime());
        });
        long end = shown.get(60, TimeUnit.SECONDS);
        lastCpuNanos = cpuNanos() - start[1];
        return end - start[0];
    }

    private static double gauss(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble()), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get(60, TimeUnit.SECONDS);
    }
}
