package org.segmentlab.app.table;

import java.util.List;
import org.segmentlab.data.DataTable;
import org.segmentlab.prep.PreparationAdvisor;

/**
 * The Data tab's notes from the core {@link PreparationAdvisor}, for its default preparation (the one
 * the first analysis runs with). Stateless; called on a worker thread.
 */
public final class CoreAdvisor implements AdviceSource {

    @Override
    public List<AdviceNote> advise(DataTable table) {
        return PreparationAdvisor.advise(table).stream()
                .map(a -> new AdviceNote(a.column(), a.kind().name(), a.message()))
                .toList();
    }
}
