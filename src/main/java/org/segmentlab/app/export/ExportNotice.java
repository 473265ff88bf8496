package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What the notification after an export says: a title ("Everything exported"), which files were written and
 * where ("5 files: segments.csv, …" over "in /x/y"), and the folder the "Open folder" link opens. No JavaFX, so the
 * wording is tested without a window.
 *
 * @param folder the folder the files were written to (the first file's folder)
 */
public record ExportNotice(String title, String text, Path folder) {

    /** The link's text, shown when the platform can open a folder. */
    public static final String OPEN_FOLDER = "Open folder";
    /** Names listed before "and n more": a notification is read at a glance. */
    static final int NAMES_SHOWN = 5;

    /**
     * @param title   what was exported, e.g. "Segmented data exported"
     * @param written the files written, at least one (absolute or not; the folder is the first one's)
     */
    public static ExportNotice of(String title, List<Path> written) {
        if (written.isEmpty()) {
            throw new IllegalArgumentException("ExportNotice.of: no files written for \"" + title + "\"");
        }
        Path folder = written.get(0).toAbsolutePath().getParent();
        List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
        // Two short lines rather than one long one: the notification is as wide as its longest line.
        String text = (names.size() == 1 ? names.get(0) : names.size() + " files: " + OverwriteCheck.names(names, NAMES_SHOWN))
                + "\nin " + folder;
        return new ExportNotice(title, text, folder);
    }

}
