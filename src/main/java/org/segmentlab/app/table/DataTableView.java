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
 *
 * <p>The table columns are kept and relabelled from one table to the next (only missing ones are made, and ones
 * a table does not need are kept at zero width, never removed or hidden): each row keeps its styled cells per
 * column and the header row its headers, so showing a table restyles nothing it already has. A data column
 * is one whose user data is its name; spare ones have none. {@link #showRows}
 * with null empties the rows but keeps the columns (and their cells) for the next table; {@link #show} with null
 * also removes the columns.
 */
public final class DataTableView extends TableView<Integer> {

    private final TableColumn<Integer, Integer> index = new TableColumn<>("#");
    /** Data columns made so far, in order; the first {@code table.columns().size()} are shown. */
    private final List<DataColumn> made = new ArrayList<>();

    public DataTableView() {
        setId("dataTable");
        setFixedCellSize(24);
        setPlaceholder(new Label("Open a CSV file to see its rows."));
        getStyleClass().add("data-table");
        index.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue() + 1));
        index.setSortable(false);
        index.getStyleClass().add("row-number");
    }

    /** Shows the table's columns and rows (nothing for null). */
    public void show(DataTable table) {
        showColumns(table);
        showRows(table);
    }

    /**
     * The table's columns (headers), with no rows yet: the first half of {@link #show}, which the Data tab runs a
     * pulse before {@link #showRows} so that no pulse styles the headers and the first screen of cells together.
     */
    public void showColumns(DataTable table) {
        setItems(FXCollections.observableArrayList());
        if (table == null) {
            getColumns().clear();
            return;
        }
        index.setPrefWidth(Math.max(48, 9 * String.valueOf(table.rowCount()).length() + 16));
        List<TableColumn<Integer, ?>> shown = new ArrayList<>();
        shown.add(index);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i == made.size()) {
                made.add(new DataColumn());
            }
            made.get(i).show(columns.get(i));
        }
        // Columns this table does not need stay, shown but zero wide and empty ("spare"): any change to the visible
        // columns, removing or hiding them alike, re-adds every row's cells (each restyled from scratch) and every
        // header: 28-83 ms of FX-thread time in one pulse from 24 columns to 21, measured. A width change only lays
        // the rows out again.
        for (int i = columns.size(); i < made.size(); i++) {
            made.get(i).spare();
        }
        for (DataColumn c : made) {
            shown.add(c.column);
        }
        if (!getColumns().equals(shown)) {
            getColumns().setAll(shown);
        }
    }

    /** The table's rows under the columns {@link #showColumns} set (none for null). */
    public void showRows(DataTable table) {
        showRows(table, Integer.MAX_VALUE);
    }

    /** The table's first {@code limit} rows (all if fewer): the Data tab fills the first screen a few rows a pulse. */
    public void showRows(DataTable table, int limit) {
        setItems(table == null ? FXCollections.observableArrayList()
                : FXCollections.observableList(new RowIndices(Math.min(limit, table.rowCount()))));
    }

    /** One data column and its two-line header (name, type), relabelled for each table. */
    private static final class DataColumn {
        /** A TableColumn's own defaults, restored when a spare column is used again. */
        static final double MIN_WIDTH = 10;
        static final double MAX_WIDTH = 5000;

        final TableColumn<Integer, String> column = new TableColumn<>();
        final Label name = new Label();
        final Label type = new Label();

        DataColumn() {
            name.getStyleClass().add("column-name");
            type.getStyleClass().add("column-type");
            VBox header = new VBox(name, type);
            header.getStyleClass().add("column-header-box");
            column.setGraphic(header);
            column.setSortable(false);
        }

        /** Zero wide, fixed, unlabelled and holding nothing of the last table (see {@link #showColumns}). */
        void spare() {
            name.setText("");
            type.setText("");
            column.setUserData(null);
            column.setCellValueFactory(null);
            column.setResizable(false);
            column.setMinWidth(0);
            column.setPrefWidth(0);
            column.setMaxWidth(0);
        }

        /** Relabels the column; no id or style class changes unless the kind does (each restyles its header). */
        void show(Column c) {
            column.setMaxWidth(MAX_WIDTH);
            column.setMinWidth(MIN_WIDTH);
            column.setResizable(true);
            name.setText(c.name());
            type.setText(c.type().jsonName());
            column.setUserData(c.name());
            column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(c.text(cd.getValue())));
            column.setPrefWidth(Math.max(120, Math.min(220, 8 * c.name().length() + 24)));
            if (c.isNumeric() && !column.getStyleClass().contains("numeric")) {
                column.getStyleClass().add("numeric");
            } else if (!c.isNumeric()) {
                column.getStyleClass().remove("numeric");
            }
        }
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
