package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.MainWindow;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.io.AnalysisKit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export ▸ Everything to a folder in the real window, headless, with the real question: a folder holding an
 * earlier kit is not written until the user says Replace; Cancel leaves a hand-edited file as it was, and Choose
 * another folder opens the chooser again. The folder chooser answers from a script; the question is the dialog
 * the user sees.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFolderFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private MainWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        context = org.segmentlab.app.LighterContext.create(dir.resolve("settings.json"));
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        window.setFileDialogs(dialogs);
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    private MenuItem everything(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i instanceof Menu sub) {
                    for (MenuItem j : sub.getItems()) {
                        if ("menuExportEverything".equals(j.getId())) {
                            return j;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no Everything to a folder item");
    }

    /** Fires the item without waiting: the question is modal and would hold the FX thread's task. */
    private DialogPane fireAndAwaitQuestion(FxRobot robot, MenuItem item) throws Exception {
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#overwriteDialog").tryQuery().isPresent());
        return robot.lookup("#overwriteDialog").queryAs(DialogPane.class);
    }

    private void answer(FxRobot robot, String buttonId) {
        Button b = robot.lookup("#" + buttonId).queryAs(Button.class);
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anEarlierKitIsReplacedOnlyWhenTheUserSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLE));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && vm().outcomeProperty().get() != null
                && vm().personas().cards().size() == vm().outcomeProperty().get().result().chosenK());
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem item = everything(robot);

        // A folder with nothing of the kit: written at once, no question.
        Path kit = Files.createDirectories(dir.resolve("kit"));
        Files.writeString(kit.resolve("notes.txt"), "not the kit's");
        dialogs.folders.add(kit);
        robot.interact(item::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && Files.exists(kit.resolve(AnalysisKit.PROJECT)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#overwriteDialog").tryQuery().isEmpty());
        assertEquals("Exported 5 files to " + kit, vm().statusProperty().get());

        // The user edits the kit's CSV by hand, then exports there again and cancels.
        Path segments = kit.resolve(AnalysisKit.SEGMENTS);
        Files.writeString(segments, "edited by hand");
        String status = vm().statusProperty().get();
        dialogs.folders.add(kit);
        DialogPane question = fireAndAwaitQuestion(robot, item);
        assertEquals("5 files in " + kit + " will be replaced.", question.getHeaderText());
        assertTrue(question.getContentText().startsWith("segments.csv, segment_summary.csv, model.json, model.pmml"
                + " and analysis.segmentlab"), question.getContentText());
        answer(robot, OverwritePrompt.CANCEL_ID);
        assertFalse(vm().isBusy());
        assertEquals("edited by hand", Files.readString(segments));
        assertEquals(status, vm().statusProperty().get(), "nothing was exported");

        // Choose another folder: the chooser opens again where the user was, and the new folder gets the kit.
        Path other = Files.createDirectories(dir.resolve("other"));
        dialogs.folders.add(kit);
        dialogs.folders.add(other);
        dialogs.startedAt.clear();
        fireAndAwaitQuestion(robot, item);
        answer(robot, OverwritePrompt.CHOOSE_ANOTHER_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && Files.exists(other.resolve(AnalysisKit.PROJECT)));
        assertEquals(kit, dialogs.startedAt.get(1));
        assertEquals("edited by hand", Files.readString(segments));

        // Replace: the earlier kit is written over.
        dialogs.folders.add(kit);
        fireAndAwaitQuestion(robot, item);
        answer(robot, OverwritePrompt.REPLACE_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && !Files.readString(segments).equals("edited by hand"));
        assertTrue(Files.readString(segments).startsWith("CUST_ID,"));
        assertEquals("Exported 5 files to " + kit, vm().statusProperty().get());
        assertEquals("not the kit's", Files.readString(kit.resolve("notes.txt")));
        assertEquals(null, vm().problem());
    }
}
