package org.segmentlab.app.help;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * Help ▸ Glossary: every explanation in the catalogue, searchable (title, summary and other names such as
 * "WCSS" or "StandardScaler"), with the selected entry's {@link LearnMorePane} beside the list. "See also" links
 * move the selection. Type to filter; Down or Enter moves from the search field into the list.
 */
public final class GlossaryView extends BorderPane {

    private final Explanations catalogue;
    private final TextField search = TextFields.createClearableTextField();
    private final ListView<Explanation> list = new ListView<>();
    private final ScrollPane detail = new ScrollPane();

    public GlossaryView(Explanations catalogue) {
        this.catalogue = catalogue;
        setId("glossaryView");
        getStyleClass().add("glossary");
        getStylesheets().add(HelpIcon.CSS);

        search.setId("glossarySearch");
        search.getStyleClass().add("glossary-search");
        search.setPromptText("Search: silhouette, scaling, PCA, missing…");
        search.setAccessibleText("Search the glossary");
        search.textProperty().addListener((o, a, q) -> filter(q));
        search.setOnKeyPressed(k -> {
            if ((k.getCode() == KeyCode.DOWN || k.getCode() == KeyCode.ENTER) && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                k.consume();
            }
        });

        list.setId("glossaryList");
        list.setAccessibleText("Glossary entries");
        list.setCellFactory(l -> new EntryCell());
        list.setPlaceholder(new Label("Nothing matches. Try another word, or clear the search."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showDetail(e));
        list.setMinWidth(200);

        detail.setId("glossaryDetail");
        detail.getStyleClass().add("learn-more-scroll");
        detail.setFitToWidth(true);
        detail.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        SplitPane split = new SplitPane(list, detail);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(list, false);
        VBox top = new VBox(search);
        top.setPadding(new Insets(10));
        setTop(top);
        setCenter(split);

        list.getItems().setAll(catalogue.all());
        list.getSelectionModel().selectFirst();
    }

    private void filter(String query) {
        Explanation keep = list.getSelectionModel().getSelectedItem();
        List<Explanation> found = catalogue.search(query);
        list.getItems().setAll(found);
        if (keep != null && found.contains(keep)) {
            list.getSelectionModel().select(keep);
        } else if (!found.isEmpty()) {
            list.getSelectionModel().selectFirst();
        } else {
            showDetail(null);
        }
    }

    private void showDetail(Explanation e) {
        detail.setContent(e == null ? null : new LearnMorePane(e, this::select, null));
        detail.setVvalue(0);
    }

    /** Shows the entry for id, clearing the search if it hides it; unknown ids are ignored. */
    public void select(String id) {
        catalogue.find(id).ifPresent(e -> {
            if (!list.getItems().contains(e)) {
                search.clear();
            }
            list.getSelectionModel().select(e);
            list.scrollTo(e);
        });
    }

    public TextField searchField() {
        return search;
    }

    /** The entries currently listed (after the search). */
    public List<Explanation> shown() {
        return List.copyOf(list.getItems());
    }

    /** The entry whose text is shown, or null. */
    public Explanation selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** The pane showing the selected entry, or null. */
    public LearnMorePane detailPane() {
        return detail.getContent() instanceof LearnMorePane p ? p : null;
    }

    private static final class EntryCell extends ListCell<Explanation> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, title, summary);

        EntryCell() {
            getStyleClass().add("glossary-cell");
            title.getStyleClass().add("glossary-cell-title");
            summary.getStyleClass().add("glossary-cell-summary");
            summary.setWrapText(true);
            summary.setMaxHeight(32); // two lines; the full text is on the right
            box.setPadding(new Insets(2, 0, 2, 0));
            // Let the list decide the width so long summaries wrap instead of scrolling sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Explanation e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(e.title());
            summary.setText(e.summary());
            setAccessibleText(e.title() + ". " + e.summary());
            setGraphic(box);
        }
    }
}
