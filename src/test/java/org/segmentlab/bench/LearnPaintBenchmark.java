package org.segmentlab.bench;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.segmentlab.app.learn.StepCanvas;
import org.segmentlab.cluster.KMeansStepper;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not a test (run with {@code mvn -o -q test -Dtest=LearnPaintBenchmark}): the Learn tab's cost per frame
 * with 10,000 points and k = 8 under Monocle's software renderer: one half-step of the stepper, and one
 * paint of the {@link StepCanvas} with lines and trails, without lines, and points only. Prints medians.
 */
@ExtendWith(ApplicationExtension.class)
class LearnPaintBenchmark {
    StepCanvas c;
    @Start
    void start(Stage stage) {
        c = new StepCanvas(false);
        stage.setScene(new Scene(c, 900, 620));
        stage.show();
    }
    @Test
    void probe(FxRobot robot) {
        int n = 10_000;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] xs = new double[n], ys = new double[n], m = new double[2 * n];
        for (int i = 0; i < n; i++) { xs[i] = r.nextDouble() * 10; ys[i] = r.nextDouble() * 10; m[2*i]=xs[i]; m[2*i+1]=ys[i]; }
        KMeansStepper st = new KMeansStepper(m, n, 2, 8, KMeansStepper.Start.RANDOM, 1, null);
        for (int i = 0; i < 40; i++) st.halfStep();
        st.reset();
        for (int i = 0; i < 40; i++) st.halfStep();
        st.reset();
        long t0 = System.nanoTime();
        for (int i = 0; i < 40; i++) st.halfStep();
        long stepNs = (System.nanoTime() - t0) / 40;
        robot.interact(() -> {
            c.setData(xs, ys, "x", "y");
            c.setShowLines(true);
            c.setState(st.state(), st.history(), 8);
            c.setEmphasis(st.state(st.historySize() - 2).changed(), 1);
            for (int i = 0; i < 5; i++) c.redrawNow();
            long[] t = new long[30];
            for (int i = 0; i < 30; i++) { c.redrawNow(); t[i] = c.lastRedrawNanos(); }
            java.util.Arrays.sort(t);
            System.out.println("LEARN halfstep_us=" + stepNs / 1000 + " paint_median_ms=" + t[15] / 1e6 + " p90=" + t[27] / 1e6);
            c.setShowLines(false);
            for (int i = 0; i < 30; i++) { c.redrawNow(); t[i] = c.lastRedrawNanos(); }
            java.util.Arrays.sort(t);
            System.out.println("LEARN nolines paint_median_ms=" + t[15] / 1e6 + " p90=" + t[27] / 1e6);
            c.setShowTrails(false);
            c.setEmphasis(new int[0], 0);
            for (int i = 0; i < 30; i++) { c.redrawNow(); t[i] = c.lastRedrawNanos(); }
            java.util.Arrays.sort(t);
            System.out.println("LEARN points-only paint_median_ms=" + t[15] / 1e6 + " p90=" + t[27] / 1e6);
        });
    }
}
