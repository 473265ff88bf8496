package org.segmentlab.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

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
     * types a name without it, its extension is added. Null by default (implementations that only
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
                FileChooser c = chooser("Save the project", near);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter("SegmentLab projects", "*.segmentlab"));
                c.setInitialFileName(suggestedName);
                Path p = path(c.showSaveDialog(owner));
                if (p != null && !MainViewModel.isProject(p)) {
                    p = p.resolveSibling(p.getFileName() + ".segmentlab");
                }
                return p;
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
                FileChooser c = chooser(title, near);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
                c.setInitialFileName(suggestedName);
                Path p = path(c.showSaveDialog(owner));
                String ext = pattern.startsWith("*.") ? pattern.substring(1) : "";
                if (p != null && !ext.isEmpty() && !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                        .endsWith(ext.toLowerCase(java.util.Locale.ROOT))) {
                    p = p.resolveSibling(p.getFileName() + ext);
                }
                return p;
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
}
