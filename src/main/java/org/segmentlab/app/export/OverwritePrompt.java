package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks whether an export may replace files that exist already ({@link OverwriteCheck}). The window asks with a
 * dialog ({@link #dialog}); tests may answer at once.
 */
@FunctionalInterface
public interface OverwritePrompt {

    /** The user's answer. */
    enum Answer { REPLACE, CHOOSE_ANOTHER, CANCEL }

    /**
     * @param folder   where the files are
     * @param existing the names that would be replaced (at least one)
     */
    Answer ask(Path folder, List<String> existing);

    /** Button ids, for UI tests. */
    String REPLACE_ID = "overwriteReplace";
    String CHOOSE_ANOTHER_ID = "overwriteChooseAnother";
    String CANCEL_ID = "overwriteCancel";

    /**
     * A modal dialog owned by {@code owner}: "3 files in /x/y will be replaced", their names, and Replace /
     * Choose another folder / Cancel. "Choose another folder" is the default button, so Enter never replaces;
     * Escape or closing the dialog cancels. FX thread.
     */
    static OverwritePrompt dialog(Supplier<Window> owner) {
        return dialog(owner, "Choose another folder");
    }

    /** {@link #dialog(Supplier)} for one file chosen by name: its middle button reads "Choose another name". */
    static OverwritePrompt fileDialog(Supplier<Window> owner) {
        return dialog(owner, "Choose another name");
    }

    private static OverwritePrompt dialog(Supplier<Window> owner, String anotherText) {
        return (folder, existing) -> {
            ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OTHER);
            ButtonType another = new ButtonType(anotherText, ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", replace, another, cancel);
            Window w = owner.get();
            if (w != null) {
                a.initOwner(w);
            }
            a.setTitle("Replace files?");
            a.setHeaderText(OverwriteCheck.headline(folder, existing) + ".");
            a.setContentText((existing.size() == 1 ? "" : OverwriteCheck.names(existing) + "\n\n")
                    + "An earlier export there, or a file you edited since, would be lost.");
            a.getDialogPane().setId("overwriteDialog");
            a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            ((Button) a.getDialogPane().lookupButton(replace)).setId(REPLACE_ID);
            ((Button) a.getDialogPane().lookupButton(another)).setId(CHOOSE_ANOTHER_ID);
            ((Button) a.getDialogPane().lookupButton(cancel)).setId(CANCEL_ID);
            ButtonType answer = a.showAndWait().orElse(cancel);
            return answer == replace ? Answer.REPLACE : answer == another ? Answer.CHOOSE_ANOTHER : Answer.CANCEL;
        };
    }
}
