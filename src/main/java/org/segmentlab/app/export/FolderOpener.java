package org.segmentlab.app.export;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.segmentlab.io.AppLog;

/**
 * Opens a folder in the platform's file manager, for the "Open folder" link of an export's notification.
 * The window has no {@code HostServices} (it is built without the {@code Application}), so this uses
 * {@link Desktop}, which it asks only on its own daemon thread: starting AWT or running the file manager must not
 * stall the FX thread, and on some platforms AWT and JavaFX on one thread can deadlock. Headless, or where the
 * platform cannot open folders, {@link #available()} is false and the notification shows only the path.
 */
public interface FolderOpener {

    /** True when {@link #open} can work here; must answer at once (FX thread). */
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
            failed.accept("Opening folders is not available here; the files are in " + folder);
        }
    };

    /**
     * The platform's file manager through {@link Desktop}. Whether it can open folders is asked once on a daemon
     * thread, started now; until that answer arrives (a fraction of a second) the link is left out.
     */
    static FolderOpener desktop() {
        Executor worker = r -> {
            Thread t = new Thread(r, "folder-opener");
            t.setDaemon(true);
            t.start();
        };
        CompletableFuture<Boolean> supported = CompletableFuture.supplyAsync(() -> {
            try {
                return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
            } catch (RuntimeException | LinkageError e) {
                AppLog.error("Could not ask whether folders can be opened", e);
                return false;
            }
        }, worker);
        return new FolderOpener() {
            @Override
            public boolean available() {
                return supported.getNow(false);
            }

            @Override
            public void open(Path folder, Consumer<String> failed) {
                CompletableFuture.runAsync(() -> {
                    try {
                        Desktop.getDesktop().open(folder.toFile());
                    } catch (IOException | RuntimeException e) {
                        AppLog.error("Could not open the folder " + folder, e);
                        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        javafx.application.Platform.runLater(() -> failed.accept("Could not open the folder "
                                + folder + " (" + why + "). Open it from your file manager; the files are there."));
                    }
                }, worker);
            }
        };
    }
}
