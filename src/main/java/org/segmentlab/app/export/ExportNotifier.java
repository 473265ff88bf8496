package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.segmentlab.io.AppLog;

/**
 * Says that an export finished: a ControlsFX notification at the window's lower right naming the files and the
 * folder ({@link ExportNotice}), with an "Open folder" link where the platform can open one ({@link FolderOpener}).
 * Every export of the window (data, models, report, everything, charts) reports through one notifier so they read
 * alike. Failures are not notified here: they stay in the window's problem banner. A notification that cannot be
 * shown (no window, a headless toolkit) is logged and skipped; the export itself has succeeded.
 */
public final class ExportNotifier {

    /** Long enough to reach the link; the status line keeps the message afterwards. */
    static final Duration SHOWN_FOR = Duration.seconds(8);

    private final Supplier<Window> owner;
    private final FolderOpener opener;
    private final Consumer<String> problem;
    private ExportNotice last;

    /**
     * @param owner   the window the notification belongs to (asked when one is shown)
     * @param opener  opens the folder ({@link FolderOpener#desktop()} in the app)
     * @param problem shows a message in the banner (when the folder cannot be opened)
     */
    public ExportNotifier(Supplier<Window> owner, FolderOpener opener, Consumer<String> problem) {
        this.owner = owner;
        this.opener = opener;
        this.problem = problem;
    }

    /** Notifies that {@code written} were exported. FX thread. Returns what was said (null: nothing written). */
    public ExportNotice written(String title, List<Path> written) {
        if (written.isEmpty()) {
            return null;
        }
        ExportNotice n = ExportNotice.of(title, written);
        last = n;
        try {
            Notifications note = Notifications.create().title(n.title()).text(n.text()).hideAfter(SHOWN_FOR);
            Window w = owner.get();
            if (w != null && w.isShowing()) {
                note.owner(w);
            }
            if (opener.available()) {
                note.action(new Action(ExportNotice.OPEN_FOLDER, e -> opener.open(n.folder(), problem)));
            }
            note.showInformation();
        } catch (RuntimeException e) {
            // A missing screen or skin must not turn a written export into an error.
            AppLog.error("Could not show the export notification: " + n.text(), e);
        }
        return n;
    }

    /** The last notice shown, or null (for tests). */
    public ExportNotice last() {
        return last;
    }
}
