package org.segmentlab.app.help;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The glossary's own window, one per main window: kept in the owner's properties (no static state), shown again
 * rather than duplicated, and closed with its owner. Escape closes it.
 */
public final class GlossaryWindow {

    private static final String KEY = GlossaryWindow.class.getName();

    private GlossaryWindow() {
    }

    /**
     * Shows the glossary beside {@code owner}, at the entry {@code id} (null: where it was, or the first entry).
     *
     * @return the view shown (tests)
     */
    public static GlossaryView show(Window owner, String id) {
        Stage stage = owner.getProperties().get(KEY) instanceof Stage s ? s : create(owner);
        GlossaryView view = (GlossaryView) stage.getScene().getRoot();
        if (id != null) {
            view.select(id);
        }
        stage.show();
        stage.toFront();
        view.searchField().requestFocus();
        return view;
    }

    /** The glossary window of {@code owner}, or null when it was never opened. */
    public static Stage of(Window owner) {
        return owner.getProperties().get(KEY) instanceof Stage s ? s : null;
    }

    private static Stage create(Window owner) {
        GlossaryView view = new GlossaryView(Explanations.catalogue());
        Scene scene = new Scene(view, 820, 560);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("SegmentLab · Glossary");
        stage.setScene(scene);
        stage.setMinWidth(520);
        stage.setMinHeight(360);
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        scene.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        owner.getProperties().put(KEY, stage);
        return stage;
    }
}
