package org.segmentlab.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.segmentlab.app.export.OverwriteCheck;
import org.segmentlab.app.export.OverwritePrompt;

/**
 * The file choosers the window asks: open a data file or project, save a project, locate moved data,
 * choose a folder. Each returns null when the user cancels. The window uses {@link #fx}; tests pass
 * answers without dialogs.
 */
public interface FileDialogs {

    /** A CSV file or a {@code .segmentlab} project. */
    Path openFile(Path near);

    Path openProject(Path near);

    Path saveProject(Path near, String suggestedName);

    /** The moved data file {@code name} of a project. */
    Path locateData(Path near, String name);

    Path chooseFolder(Path near, String title);

    /**
     * A file to write, e.g. an export. {@code pattern} ("*.csv") names the filter and, when the user
     * types a name without it, its extension is added (and the user is asked again when that completed
     * name exists: the chooser only asked about the name as typed). Null by default (implementations that only
     * answer the questions above never write files).
     */
    default Path saveFile(Path near, String title, String suggestedName, String filterName, String pattern) {
        return null;
    }

    /** An existing file to read (not a data file to open as the document), e.g. a model or customers. */
    default Path chooseFile(Path near, String title, String filterName, String... patterns) {
        return null;
    }

    /** The platform's dialogs, owned by {@code owner}. */
    static FileDialogs fx(Window owner) {
        return fx(owner, c -> c.showSaveDialog(owner), OverwritePrompt.fileDialog(() -> owner));
    }

    /**
     * {@link #fx(Window)} whose save choosers are shown by {@code showSave} (the window: {@code showSaveDialog}; tests
     * answer from a script) and whose "replace the completed name?" question is {@code prompt}.
     */
    static FileDialogs fx(Window owner, Function<FileChooser, File> showSave, OverwritePrompt prompt) {
        return new FileDialogs() {
            @Override
            public Path openFile(Path near) {
                FileChooser c = chooser("Open a CSV file or project", near);
                c.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("CSV files and projects", "*.csv", "*.tsv", "*.txt", "*.segmentlab"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return path(c.showOpenDialog(owner));
            }

            @Override
            public Path openProject(Path near) {
                FileChooser c = chooser("Open a SegmentLab project", near);
                c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SegmentLab projects", "*.segmentlab"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return path(c.showOpenDialog(owner));
            }

            @Override
            public Path saveProject(Path near, String suggestedName) {
                return save(showSave, prompt, near, "Save the project", suggestedName,
                        new FileChooser.ExtensionFilter("SegmentLab projects", "*.segmentlab"),
                        p -> withExtension(p, ".segmentlab"));
            }

            @Override
            public Path locateData(Path near, String name) {
                FileChooser c = chooser("Where is " + name + " now?", near);
                c.setInitialFileName(name);
                c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(name, "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return path(c.showOpenDialog(owner));
            }

            @Override
            public Path chooseFolder(Path near, String title) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                if (near != null && Files.isDirectory(near)) {
                    c.setInitialDirectory(near.toFile());
                }
                return path(c.showDialog(owner));
            }

            @Override
            public Path saveFile(Path near, String title, String suggestedName, String filterName, String pattern) {
                String ext = pattern.startsWith("*.") ? pattern.substring(1) : "";
                return save(showSave, prompt, near, title, suggestedName,
                        new FileChooser.ExtensionFilter(filterName, pattern), p -> withExtension(p, ext));
            }

            @Override
            public Path chooseFile(Path near, String title, String filterName, String... patterns) {
                FileChooser c = chooser(title, near);
                c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(filterName, patterns),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return path(c.showOpenDialog(owner));
            }

            private FileChooser chooser(String title, Path near) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                if (near != null && Files.isDirectory(near)) {
                    c.setInitialDirectory(near.toFile());
                }
                return c;
            }

            private Path path(File f) {
                return f == null ? null : f.toPath();
            }
        };
    }

    /**
     * Asks for a file to write with a save chooser ({@code title}, one {@code filter}, starting at {@code near} with
     * {@code suggestedName}) and completes the name with {@code complete} (adds the extension the user left out). The
     * platform's chooser (GTK's) asked before replacing the name as typed, "segments", not the completed
     * "segments.csv"; when the completed name exists, {@code prompt} asks again ({@link OverwriteCheck#saveFile}), and
     * "Choose another name" shows the chooser again at that name. Null when the user cancelled. FX thread.
     */
    static Path save(Function<FileChooser, File> showSave, OverwritePrompt prompt, Path near, String title,
                     String suggestedName, FileChooser.ExtensionFilter filter, UnaryOperator<Path> complete) {
        return OverwriteCheck.saveFile((dir, name) -> {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.getExtensionFilters().add(filter);
            if (dir != null && Files.isDirectory(dir)) {
                c.setInitialDirectory(dir.toFile());
            }
            c.setInitialFileName(name);
            File f = showSave.apply(c);
            return f == null ? null : f.toPath();
        }, near, suggestedName, complete, prompt);
    }

    /** {@code p}, or {@code p} with {@code ext} (".csv") added when its name does not end with it, in any case. */
    static Path withExtension(Path p, String ext) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return ext.isEmpty() || n.endsWith(ext.toLowerCase(Locale.ROOT)) ? p : p.resolveSibling(p.getFileName() + ext);
    }
}
