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
 * (raster + axes, measured inside the paint) after a pan or zoom and the median hover lookup, 50 repetitions
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
        // warm-up
        for (int i = 0; i < 15; i++) {
            redrawAfter(scatter, i);
        }
        double[] redraw = new double[REPS];
        double[] raster = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            redraw[i] = redrawAfter(scatter, i) / 1e6;
            raster[i] = onFx(scatter::lastRasterNanos) / 1e6;
        }
        // the same at smaller points (less overplotting at a million points, less raster work)
        double[] small = new double[2];
        for (int ps = 1; ps <= 2; ps++) {
            final double size1 = ps;
            onFx(() -> {
                scatter.pointSizeProperty().set(size1);
                return null;
            });
            double[] r = new double[REPS];
            for (int i = 0; i < REPS; i++) {
                r[i] = redrawAfter(scatter, i) / 1e6;
            }
            Arrays.sort(r);
            small[ps - 1] = r[REPS / 2];
        }
        onFx(() -> {
            scatter.pointSizeProperty().set(3);
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
        Arrays.sort(redraw);
        Arrays.sort(raster);
        Arrays.sort(hover);
        System.out.printf("points %,d, clusters %d, plot %.0f x %.0f px, point size 3, opacity 0.6%n", N, K,
                size[0], size[1]);
        System.out.printf("setData (copy, sizes, legend) %d ms; hover index ready after %d ms%n", setDataMs, indexMs);
        System.out.printf("redraw after pan/zoom: median %.1f ms, min %.1f, max %.1f (n=%d)%n", redraw[REPS / 2],
                redraw[0], redraw[REPS - 1], REPS);
        System.out.printf("  of which point raster: median %.1f ms%n", raster[REPS / 2]);
        System.out.printf("redraw median at point size 1: %.1f ms, size 2: %.1f ms%n", small[0], small[1]);
        System.out.printf("hover lookup: median %.3f ms, max %.3f ms (n=%d, %d hits)%n", hover[REPS / 2],
                hover[REPS - 1], REPS, hits);
        Platform.exit();
    }

    /** Alternates pan and zoom (zooming in and back out), then paints once; returns the paint's nanoseconds. */
    private static long redrawAfter(PcaScatter s, int i) throws Exception {
        return onFx(() -> {
            switch (i % 4) {
                case 0 -> s.panBy(37, -21);
                case 1 -> s.zoomAt(500, 300, 1.3);
                case 2 -> s.panBy(-37, 21);
                default -> s.zoomAt(500, 300, 1 / 1.3);
            }
            s.redrawNow();
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
