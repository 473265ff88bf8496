package org.segmentlab.pipeline;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

/**
 * A k sweep: one entry per k (ascending), the rows the silhouettes were computed on, the knee of the
 * inertia curve and the k with the best mean silhouette.
 *
 * @param entries            one per k, ascending
 * @param silhouetteRows     rows (ascending indices into the data) the silhouettes cover; empty when off
 * @param silhouetteSampled  true when silhouetteRows is a sample, not every row
 * @param kneeK              Kneedle's elbow of inertia against k, if any
 * @param bestSilhouetteK    k (>= 2) with the highest mean silhouette, if any were computed
 * @param fitSeconds         wall time of the k-means fits only
 * @param silhouetteSeconds  wall time of all silhouettes
 */
public record SweepResult(List<SweepEntry> entries, int[] silhouetteRows, boolean silhouetteSampled,
                          OptionalInt kneeK, OptionalInt bestSilhouetteK, double fitSeconds,
                          double silhouetteSeconds) {

    public SweepResult {
        entries = List.copyOf(entries);
        silhouetteRows = silhouetteRows.clone();
    }

    @Override
    public int[] silhouetteRows() {
        return silhouetteRows.clone();
    }

    /** The entry for k. @throws NoSuchElementException when k was not in the sweep */
    public SweepEntry entry(int k) {
        for (SweepEntry e : entries) {
            if (e.k() == k) {
                return e;
            }
        }
        throw new NoSuchElementException("k = " + k + " was not part of this sweep (k "
                + entries.get(0).k() + ".." + entries.get(entries.size() - 1).k() + ")");
    }

    public int[] ks() {
        return entries.stream().mapToInt(SweepEntry::k).toArray();
    }

    public double[] inertias() {
        return entries.stream().mapToDouble(SweepEntry::inertia).toArray();
    }

    public double[] silhouettes() {
        return entries.stream().mapToDouble(SweepEntry::silhouette).toArray();
    }
}
