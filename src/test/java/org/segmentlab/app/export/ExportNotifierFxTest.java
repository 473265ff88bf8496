package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The notification after an export, shown headless: it names the files and the folder, offers "Open folder" only
 * where a folder can be opened, and the link opens the export's folder.
 */
@ExtendWith(ApplicationExtension.class)
class ExportNotifierFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }

    /** An opener that can open and records what it was asked to open. */
    private static final class RecordingOpener implements FolderOpener {
        final List<Path> opened = new CopyOnWriteArrayList<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void open(Path folder, Consumer<String> failed) {
            opened.add(folder);
        }
    }

    /** The labelled nodes of the notification now showing whose title is {@code title} (an earlier one may linger). */
    private static List<Labeled> notification(String title) throws Exception {
        // the scene graph is read on the FX thread
        return WaitForAsyncUtils.asyncFx(() -> notificationOnFx(title)).get(10, TimeUnit.SECONDS);
    }

    private static List<Labeled> notificationOnFx(String title) {
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                for (Node bar : w.getScene().getRoot().lookupAll(".notification-bar")) {
                    List<Labeled> out = new ArrayList<>();
                    collect(bar, out);
                    if (out.stream().anyMatch(l -> l.getText().equals(title))) {
                        return out;
                    }
                }
            }
        }
        return List.of();
    }

    private static void collect(Node n, List<Labeled> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static Optional<Labeled> labelled(String title, String text) throws Exception {
        return notification(title).stream().filter(l -> l.getText().equals(text)).findFirst();
    }

    @Test
    void theNotificationNamesTheFilesAndItsLinkOpensTheFolder(FxRobot robot) throws Exception {
        Path out = Path.of("out").toAbsolutePath();
        RecordingOpener opener = new RecordingOpener();
        List<String> problems = new ArrayList<>();
        ExportNotifier notifier = new ExportNotifier(() -> stage, opener, problems::add);
        robot.interact(() -> notifier.written("Everything exported", List.of(out.resolve("segments.csv"),
                out.resolve("model.json"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !notification("Everything exported").isEmpty());
        String text = "2 files: segments.csv and model.json\nin " + out;
        assertEquals(text, notifier.last().text());
        assertTrue(labelled("Everything exported", text).isPresent(), "the text as ExportNotice words it");

        Labeled link = labelled("Everything exported", ExportNotice.OPEN_FOLDER).orElseThrow();
        assertTrue(link instanceof Button);
        robot.interact(((Button) link)::fire);
        assertEquals(List.of(out), opener.opened);
        assertEquals(List.of(), problems);
    }

    @Test
    void withoutAWayToOpenFoldersOnlyThePathIsShown(FxRobot robot) throws Exception {
        Path out = Path.of("charts").toAbsolutePath();
        ExportNotifier notifier = new ExportNotifier(() -> stage, FolderOpener.NONE, m -> { });
        robot.interact(() -> notifier.written("Report exported", List.of(out.resolve("report.html"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labelled("Report exported", "report.html\nin " + out).isPresent());
        assertFalse(labelled("Report exported", ExportNotice.OPEN_FOLDER).isPresent());
        assertFalse(FolderOpener.desktop().available(), "headless (as the tests run): the app offers no link either");
        // Nothing written: nothing said, nothing thrown.
        robot.interact(() -> assertNull(notifier.written("Charts exported", List.of())));
        assertEquals("Report exported", notifier.last().title());
    }
}
