package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What the notification after an export says: a title ("Everything exported"), which files were written and
 * where ("5 files in /x/y: segments.csv, …"), and the folder the "Open folder" link opens. No JavaFX, so the
 * wording is tested without a window.
 *
 * @param folder the folder the files were written to (the first file's folder)
 */
public record ExportNotice(String title, String text, Path folder) {

    /** The link's text, shown when the platform can open a folder. */
    public static final String OPEN_FOLDER = "Open folder";

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
        String text = names.size() == 1 ? names.get(0) + " in " + folder
                : names.size() + " files in " + folder + ": " + OverwriteCheck.names(names);
        return new ExportNotice(title, text, folder);
    }

}
