package org.segmentlab.app.status;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.segmentlab.app.MainViewModel;

/**
 * The bottom bar: the resting status or the running step, a progress bar, the elapsed time and a
 * cancel button while a job runs.
 */
public final class StatusView extends StatusBar {

    private final Label elapsed = new Label();
    private final Timeline clock;

    public StatusView(MainViewModel vm) {
        setId("statusBar");
        getStyleClass().add("app-status");
        textProperty().bind(Bindings.when(vm.busyProperty()).then(vm.stepProperty()).otherwise(vm.statusProperty()));
        progressProperty().bind(Bindings.when(vm.busyProperty()).then(vm.progressProperty()).otherwise(0.0));

        elapsed.setId("elapsed");
        elapsed.getStyleClass().add("elapsed");
        elapsed.visibleProperty().bind(vm.busyProperty());
        elapsed.managedProperty().bind(vm.busyProperty());

        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("statusCancel");
        cancel.getStyleClass().add("flat");
        cancel.setTooltip(new Tooltip("Cancel (Esc)"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        getRightItems().addAll(elapsed, cancel);

        // One tick a few times a second is enough for a seconds display, and it only runs while busy.
        clock = new Timeline(new KeyFrame(Duration.millis(250), e -> elapsed.setText(
                format((System.nanoTime() - vm.startedAtProperty().get()) / 1e9))));
        clock.setCycleCount(Timeline.INDEFINITE);
        vm.busyProperty().addListener((o, was, now) -> {
            if (now) {
                elapsed.setText(format(0));
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    static String format(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
