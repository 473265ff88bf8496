package org.segmentlab.app.table;

import java.util.Objects;
import java.util.Set;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;

/**
 * One row of the column summary: the column's statistics, its histogram (computed off the FX thread)
 * and badges. Immutable; {@link #histogram()} returns a copy.
 *
 * @param histogram counts per equal-width bin over [min, max]; empty for non-numeric columns
 */
public record ColumnSummary(String name, ColumnType type, ColumnType detectedType, ColumnStatistics stats,
                            int[] histogram, Set<Badge> badges) {

    public ColumnSummary {
        Objects.requireNonNull(name);
        histogram = histogram.clone();
        badges = Set.copyOf(badges);
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }

    public boolean hasBadge(Badge b) {
        return badges.contains(b);
    }
}
