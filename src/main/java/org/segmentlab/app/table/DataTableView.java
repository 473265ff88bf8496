package org.segmentlab.app.table;

import java.util.AbstractList;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;

/**
 * Every row of the table, virtualized: the items are row indices (no row objects), and each cell
 * reads its column's primitive array by index, so a million rows cost one small list. Sorting is off
 * because the index list is read-only.
 */
public final class DataTableView extends TableView<Integer> {

    public DataTableView() {
        setId("dataTable");
        setFixedCellSize(24);
        setPlaceholder(new Label("Open a CSV file to see its rows."));
        getStyleClass().add("data-table");
    }

    public void show(DataTable table) {
        getColumns().clear();
        if (table == null) {
            setItems(FXCollections.observableArrayList());
            return;
        }
        TableColumn<Integer, Integer> index = new TableColumn<>("#");
        index.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue() + 1));
        index.setSortable(false);
        index.setPrefWidth(Math.max(48, 9 * String.valueOf(table.rowCount()).length() + 16));
        index.getStyleClass().add("row-number");
        getColumns().add(index);
        for (Column c : table.columns()) {
            TableColumn<Integer, String> col = new TableColumn<>();
            Label name = new Label(c.name());
            name.getStyleClass().add("column-name");
            Label type = new Label(c.type().jsonName());
            type.getStyleClass().add("column-type");
            VBox header = new VBox(name, type);
            header.getStyleClass().add("column-header-box");
            col.setGraphic(header);
            col.setId("col-" + c.name());
            col.setUserData(c.name());
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(c.text(cd.getValue())));
            col.setSortable(false);
            col.setPrefWidth(Math.max(120, Math.min(220, 8 * c.name().length() + 24)));
            if (c.isNumeric()) {
                col.getStyleClass().add("numeric");
            }
            getColumns().add(col);
        }
        setItems(FXCollections.observableList(new RowIndices(table.rowCount())));
    }

    /** The integers 0..n-1 without storing them. */
    static final class RowIndices extends AbstractList<Integer> {
        private final int n;

        RowIndices(int n) {
            this.n = n;
        }

        @Override
        public Integer get(int i) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException(i);
            }
            return i;
        }

        @Override
        public int size() {
            return n;
        }
    }
}
