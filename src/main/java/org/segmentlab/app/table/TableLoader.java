package org.segmentlab.app.table;

import java.nio.file.Path;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataException;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/** How the app reads a file into a table: {@link CsvLoader} in the app, a fake in view-model tests. */
@FunctionalInterface
public interface TableLoader {

    DataTable load(Path file, LoadOptions options, ProgressListener progress, CancellationToken cancel)
            throws DataException;

    static TableLoader csv() {
        CsvLoader loader = new CsvLoader();
        return loader::load;
    }
}
