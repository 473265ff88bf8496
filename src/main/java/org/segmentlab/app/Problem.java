package org.segmentlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.segmentlab.data.DataException;
import org.segmentlab.data.LoadOptions;

/**
 * Something that went wrong, as the banner above the tabs shows it: a sentence for the user and,
 * for a file refused because of ragged rows, the option to load it anyway.
 *
 * @param file    the file that failed to open, or null (analysis failures)
 * @param options the options the file was tried with, or null
 */
public record Problem(String message, Path file, LoadOptions options, boolean canSkipRaggedRows) {

    public Problem {
        Objects.requireNonNull(message);
    }

    public static Problem message(String message) {
        return new Problem(message, null, null, false);
    }

    /** The user-facing description of a failed load. */
    static Problem ofLoad(Path file, LoadOptions options, Throwable error) {
        if (error instanceof DataException de) {
            boolean ragged = !options.skipRaggedRows() && looksRagged(de);
            String message = de.getMessage();
            if (ragged) {
                // The loader's advice names the CLI flag; in the window the banner's button does it.
                message = message.replace("load with --skip-ragged to skip such rows",
                        "choose \u201cLoad anyway, skipping bad rows\u201d");
            }
            return new Problem(message, file, options, ragged);
        }
        String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Problem("Could not open " + file.getFileName() + ": " + why
                + ". The log file has the details.", file, options, false);
    }

    /**
     * True when the loader refused a row with the wrong number of fields. DataException has no kind,
     * so this reads the problem sentence; the lead may replace it with a kind once the loader has one.
     */
    static boolean looksRagged(DataException e) {
        String p = (e.problem() == null ? e.getMessage() : e.problem()).toLowerCase(Locale.ROOT);
        return e.line() > 0 && (p.contains("field") || p.contains("ragged") || p.contains("values but")
                || (p.contains("column") && (p.contains("expected") || p.contains("header has"))));
    }
}
