package org.segmentlab.app.table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.DataTable;
import org.segmentlab.progress.CancellationToken;

/** Builds the column summary rows, including histogram bins. Runs on a worker thread. */
public final class ColumnSummaries {

    /** |skewness| above which a column gets the "skewed" badge: the core advisor's threshold. */
    static final double SKEW_LIMIT = org.segmentlab.prep.PreparationAdvisor.SKEW_THRESHOLD;


    /** Bars per mini histogram. */
    public static final int BINS = 24;

    private ColumnSummaries() {
    }

    public static List<ColumnSummary> of(DataTable table, CancellationToken cancel) {
        List<ColumnSummary> out = new ArrayList<>(table.columnCount());
        for (Column c : table.columns()) {
            cancel.throwIfCancelled();
            out.add(of(c));
        }
        return out;
    }

    static ColumnSummary of(Column c) {
        ColumnStatistics s = c.statistics();
        Set<Badge> badges = EnumSet.noneOf(Badge.class);
        switch (c.type()) {
            case IDENTIFIER -> badges.add(Badge.IDENTIFIER);
            case CONSTANT -> badges.add(Badge.CONSTANT);
            case CATEGORICAL -> badges.add(Badge.CATEGORICAL);
            case EMPTY -> badges.add(Badge.EMPTY);
            default -> {
            }
        }
        if (s.missing() > 0 && !badges.contains(Badge.EMPTY)) {
            badges.add(Badge.MISSING);
        }
        if (Math.abs(s.skewness()) > SKEW_LIMIT) {
            badges.add(Badge.SKEWED);
        }
        int[] hist = c.isNumeric() ? histogram(c.numbersView(), s.min(), s.max(), BINS) : new int[0];
        return new ColumnSummary(c.name(), c.type(), c.detectedType(), s, hist, badges);
    }

    /** Equal-width bins over [min, max]; missing values are not counted. Does not modify {@code values}. */
    static int[] histogram(double[] values, double min, double max, int bins) {
        int[] counts = new int[bins];
        if (!(max >= min)) {
            return counts;
        }
        double width = (max - min) / bins;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            int b = width == 0 ? 0 : (int) ((v - min) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }
}
