package org.segmentlab.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;

/**
 * A stand-in advisor until the core {@code prep.PreparationAdvisor} is merged: identifiers, empty and
 * constant columns, missing values, non-numeric cells and strong skew. Delete this class when the
 * core advisor is wired in (only {@code AppContext} refers to it).
 */
public final class SimpleAdvisor implements AdviceSource {

    /** |skewness| above this is "highly skewed" (the usual rule of thumb). */
    static final double SKEW_LIMIT = 1.0;

    @Override
    public List<AdviceNote> advise(DataTable table) {
        List<AdviceNote> notes = new ArrayList<>();
        long rows = table.rowCount();
        for (Column c : table.columns()) {
            ColumnStatistics s = c.statistics();
            String n = c.name();
            switch (c.type()) {
                case IDENTIFIER -> notes.add(new AdviceNote(n, "IDENTIFIER",
                        n + " looks like an identifier: excluded from clustering"));
                case EMPTY -> notes.add(new AdviceNote(n, "EMPTY", n + " is empty: excluded from clustering"));
                case CONSTANT -> notes.add(new AdviceNote(n, "CONSTANT",
                        n + " has a single value: excluded from clustering"));
                case CATEGORICAL -> notes.add(new AdviceNote(n, "CATEGORICAL",
                        n + " is categorical (" + s.distinct() + " values): not used unless one-hot encoded"));
                default -> {
                }
            }
            if (c.type() == ColumnType.NUMERIC) {
                if (c.nonNumericCells() > 0) {
                    notes.add(new AdviceNote(n, "NON_NUMERIC", n + ": " + Formats.count(c.nonNumericCells())
                            + " cells are not numbers (e.g. \"" + String.join("\", \"", c.nonNumericExamples())
                            + "\") and count as missing"));
                }
                if (s.missing() > 0) {
                    notes.add(new AdviceNote(n, "MISSING", n + ": " + Formats.count(s.missing()) + " missing ("
                            + Formats.percent(s.missing(), rows) + "), filled with the mean"));
                }
                if (Math.abs(s.skewness()) > SKEW_LIMIT) {
                    notes.add(new AdviceNote(n, "SKEWED", n + " is highly skewed (skewness "
                            + String.format(Locale.ROOT, "%.1f", s.skewness()) + ")"
                            + (s.skewness() > 0 && s.min() >= 0 ? ": consider log1p"
                                    : s.skewness() > 0 ? ": consider robust scaling" : "")));
                }
            }
        }
        return notes;
    }
}
