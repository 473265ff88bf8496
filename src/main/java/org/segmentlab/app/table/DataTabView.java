package org.segmentlab.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.segmentlab.data.ColumnType;

/**
 * The Data tab: the column summary with the preparation advisor beside it, and every row below.
 * It only binds to the loaded data; type overrides go back to the view model.
 *
 * <p>Responsiveness: the first time tables are filled, JavaFX loads and styles many skin classes (about
 * 300 ms of FX-thread work measured on a million-row file). So once the window is up and idle, the same
 * three views are filled with a tiny table in an off-screen scene ({@link DataTabWarmUp}); and new data is
 * put into the summary, the rows and the advisor in three consecutive pulses, so no single pulse does all of
 * it.
 */
public final class DataTabView extends BorderPane {

    private final ColumnSummaryView summary;
    private final AdvisorView advisor = new AdvisorView();
    private final DataTableView rows = new DataTableView();
    private final SplitPane vertical;
    private final SplitPane top;

    public DataTabView(ObservableValue<LoadedData> data, BiConsumer<String, ColumnType> overrideType) {
        getStyleClass().add("data-tab");
        summary = new ColumnSummaryView(overrideType);
        Label summaryTitle = header("COLUMNS");
        Label advisorTitle = header("PREPARATION ADVISOR");
        VBox summaryBox = new VBox(summaryTitle, summary);
        VBox advisorBox = new VBox(advisorTitle, advisor);
        VBox.setVgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(advisor, javafx.scene.layout.Priority.ALWAYS);
        summaryBox.getStyleClass().add("pane-box");
        advisorBox.getStyleClass().add("pane-box");
        top = new SplitPane(summaryBox, advisorBox);
        top.setId("dataTopSplit");
        top.setDividerPositions(0.74);
        Label rowsTitle = header("ROWS");
        VBox rowsBox = new VBox(rowsTitle, rows);
        VBox.setVgrow(rows, javafx.scene.layout.Priority.ALWAYS);
        rowsBox.getStyleClass().add("pane-box");
        vertical = new SplitPane(top, rowsBox);
        vertical.setId("dataSplit");
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.5);
        setCenter(vertical);
        data.addListener((o, a, d) -> show(d));
        show(data.getValue());
        DataTabWarmUp.scheduleWhenShown(this, () -> data.getValue() == null, this::warmUp);
    }

    /**
     * While no file is open: fills the three views with a tiny table, one per pulse, with the tab's content
     * transparent (the placeholders vanish for a few frames), then empties them again. Later the real data
     * finds the skins built and the styles looked up. Stops early if data arrives meanwhile.
     */
    private void warmUp() {
        int gen = showGeneration;
        vertical.setOpacity(0);
        vertical.setMouseTransparent(true);
        org.segmentlab.data.DataTable tiny = DataTabWarmUp.tinyTable();
        java.util.function.BooleanSupplier current = () -> gen == showGeneration;
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> {
            if (current.getAsBoolean()) {
                summary.show(ColumnSummaries.of(tiny, org.segmentlab.progress.CancellationToken.NONE), FIRST_COLUMNS);
            }
        });
        steps.add(() -> {
            if (current.getAsBoolean()) {
                rows.show(tiny, FIRST_COLUMNS);
            }
        });
        steps.add(() -> {
            if (current.getAsBoolean()) {
                advisor.show(DataTabWarmUp.tinyAdvice());
            }
        });
        steps.addAll(revealSteps(current));
        steps.add(() -> {
            if (current.getAsBoolean()) {
                summary.show(List.of());
                rows.show(null);
                advisor.show(List.of());
            }
        });
        steps.add(() -> {
            vertical.setOpacity(1);
            vertical.setMouseTransparent(false);
        });
        DataTabWarmUp.nextPulses(steps);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-header");
        return l;
    }

    private int showGeneration;

    private void show(LoadedData d) {
        int gen = ++showGeneration;
        if (d == null) {
            summary.show(java.util.List.of());
            advisor.show(java.util.List.of());
            rows.show(null);
            return;
        }
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            summary.show(d.summaries());
            advisor.show(d.advice());
            rows.show(d.table());
            return;
        }
        // everything is in the views at once (items, columns, notes), but only a few columns are visible in the
        // first pulse and a few more in each of the next ones: each pulse then styles and lays out a few dozen new
        // cells instead of a few hundred (about 300 ms of FX-thread work in one pulse for 21 columns, measured)
        summary.show(d.summaries(), FIRST_COLUMNS);
        rows.show(d.table(), FIRST_COLUMNS);
        advisor.show(d.advice());
        DataTabWarmUp.nextPulses(revealSteps(() -> gen == showGeneration));
    }

    /** Pulse steps that reveal the hidden columns of the summary and the rows, alternately, while current. */
    private List<Runnable> revealSteps(java.util.function.BooleanSupplier current) {
        int steps = (int) Math.ceil(Math.max(summary.getColumns().size(), rows.getColumns().size())
                / (double) CHUNK_COLUMNS) * 2;
        List<Runnable> reveal = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            boolean summaryTurn = i % 2 == 0;
            reveal.add(() -> {
                if (current.getAsBoolean()) {
                    boolean more = summaryTurn && summary.revealColumns(CHUNK_COLUMNS);
                    if (!more) {
                        rows.revealColumns(CHUNK_COLUMNS);
                    }
                }
            });
        }
        return reveal;
    }

    /** Columns visible in the first pulse, and made visible per later pulse, while a loaded file is shown. */
    static final int FIRST_COLUMNS = 2;
    static final int CHUNK_COLUMNS = 3;

    public SplitPane verticalSplit() {
        return vertical;
    }

    public SplitPane topSplit() {
        return top;
    }
}
