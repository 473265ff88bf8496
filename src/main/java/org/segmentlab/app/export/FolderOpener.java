package org.segmentlab.app.export;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.segmentlab.io.AppLog;

/**
 * Opens a folder in the platform's file manager, for the "Open folder" link of an export's notification.
 * The window has no {@code HostServices} (it is built without the {@code Application}), so this uses
 * {@link Desktop}. AWT is touched only when the user clicks, and then on a thread of its own: starting AWT (and,
 * on Linux, its GTK) at start-up would cost every session for a link few use, and Desktop called on the FX thread
 * can deadlock with JavaFX's own GTK loop. Headless there is no link, and the notification shows only the path.
 */
public interface FolderOpener {

    /** True when {@link #open} may work here; answers at once (FX thread). */
    boolean available();

    /** Opens {@code folder} in the background; {@code failed} gets a message on the FX thread if it could not. */
    void open(Path folder, Consumer<String> failed);

    /** Never available: for tests and headless use. */
    FolderOpener NONE = new FolderOpener() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void open(Path folder, Consumer<String> failed) {
            failed.accept("Opening folders is not available here; the files are in " + folder + ".");
        }
    };

    /**
     * The platform's file manager through {@link Desktop}: offered wherever there is a display (a property check,
     * no toolkit started); whether the platform can open folders is asked on the click, on a daemon thread.
     */
    static FolderOpener desktop() {
        boolean display;
        try {
            display = !GraphicsEnvironment.isHeadless();
        } catch (LinkageError e) { // a runtime image without java.desktop
            display = false;
        }
        boolean offered = display;
        return new FolderOpener() {
            @Override
            public boolean available() {
                return offered;
            }

            @Override
            public void open(Path folder, Consumer<String> failed) {
                Thread t = new Thread(() -> {
                    String problem = null;
                    try {
                        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                            Desktop.getDesktop().open(folder.toFile());
                        } else {
                            problem = "This system gives SegmentLab no way to open a folder. The files are in "
                                    + folder + ".";
                        }
                    } catch (IOException | RuntimeException | LinkageError e) {
                        AppLog.error("Could not open the folder " + folder, e);
                        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        problem = "Could not open the folder " + folder + " (" + why
                                + "). Open it from your file manager; the files are there.";
                    }
                    if (problem != null) {
                        String message = problem;
                        Platform.runLater(() -> failed.accept(message));
                    }
                }, "folder-opener");
                t.setDaemon(true);
                t.start();
            }
        };
    }
}
