package org.segmentlab.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.CsvDialect;
import org.segmentlab.data.DataTable;

/**
 * Fills the Data tab's views with small blank tables in the window's first idle pulses, one step per pulse, then
 * empties them, so that the first real file finds the table skins, cells and styles built. The column summary keeps
 * its columns, rows and cells from one fill to the next, so the first file only relabels them; the rows table and
 * the advisor get their code paths run once. Each host shows a snapshot of itself, as it looks empty, while its view
 * holds the blank data, so the user sees no change. Stops when real data arrives ({@code stop}). FX thread; modifies
 * the views and hosts the steps name. Public: the settings panel's feature list pre-builds its cells the same way.
 */
public final class DataTabPrebuild {

    private DataTabPrebuild() {
    }

    /** One pulse's work: cover {@code host} (if not null) with its snapshot (once), then run {@code fill}. */
    public record Step(StackPane host, Runnable fill) {
    }

    /**
     * After {@code idlePulses} pulses with the window showing, runs one step per pulse, then {@code empty} and takes
     * the snapshots away; if {@code stop} turns true first, takes the snapshots away and ends (the real data has
     * replaced the blank).
     */
    public static void start(List<Step> steps, Runnable empty, int idlePulses, BooleanSupplier stop) {
        new AnimationTimer() {
            private int idle;
            private int next;
            private final List<StackPane> covered = new ArrayList<>();
            private final List<ImageView> standIns = new ArrayList<>();

            @Override
            public void handle(long now) {
                StackPane first = steps.get(0).host(); // the first step names a host: it tells when the window is up
                boolean showing = first.getScene() != null && first.getScene().getWindow() != null
                        && first.getScene().getWindow().isShowing() && first.getWidth() >= 1;
                if (!showing || ++idle < idlePulses) {
                    return;
                }
                if (stop.getAsBoolean() || next == steps.size()) {
                    if (!stop.getAsBoolean()) {
                        empty.run();
                    }
                    for (int i = 0; i < covered.size(); i++) {
                        covered.get(i).getChildren().remove(standIns.get(i));
                    }
                    stop();
                    return;
                }
                Step s = steps.get(next++);
                if (s.host() != null && !covered.contains(s.host()) && s.host().getWidth() >= 1 && s.host().getHeight() >= 1) {
                    ImageView standIn = new ImageView(s.host().snapshot(null, null));
                    standIn.setManaged(false);
                    s.host().getChildren().add(standIn);
                    covered.add(s.host());
                    standIns.add(standIn);
                }
                s.fill().run();
            }
        }.start();
    }

    /** {@code columns} numeric columns of {@code rows} rows, every value missing but the first of each column. */
    static DataTable blankTable(int columns, int rows) {
        List<Column> list = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            double[] values = new double[rows];
            java.util.Arrays.fill(values, Double.NaN);
            values[0] = c; // one value, so each column has statistics (a histogram, a mean) like a real one
            list.add(new Column("column " + (c + 1), ColumnType.NUMERIC, ColumnType.NUMERIC, values, null, null,
                    null, 0, List.of()));
        }
        return new DataTable(null, new CsvDialect(',', false, "UTF-8", false, true, "LF"), list, rows, 0, List.of());
    }
}
