package org.segmentlab.app.table;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

/**
 * Helpers for paying JavaFX's first-use cost of the Data tab's tables (skin and cell classes, the CSS style
 * look-ups cached per scene and place in the tree, the icon font) at an idle moment instead of in the pulse
 * that first shows a loaded file: a tiny in-memory table, a trigger once the window is up, and a way to run
 * steps one per pulse. An off-screen copy of the views was tried first and did not help: JavaFX caches the
 * looked-up styles per scene and ancestry, so the warm-up has to happen in the tab's own views.
 */
final class DataTabWarmUp {

    /** How long after the window shows the warm-up starts (start-up itself is busy with the first layout). */
    static final Duration DELAY = Duration.millis(400);

    private DataTabWarmUp() {
    }

    /**
     * Once {@code view} is in a showing window, waits {@link #DELAY} and runs {@code warm}, unless
     * {@code stillEmpty} says data has arrived meanwhile (then the real show pays the cost anyway).
     */
    static void scheduleWhenShown(Node view, BooleanSupplier stillEmpty, Runnable warm) {
        Runnable[] start = new Runnable[1];
        start[0] = () -> {
            Scene scene = view.getScene();
            if (scene == null || scene.getWindow() == null) {
                return;
            }
            Runnable go = () -> {
                PauseTransition wait = new PauseTransition(DELAY);
                wait.setOnFinished(e -> {
                    if (stillEmpty.getAsBoolean() && view.getScene() != null) {
                        warm.run();
                    }
                });
                wait.play();
            };
            if (scene.getWindow().isShowing()) {
                go.run();
            } else {
                scene.getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> go.run());
            }
        };
        if (view.getScene() != null) {
            start[0].run();
        } else {
            view.sceneProperty().addListener(new javafx.beans.value.ChangeListener<Scene>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene b) {
                    if (b != null) {
                        view.sceneProperty().removeListener(this);
                        // the window may be set on the scene a little later
                        javafx.application.Platform.runLater(start[0]);
                    }
                }
            });
        }
    }

    /** Notes of every kind the advisor shows (each has its own icon). */
    static List<AdviceNote> tinyAdvice() {
        return List.of(new AdviceNote("ID", "IDENTIFIER", "ID looks like an identifier"),
                new AdviceNote("A", "SKEWED", "A is skewed"), new AdviceNote(null, "MISSING", "B has missing values"),
                new AdviceNote(null, "OTHER", "a note"));
    }

    /** A numeric, a categorical and an identifier column of 40 rows. */
    static DataTable tinyTable() {
        int n = 40;
        double[] a = new double[n], b = new double[n];
        int[] codes = new int[n], ids = new int[n];
        String[] idNames = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * i % 17;
            b[i] = i % 5 == 0 ? Double.NaN : i * 0.5;
            codes[i] = i % 3;
            ids[i] = i;
            idNames[i] = "C" + (10000 + i);
        }
        List<Column> cols = List.of(
                new Column("ID", ColumnType.IDENTIFIER, ColumnType.IDENTIFIER, null, ids, idNames, null, 0, List.of()),
                new Column("A", ColumnType.NUMERIC, ColumnType.NUMERIC, a, null, null, null, 0, List.of()),
                new Column("B", ColumnType.NUMERIC, ColumnType.NUMERIC, b, null, null, null, 0, List.of()),
                new Column("KIND", ColumnType.CATEGORICAL, ColumnType.CATEGORICAL, null, codes,
                        new String[] {"x", "y", "z"}, null, 0, List.of()));
        return new DataTable(null, null, cols, n, 0, List.of());
    }

    /** Runs each step in its own pulse, in order (the first in the next pulse). FX thread. */
    static void nextPulses(List<Runnable> steps) {
        Deque<Runnable> left = new ArrayDeque<>(steps);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                Runnable r = left.poll();
                if (r == null) {
                    stop();
                    return;
                }
                r.run();
                if (left.isEmpty()) {
                    stop();
                }
            }
        }.start();
    }
}
