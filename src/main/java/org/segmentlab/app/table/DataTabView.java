package org.segmentlab.app.table;

import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
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
        // With no file the rows table keeps its (pre-built) columns, rows and cells but hides behind a plain empty
        // table: clearing its columns would throw its cells away, and the first file would style them all anew.
        TableView<Integer> noRows = new TableView<>();
        noRows.setId("dataTableEmpty");
        noRows.getStyleClass().add("data-table");
        noRows.setPlaceholder(new Label("Open a CSV file to see its rows."));
        noRows.visibleProperty().bind(rows.visibleProperty().not());
        StackPane rowsHost = new StackPane(noRows, rows);
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
            prebuild(summaryHost, advisorHost, () -> data.getValue() != null);
        }
    }

    /** Columns the rows table is built with in advance; a file with more makes the rest when it is shown. */
    static final int PREBUILT_COLUMNS = 24;

    /** Pulses the new window runs before the pre-build starts: its first frames come first. */
    static final int PREBUILD_AFTER_PULSES = 5;

    /**
     * In the window's first idle pulses (see {@link DataTabPrebuild}), one step per pulse: the summary with 2, then
     * 40 blank rows (its rows and cells stay for the first file: 40 rows fill a tall screen); the rows table with 24
     * blank columns of 3, 6, 10, 14, 19, then 24 rows (a few more rows per pulse, so each step styles only the new
     * rows' cells; its columns, rows and cells stay and the first file relabels them); the advisor with two notes.
     * Then all three empty again.
     */
    private void prebuild(StackPane summaryHost, StackPane advisorHost,
            java.util.function.BooleanSupplier stop) {
        org.segmentlab.progress.CancellationToken none = org.segmentlab.progress.CancellationToken.NONE;
        List<ColumnSummary> blank = ColumnSummaries.of(DataTabPrebuild.blankTable(40, 3), none);
        List<AdviceNote> notes = List.of(new AdviceNote("column 1", "SKEWED", " "), new AdviceNote("column 2", "MISSING", " "));
        DataTabPrebuild.start(List.of(
                new DataTabPrebuild.Step(summaryHost, () -> summary.show(blank.subList(0, 2))),
                new DataTabPrebuild.Step(summaryHost, () -> summary.show(blank)),
                // hidden behind its empty stand-in: styled and laid out all the same, no snapshot needed
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 3))),
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 6))),
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 10))),
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 14))),
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 19))),
                new DataTabPrebuild.Step(null, () -> rows.show(DataTabPrebuild.blankTable(PREBUILT_COLUMNS, 24))),
                new DataTabPrebuild.Step(advisorHost, () -> advisor.show(notes))),
                () -> {
                    summary.show(List.of());
                    rows.showRows(null);
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
     * Fills the three views over a dozen pulses when the window is up, starting a pulse after the data arrives (the
     * settings panel fills its feature list then): the summary, the rows table's columns, its rows, then the advice.
     * Their first fill styles and lays out about a thousand new nodes (cells, rows, headers): 200-350 ms of FX-thread
     * work in one pulse on the 1M-row file, measured; split, no pulse does all of it. A newer call (another file)
     * overtakes the rest of an older one.
     */
    private void show(LoadedData d) {
        int gen = ++shown;
        if (d == null) {
            summary.show(java.util.List.of());
            advisor.show(java.util.List.of());
            rows.showRows(null);
            rows.setVisible(false);
            filled();
            return;
        }
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            summary.show(d.summaries());
            rows.show(d.table());
            rows.setVisible(true);
            advisor.show(d.advice());
            filled();
            return;
        }
        // What the views hold until their turn (the pre-build's blank rows if the file came during it, or the previous
        // file's) goes now: emptying keeps their cells for the new data.
        summary.show(List.of());
        advisor.show(List.of());
        // One step per pulse. An AnimationTimer runs at the start of a pulse: its first call is in the pulse that
        // styles what the new data changed elsewhere (the settings panel's feature list fills its cells then), so that
        // step does nothing. The summary and the rows come a few rows a step: their first screen of cells is new (the
        // rows table's cells are made anew whenever its columns change, and the old rows' cells are emptied before
        // that), and a whole screen at once took 55-110 ms of the FX thread's time in one pulse while the compiler and
        // GC threads shared its two cores.
        List<Runnable> steps = new java.util.ArrayList<>();
        steps.add(() -> { });
        for (int n : SUMMARY_STEPS) {
            steps.add(() -> summary.show(d.summaries().subList(0, Math.min(n, d.summaries().size()))));
        }
        steps.add(() -> summary.show(d.summaries()));
        steps.add(() -> rows.showRows(null));
        steps.add(() -> {
            rows.showColumns(d.table());
            rows.setVisible(true);
        });
        for (int n : ROWS_STEPS) {
            steps.add(() -> rows.showRows(d.table(), n));
        }
        steps.add(() -> rows.showRows(d.table()));
        steps.add(() -> advisor.show(d.advice()));
        filling = true;
        new javafx.animation.AnimationTimer() {
            private int step;

            @Override
            public void handle(long now) {
                if (gen != shown) {
                    stop();
                    return;
                }
                steps.get(step++).run();
                if (step == steps.size()) {
                    stop();
                    filled();
                }
            }
        }.start();
    }

    /** A fill is under way (the newest; an overtaken one never finishes). */
    private boolean filling;
    /** What waits for the fill under way to finish. */
    private final List<Runnable> afterFill = new java.util.ArrayList<>();

    /**
     * Runs {@code work} once the views show the data they were last given: at once if no fill is under way, else
     * after its last step (the newest fill's, if another file overtook it). Call on the FX thread.
     */
    public void afterFill(Runnable work) {
        if (filling) {
            afterFill.add(work);
        } else {
            work.run();
        }
    }

    private void filled() {
        filling = false;
        List<Runnable> waiting = List.copyOf(afterFill);
        afterFill.clear();
        waiting.forEach(Runnable::run);
    }

    /** Summary rows in the first steps, then all of them. */
    static final int[] SUMMARY_STEPS = {3, 8, 14};
    /** Rows of the table in the first steps, then all of them. */
    static final int[] ROWS_STEPS = {4, 9, 15};

    public SplitPane verticalSplit() {
        return vertical;
    }

    public SplitPane topSplit() {
        return top;
    }
}
