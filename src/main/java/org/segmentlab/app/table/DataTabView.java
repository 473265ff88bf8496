package org.segmentlab.app.table;

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
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-header");
        return l;
    }

    private void show(LoadedData d) {
        if (d == null) {
            summary.show(java.util.List.of());
            advisor.show(java.util.List.of());
            rows.show(null);
            return;
        }
        summary.show(d.summaries());
        advisor.show(d.advice());
        rows.show(d.table());
    }

    public SplitPane verticalSplit() {
        return vertical;
    }

    public SplitPane topSplit() {
        return top;
    }
}
