package org.segmentlab.app.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.progress.CancellationToken;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Data tab in a window: its idle-time pre-build leaves the three views empty and uncovered (the rows table
 * hidden behind its empty stand-in, its columns kept); a loaded file then fills all three within a few pulses,
 * relabelling the columns built in advance; the next file relabels them again instead of making new ones.
 */
@ExtendWith(ApplicationExtension.class)
class DataTabFxTest {

    private static LoadedData sample;
    private static LoadedData firstColumns;
    private final SimpleObjectProperty<LoadedData> data = new SimpleObjectProperty<>();
    private DataTabView view;

    @BeforeAll
    static void load() throws Exception {
        DataTable t = new CsvLoader().load(Path.of("samples/cc_general.csv"));
        sample = LoadedData.of(t, LoadOptions.defaults(), new CoreAdvisor(), CancellationToken.NONE);
        DataTable fewer = new DataTable(null, t.dialect(), t.columns().subList(0, 5), t.rowCount(), 0, List.of());
        firstColumns = LoadedData.of(fewer, LoadOptions.defaults(), new CoreAdvisor(), CancellationToken.NONE);
    }

    /** The most rows the summary has held: the pre-build's 40 blank ones show it ran. */
    private final java.util.concurrent.atomic.AtomicInteger mostSummaryRows = new java.util.concurrent.atomic.AtomicInteger();

    @Start
    void start(Stage stage) {
        view = new DataTabView(data, (c, t) -> { });
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        view.applyCss(); // the split panes' skins put the views in the scene graph, where lookup finds them
        TableView<?> summary = (TableView<?>) view.lookup("#columnSummary");
        summary.itemsProperty().addListener((o, a, b) -> mostSummaryRows.accumulateAndGet(b.size(), Math::max));
    }

    @Test
    void aFileArrivingDuringThePrebuildNeverShowsItsBlankRows(FxRobot robot) throws Exception {
        TableView<?> summary = robot.lookup("#columnSummary").queryTableView();
        // the first pre-build step puts 2 blank rows in the summary; the file comes right then
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mostSummaryRows.get() > 0);
        java.util.List<Object> seen = new java.util.ArrayList<>();
        robot.interact(() -> {
            summary.itemsProperty().addListener((o, a, b) -> seen.addAll(b));
            data.set(sample);
            seen.addAll(summary.getItems());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getItems().size() == 18);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((ImageView i) -> true).tryQuery().isEmpty());
        assertTrue(seen.stream().allMatch(s -> ((ColumnSummary) s).name().equals(((ColumnSummary) s).name().trim())
                && !((ColumnSummary) s).name().startsWith("column ")), "no blank row once the file is there");
        TableView<?> rows = robot.lookup("#dataTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows.getItems().size() == 8950 && rows.isVisible());
    }

    @Test
    void whatWaitsForTheFillRunsAfterItsLastStepAndAtOnceWhenNoneIsUnderWay(FxRobot robot) throws Exception {
        ListView<?> advisor = robot.lookup("#advisor").queryListView();
        TableView<?> rows = robot.lookup("#dataTable").queryTableView();
        java.util.List<String> order = new java.util.ArrayList<>();
        robot.interact(() -> {
            data.set(sample);
            view.afterFill(() -> order.add("after the fill: " + rows.getItems().size() + " rows, "
                    + advisor.getItems().size() + " notes"));
            order.add("queued");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> order.size() == 2);
        assertEquals("queued", order.get(0), "not run in the pulse the data arrives");
        assertEquals("after the fill: 8950 rows, " + sample.advice().size() + " notes", order.get(1));
        robot.interact(() -> view.afterFill(() -> order.add("at once")));
        assertEquals("at once", order.get(2), "no fill under way: runs at once");
    }

    @Test
    void thePrebuildLeavesTheViewsEmptyAndAFileFillsThemAll(FxRobot robot) throws Exception {
        TableView<?> summary = robot.lookup("#columnSummary").queryTableView();
        TableView<Integer> rows = robot.lookup("#dataTable").queryTableView();
        ListView<?> advisor = robot.lookup("#advisor").queryListView();
        // the pre-build passes through the summary (2 then 40 blank rows), the rows table and the advisor
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mostSummaryRows.get() == 40
                && summary.getItems().isEmpty() && rows.getItems().isEmpty() && advisor.getItems().isEmpty()
                && rows.getColumns().size() == 1 + DataTabView.PREBUILT_COLUMNS && !rows.isVisible()
                && robot.lookup((ImageView i) -> true).tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(summary.getItems().isEmpty() && rows.getItems().isEmpty() && advisor.getItems().isEmpty());
        assertTrue(robot.lookup("#dataTableEmpty").query().isVisible(), "the empty stand-in shows while no file is open");
        TableColumn<Integer, ?> prebuilt = rows.getColumns().get(2);

        robot.interact(() -> data.set(sample));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !advisor.getItems().isEmpty());
        assertEquals(18, summary.getItems().size());
        assertEquals(8950, rows.getItems().size());
        assertEquals(19, 1 + dataColumns(rows), "the row number and 18 columns");
        assertEquals(1 + DataTabView.PREBUILT_COLUMNS, rows.getVisibleLeafColumns().size(),
                "the pre-built columns the file does not need stay: changing the visible columns restyles every cell");
        List<TableColumn<Integer, ?>> spare = rows.getColumns().subList(19, rows.getColumns().size());
        assertTrue(spare.stream().allMatch(c -> c.getCellValueFactory() == null && c.getUserData() == null
                        && c.getWidth() == 0 && !c.isResizable()),
                "a spare column is zero wide, fixed and holds nothing of the file");
        assertEquals("CUST_ID", rows.getColumns().get(1).getUserData());
        TableColumn<Integer, ?> balance = rows.getColumns().get(2);
        assertEquals("BALANCE", balance.getUserData());
        assertSame(prebuilt, balance, "the file relabels the columns built in advance");
        assertTrue(rows.isVisible());
        assertFalse(robot.lookup("#dataTableEmpty").query().isVisible());

        // another file: the columns are relabelled, not remade
        robot.interact(() -> data.set(firstColumns));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> 1 + dataColumns(rows) == 6);
        assertSame(balance, rows.getColumns().get(2));
        robot.interact(() -> data.set(sample));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> 1 + dataColumns(rows) == 19);
        assertTrue(balance.isResizable() && balance.getWidth() >= 120, "a spare column in use again is a normal one");
        assertSame(balance, rows.getColumns().get(2));
        assertEquals("MINIMUM_PAYMENTS", rows.getColumns().get(16).getUserData());

        robot.interact(() -> data.set(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(summary.getItems().isEmpty() && rows.getItems().isEmpty() && !rows.isVisible());
    }

    /** Columns showing the file's data: the spare ones kept at zero width carry no name. */
    private static long dataColumns(TableView<Integer> rows) {
        return rows.getColumns().stream().filter(c -> c.getUserData() != null).count();
    }
}
