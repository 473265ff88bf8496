package org.segmentlab.app.table;

import java.util.List;
import org.segmentlab.data.DataTable;

/**
 * Where the preparation advisor's notes come from. The app uses {@link CoreAdvisor}, an adapter over
 * the core {@code prep.PreparationAdvisor}; tests may pass their own. Called on a worker thread.
 */
@FunctionalInterface
public interface AdviceSource {
    List<AdviceNote> advise(DataTable table);
}
