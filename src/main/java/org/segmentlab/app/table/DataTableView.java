package org.segmentlab.app.table;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
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
        show(table, Integer.MAX_VALUE);
    }

    /**
     * Shows the rows of {@code table} with all its columns, of which only the first {@code visibleColumns} (plus
     * the row number) are visible; the rest follow with {@link #revealColumns}. Each visible column costs styled
     * cells for every visible row, so the Data tab reveals a few per pulse.
     */
    void show(DataTable table, int visibleColumns) {
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
        List<TableColumn<Integer, ?>> cols = new ArrayList<>();
        for (Column c : table.columns()) {
            TableColumn<Integer, String> col = column(c);
            col.setVisible(cols.size() < visibleColumns);
            cols.add(col);
        }
        getColumns().addAll(cols);
        setItems(FXCollections.observableList(new RowIndices(table.rowCount())));
    }

    /** Makes up to {@code n} more hidden columns visible, left to right; false when none is left hidden. */
    boolean revealColumns(int n) {
        return reveal(getColumns(), n);
    }

    static boolean reveal(List<? extends TableColumn<?, ?>> columns, int n) {
        int shown = 0;
        for (TableColumn<?, ?> c : columns) {
            if (!c.isVisible()) {
                if (shown == n) {
                    return true;
                }
                c.setVisible(true);
                shown++;
            }
        }
        return false;
    }

    private static TableColumn<Integer, String> column(Column c) {
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
        return col;
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
