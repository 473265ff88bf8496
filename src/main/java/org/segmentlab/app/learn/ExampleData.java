package org.segmentlab.app.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.segmentlab.data.ToyData;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.AtomicFiles;

/**
 * Help ▸ Example data: each toy set is written as a small CSV into the app's folder
 * ({@code <home>/examples/ring.csv}) and opened like any file, so reloading, projects and exports work
 * on it as on the user's own data. The file is rewritten on every open (a few kilobytes), so a damaged
 * copy heals itself.
 */
public final class ExampleData {

    private ExampleData() {
    }

    /** Writes the example into {@code folder} and returns its path. */
    public static Path write(ToyData.Kind kind, Path folder) throws IOException {
        Path file = folder.resolve(kind.fileStem() + ".csv");
        String csv = ToyData.csv(ToyData.generate(kind, ToyData.DEFAULT_SEED));
        AtomicFiles.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    /**
     * The "Example data" menu: one item per toy set, each writing its file under {@code folder} and handing
     * it to {@code open} (the window's File ▸ Open path, which asks about unsaved changes first).
     *
     * @param onError told when the file cannot be written (the window's problem banner)
     */
    public static Menu menu(Path folder, Consumer<Path> open, Consumer<String> onError) {
        Menu menu = new Menu("Example data");
        menu.setId("menuExampleData");
        for (ToyData.Kind kind : ToyData.Kind.values()) {
            MenuItem item = new MenuItem(kind.title());
            item.setId("menuExample_" + kind.fileStem());
            item.setOnAction(e -> {
                try {
                    open.accept(write(kind, folder));
                } catch (IOException | RuntimeException ex) {
                    AppLog.error("Could not write the example " + kind.fileStem(), ex);
                    onError.accept("Could not write the example data to " + folder + ": " + ex.getMessage()
                            + ". Check that the folder can be written.");
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
