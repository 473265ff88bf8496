package org.segmentlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.segmentlab.app.analysis.SegmentsModel;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.JsonSupport;

/**
 * Measures start-up as a user sees it: from the JVM's start to the window on screen, and to the first
 * frame that shows the sample's segment charts. Always logged; with {@code -Dsegmentlab.startupReport=FILE}
 * also written as JSON ({@code window_ms}, {@code charts_ms}), and with
 * {@code -Dsegmentlab.exitAfterStartup=true} the app quits after that frame (for benchmarks).
 */
final class StartupTimer {

    private StartupTimer() {
    }

    /** Call on the FX thread right after {@code stage.show()}. */
    static void watch(Stage stage, MainViewModel vm) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long windowMs = System.currentTimeMillis() - jvmStart;
        ChangeListener<SegmentsModel> onCharts = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends SegmentsModel> o, SegmentsModel old,
                                SegmentsModel model) {
                if (model == null) {
                    return;
                }
                o.removeListener(this);
                // The model is set; the charts paint in the next pulse, so stop the clock one frame later.
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        if (++frames < 2) {
                            return;
                        }
                        stop();
                        report(windowMs, System.currentTimeMillis() - jvmStart);
                    }
                }.start();
            }
        };
        vm.segmentsModel().modelProperty().addListener(onCharts);
    }

    private static void report(long windowMs, long chartsMs) {
        AppLog.info("Start-up: window after " + windowMs + " ms, first charts after " + chartsMs + " ms");
        String file = System.getProperty("segmentlab.startupReport");
        if (file != null && !file.isBlank()) {
            try {
                JsonSupport.write(Path.of(file), JsonSupport.object().put("window_ms", windowMs).put("charts_ms", chartsMs));
            } catch (IOException e) {
                AppLog.error("could not write the start-up report", e);
            }
        }
        if (Boolean.getBoolean("segmentlab.exitAfterStartup")) {
            Platform.exit();
        }
    }
}
