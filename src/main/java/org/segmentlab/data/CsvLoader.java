package org.segmentlab.data;

import java.nio.file.Path;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Reads customer CSV files as people really have them: sniffs the dialect, types the columns and
 * computes their statistics. Thread-safe (no state).
 */
public final class CsvLoader {

    /**
     * Loads a CSV file.
     *
     * @throws DataException      when the file cannot be read as a table; the message names the file,
     *                            line and column and says what to do
     * @throws org.segmentlab.progress.CancelledException when {@code cancel} is cancelled
     */
    public DataTable load(Path file, LoadOptions options, ProgressListener progress, CancellationToken cancel)
            throws DataException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public DataTable load(Path file) throws DataException {
        return load(file, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.NONE);
    }
}
