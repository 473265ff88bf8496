package org.segmentlab.app.table;

import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.segmentlab.data.ColumnType;

/**
 * The Data tab: the column summary with the preparation advisor beside it, and every row below.
 * It only binds to the loaded data; type overrides go back to the view model.
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
        StackPane summaryHost = new StackPane(summary);
        StackPane advisorHost = new StackPane(advisor);
        StackPane rowsHost = new StackPane(rows);
        VBox summaryBox = new VBox(summaryTitle, summaryHost);
        VBox advisorBox = new VBox(advisorTitle, advisorHost);
        VBox.setVgrow(summaryHost, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(advisorHost, javafx.scene.layout.Priority.ALWAYS);
        summaryBox.getStyleClass().add("pane-box");
        advisorBox.getStyleClass().add("pane-box");
        top = new SplitPane(summaryBox, advisorBox);
        top.setId("dataTopSplit");
        top.setDividerPositions(0.74);
        Label rowsTitle = header("ROWS");
        VBox rowsBox = new VBox(rowsTitle, rowsHost);
        VBox.setVgrow(rowsHost, javafx.scene.layout.Priority.ALWAYS);
        rowsBox.getStyleClass().add("pane-box");
        vertical = new SplitPane(top, rowsBox);
        vertical.setId("dataSplit");
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.5);
        setCenter(vertical);
        data.addListener((o, a, d) -> show(d));
        show(data.getValue());
        if (data.getValue() == null) {
            prebuild(summaryHost, rowsHost, advisorHost, () -> data.getValue() != null);
        }
    }

    /** Pulses the new window runs before the pre-build starts: its first frames come first. */
    static final int PREBUILD_AFTER_PULSES = 5;

    /**
     * In the window's first idle pulses (see {@link DataTabPrebuild}): the summary with 2, then 40 blank rows (its
     * cells stay for the first file: 40 rows fill a tall screen), the rows table with a 2 x 3 table and the advisor
     * with two notes (their code runs once), one step per pulse; then all three empty again.
     */
    private void prebuild(StackPane summaryHost, StackPane rowsHost, StackPane advisorHost,
            java.util.function.BooleanSupplier stop) {
        org.segmentlab.progress.CancellationToken none = org.segmentlab.progress.CancellationToken.NONE;
        List<ColumnSummary> blank = ColumnSummaries.of(DataTabPrebuild.blankTable(40, 3), none);
        List<AdviceNote> notes = List.of(new AdviceNote("column 1", "SKEWED", " "), new AdviceNote("column 2", "MISSING", " "));
        DataTabPrebuild.start(List.of(
                new DataTabPrebuild.Step(summaryHost, () -> summary.show(blank.subList(0, 2))),
                new DataTabPrebuild.Step(summaryHost, () -> summary.show(blank)),
                new DataTabPrebuild.Step(rowsHost, () -> rows.show(DataTabPrebuild.blankTable(2, 3))),
                new DataTabPrebuild.Step(advisorHost, () -> advisor.show(notes))),
                () -> {
                    summary.show(List.of());
                    rows.show(null);
                    advisor.show(List.of());
                }, PREBUILD_AFTER_PULSES, stop);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-header");
        return l;
    }

    private int shown;

    /**
     * Fills the three views over four pulses when the window is up: the summary now, the rows table's columns in the
     * next pulse, its rows in the one after, then the advice. Their first fill styles and lays out about a thousand new nodes (cells, rows, headers): 200-350 ms
     * of FX-thread work in one pulse on the 1M-row file, measured; split, no pulse does all of it. A newer call
     * (another file) overtakes the rest of an older one.
     */
    private void show(LoadedData d) {
        int gen = ++shown;
        if (d == null) {
            summary.show(java.util.List.of());
            advisor.show(java.util.List.of());
            rows.show(null);
            return;
        }
        summary.show(d.summaries());
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            rows.show(d.table());
            advisor.show(d.advice());
            return;
        }
        // an AnimationTimer runs at the start of a pulse: its first call is in the pulse that styles the summary
        new javafx.animation.AnimationTimer() {
            private int pulse;

            @Override
            public void handle(long now) {
                pulse++;
                if (gen != shown) {
                    stop();
                } else if (pulse == 2) {
                    rows.showColumns(d.table());
                } else if (pulse == 3) {
                    rows.showRows(d.table());
                } else if (pulse == 4) {
                    advisor.show(d.advice());
                    stop();
                }
            }
        }.start();
    }

    public SplitPane verticalSplit() {
        return vertical;
    }

    public SplitPane topSplit() {
        return top;
    }
}
