package org.segmentlab.app.table;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.segmentlab.data.ColumnType;

/**
 * One row per column: type, missing, distinct, mean, sd, min, median, max, skewness, a histogram and
 * badges. Right-click a row to treat the column as another type.
 */
public final class ColumnSummaryView extends TableView<ColumnSummary> {

    /**
     * @param overrideType called with (column, type) when the user picks another type
     */
    public ColumnSummaryView(BiConsumer<String, ColumnType> overrideType) {
        setId("columnSummary");
        getStyleClass().add("summary-table");
        setFixedCellSize(26);
        setPlaceholder(new Label("No columns yet."));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<ColumnSummary, String> name = text("Column", ColumnSummary::name, 250);
        name.getStyleClass().add("name");
        TableColumn<ColumnSummary, String> type = text("Type", s -> s.type().jsonName()
                + (s.type() != s.detectedType() ? " *" : ""), 84);
        getColumns().add(name);
        getColumns().add(type);
        TableColumn<ColumnSummary, ColumnSummary> hist = new TableColumn<>("Distribution");
        hist.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        hist.setCellFactory(c -> new HistogramCell());
        hist.setPrefWidth(HistogramCell.WIDTH + 16);
        hist.setSortable(false);
        getColumns().add(hist);
        getColumns().add(badges());
        getColumns().add(numeric("Missing", s -> Formats.count(s.stats().missing())));
        getColumns().add(numeric("Distinct", s -> Formats.count(s.stats().distinct())));
        getColumns().add(numeric("Mean", s -> Formats.number(s.stats().mean())));
        getColumns().add(numeric("SD", s -> Formats.number(s.stats().sd())));
        getColumns().add(numeric("Min", s -> Formats.number(s.stats().min())));
        getColumns().add(numeric("Median", s -> Formats.number(s.stats().median())));
        getColumns().add(numeric("Max", s -> Formats.number(s.stats().max())));
        getColumns().add(numeric("Skew", s -> Formats.number(s.stats().skewness())));

        setRowFactory(t -> {
            TableRow<ColumnSummary> row = new TableRow<>();
            // one menu per row, its items replaced per column: a new ContextMenu (a popup window) per row and item
            // cost the FX thread tens of milliseconds each time a file filled the summary
            ContextMenu menu = new ContextMenu();
            row.itemProperty().addListener((o, a, s) -> {
                if (s != null) {
                    menu.getItems().setAll(menuItems(s, overrideType));
                }
                row.setContextMenu(s == null ? null : menu);
            });
            return row;
        });
        setTooltip(new Tooltip("Right-click a column to change its type"));
    }

    public void show(java.util.List<ColumnSummary> summaries) {
        setItems(FXCollections.observableArrayList(summaries));
    }

    private static List<MenuItem> menuItems(ColumnSummary s, BiConsumer<String, ColumnType> overrideType) {
        List<MenuItem> menu = new java.util.ArrayList<>();
        for (ColumnType t : new ColumnType[] {ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.IDENTIFIER}) {
            MenuItem item = new MenuItem("Treat " + s.name() + " as " + t.jsonName());
            item.setDisable(t == s.type());
            item.setOnAction(e -> overrideType.accept(s.name(), t));
            menu.add(item);
        }
        if (s.type() != s.detectedType()) {
            menu.add(new SeparatorMenuItem());
            MenuItem reset = new MenuItem("Back to the detected type (" + s.detectedType().jsonName() + ")");
            reset.setOnAction(e -> overrideType.accept(s.name(), s.detectedType()));
            menu.add(reset);
        }
        return menu;
    }

    private static TableColumn<ColumnSummary, String> text(String title, Function<ColumnSummary, String> f, double width) {
        TableColumn<ColumnSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<ColumnSummary, String> numeric(String title, Function<ColumnSummary, String> f) {
        // wide enough for "1,000,000" and "-0.00118" in the default font (72 cut both to "1,000...")
        TableColumn<ColumnSummary, String> c = text(title, f, 86);
        c.getStyleClass().add("numeric");
        return c;
    }

    private static TableColumn<ColumnSummary, ColumnSummary> badges() {
        TableColumn<ColumnSummary, ColumnSummary> c = new TableColumn<>("Notes");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setPrefWidth(140);
        c.setSortable(false);
        c.setCellFactory(col -> new BadgeCell());
        return c;
    }

    /**
     * The notes column's cell: one label per kind of badge, made with the cell and shown or hidden per row. Made
     * anew for every row shown, the labels were new nodes to style in the pulse a file filled the summary.
     */
    private static final class BadgeCell extends TableCell<ColumnSummary, ColumnSummary> {
        private final HBox box = new HBox(4);
        private final Label[] labels = new Label[Badge.values().length];

        BadgeCell() {
            for (Badge b : Badge.values()) {
                Label l = new Label(b.label());
                l.getStyleClass().addAll("badge", "badge-" + b.label());
                l.setVisible(false);
                l.setManaged(false);
                labels[b.ordinal()] = l;
                box.getChildren().add(l);
            }
        }

        @Override
        protected void updateItem(ColumnSummary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            for (Badge b : Badge.values()) {
                boolean on = s.hasBadge(b);
                labels[b.ordinal()].setVisible(on);
                labels[b.ordinal()].setManaged(on);
            }
            setGraphic(box);
        }
    }
}
