package org.segmentlab.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.segmentlab.prep.DerivedColumn;

/**
 * Edits derived columns as "NAME = EXPRESSION" lines. Only the form is checked here; the expression
 * itself is validated by the core when the analysis runs.
 */
public final class DerivedColumnsDialog extends Dialog<List<DerivedColumn>> {

    public DerivedColumnsDialog(Window owner, List<DerivedColumn> current) {
        initOwner(owner);
        setTitle("Derived columns");
        setHeaderText("One column per line: NAME = EXPRESSION");
        TextArea text = new TextArea(format(current));
        text.setPromptText("PURCHASE_SHARE = PURCHASES / (PURCHASES + CASH_ADVANCE)");
        text.setPrefRowCount(8);
        text.setPrefColumnCount(48);
        Label error = new Label();
        error.getStyleClass().add("validation");
        error.setWrapText(true);
        getDialogPane().setContent(new VBox(8, text, error));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                parse(text.getText());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? parse(text.getText()) : null);
    }

    public static Optional<List<DerivedColumn>> edit(Window owner, List<DerivedColumn> current) {
        return new DerivedColumnsDialog(owner, current).showAndWait();
    }

    static String format(List<DerivedColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (DerivedColumn d : columns) {
            sb.append(d.name()).append(" = ").append(d.expression()).append('\n');
        }
        return sb.toString();
    }

    /** Parses non-blank lines; a line without "=" is refused with its number. */
    static List<DerivedColumn> parse(String text) {
        List<DerivedColumn> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                DerivedColumn d = DerivedColumn.parse(line);
                if (d.name().isEmpty() || d.expression().isEmpty()) {
                    throw new IllegalArgumentException("derived column '" + line + "' must be written NAME=EXPRESSION");
                }
                out.add(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
