package org.segmentlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.segmentlab.app.charts.PcaScatter;

/**
 * Not a test: times PcaScatter with 1,000,000 random points in 8 clusters. Reports the median full redraw
 * (raster + axes, measured inside the paint) after a pan and after a zoom at the default point size and the
 * median hover lookup, 50 repetitions
 * each after a warm-up. Run headless:
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
    /** CPU time of the last measured paint alone (the pan/zoom also schedules a paint for the next pulse). */
    private static volatile long lastCpuNanos;

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
        onFx(() -> {
            scatter.setData(xs, ys, cl, K, "PC1", "PC2");
            return null;
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
        int np = 0, nz = 0;
        for (int i = 0; i < 2 * REPS; i++) {
            double ms = redrawAfter(scatter, i) / 1e6;
            cpu[i] = lastCpuNanos / 1e6;
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
        System.out.printf("setData (copy, sizes, legend) %d ms; hover index ready after %d ms%n", setDataMs, indexMs);
        Arrays.sort(all);
        System.out.printf("redraw at default size: median %.1f ms after pan, %.1f ms after zoom; all: median %.1f,"
                + " min %.1f, max %.1f (n=%d)%n", median(pan), median(zoom), median(all), all[0], all[all.length - 1],
                all.length);
        System.out.printf("  of which point raster: median %.1f ms%n", median(raster));
        System.out.printf("  CPU time of that paint (FX thread + raster worker; grows little with machine load):"
                + " median %.1f ms%n", median(cpu));
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
            if (t.getName().equals("JavaFX Application Thread") || t.getName().equals("scatter-raster")) {
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

    /** Pan, zoom in, zoom out, pan back (cyclic), then paints once; returns the paint's nanoseconds. */
    private static long redrawAfter(PcaScatter s, int i) throws Exception {
        return onFx(() -> {
            // pan and pan back at the same zoom, zoom in and back out about the same point: the view returns
            // exactly every 4 steps instead of drifting off the data over hundreds of steps
            switch (i % 4) {
                case 0 -> s.panBy(37, -21);
                case 1 -> s.zoomAt(500, 300, 1.3);
                case 2 -> s.zoomAt(500, 300, 1 / 1.3);
                default -> s.panBy(-37, 21);
            }
            long c0 = cpuNanos();
            s.redrawNow();
            lastCpuNanos = cpuNanos() - c0;
            return s.lastRedrawNanos();
        });
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
