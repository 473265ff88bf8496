package org.segmentlab.app.table;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/** The preparation advisor's notes, one per line with an icon for its kind. */
public final class AdvisorView extends ListView<AdviceNote> {

    public AdvisorView() {
        setId("advisor");
        getStyleClass().add("advisor-list");
        setPlaceholder(new Label("No preparation notes."));
        setCellFactory(l -> new ListCell<>() {
            /** One icon per cell, its glyph changed per note: a new FontIcon per update was styled from scratch. */
            private final FontIcon icon = new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);

            {
                icon.getStyleClass().add("advice-icon");
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(AdviceNote note, boolean empty) {
                super.updateItem(note, empty);
                if (empty || note == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(note.message());
                icon.setIconCode(icon(note.kind()));
                setGraphic(icon);
            }
        });
    }

    public void show(List<AdviceNote> notes) {
        setItems(FXCollections.observableArrayList(notes));
    }

    static Ikon icon(String kind) {
        return switch (kind) {
            case "IDENTIFIER" -> MaterialDesignK.KEY_OUTLINE;
            case "SKEWED", "SKEW" -> MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE;
            case "MISSING", "NON_NUMERIC", "EMPTY" -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            default -> MaterialDesignI.INFORMATION_OUTLINE;
        };
    }
}
