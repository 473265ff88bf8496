package org.segmentlab.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.cluster.KneeLocator;
import org.segmentlab.data.Matrix;
import org.segmentlab.metrics.ClusterScores;
import org.segmentlab.metrics.Silhouette;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Fits k-means for every k of a range and scores each fit (silhouette, Calinski-Harabasz,
 * Davies-Bouldin), then locates the knee of the inertia curve. All silhouettes of a sweep come from
 * one shared pass over the pairwise distances ({@link Silhouette#samplesForSweep}). Does not modify
 * {@code x}.
 */
public final class KSweep {

    /** Share of the progress bar given to the fits; the silhouette pass and scores take the rest. */
    private static final double FIT_SHARE = 0.8;

    /** Where the silhouette pass ends on the progress bar; the other scores take the rest. */
    private static final double SIL_END = 0.95;

    private KSweep() {
    }

    /**
     * @param x    row-major n x d data, not modified
     * @param base k-means settings; its k is replaced by each k of the range, its seed also seeds the
     *             silhouette sample
     * @throws IllegalArgumentException when kMax exceeds the number of distinct rows (before any fit)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static SweepResult run(double[] x, int n, int d, int kMin, int kMax, KMeansOptions base,
                                  SilhouetteMode mode, ProgressListener p, CancellationToken c) {
        return run(Matrix.wrap(x, n, d), kMin, kMax, base, mode, p, c);
    }

    /** As {@link #run(double[], int, int, int, int, KMeansOptions, SilhouetteMode, ProgressListener,
     * CancellationToken)}, on data kept in blocks of rows. */
    public static SweepResult run(Matrix x, int kMin, int kMax, KMeansOptions base, SilhouetteMode mode,
                                  ProgressListener p, CancellationToken c) {
        int n = x.rows();
        ProgressListener progress = p == null ? ProgressListener.NONE : p;
        CancellationToken cancel = c == null ? CancellationToken.NONE : c;
        if (kMin < 1 || kMax < kMin) {
            throw new IllegalArgumentException("the k range " + kMin + ".." + kMax
                    + " is empty: k must start at 1 or more and the largest k must be at least the smallest");
        }
        KMeans.requireDistinctRows(x, kMax);

        int count = kMax - kMin + 1;
        List<KMeansResult> fits = new ArrayList<>();
        double fitSeconds = 0;
        for (int k = kMin; k <= kMax; k++) {
            cancel.throwIfCancelled();
            int idx = k - kMin;
            ProgressListener stage = progress.range(FIT_SHARE * idx / count, FIT_SHARE * (idx + 1) / count);
            int kk = k;
            long t0 = System.nanoTime();
            fits.add(KMeans.fit(x, base.withK(k), (f, msg) -> stage.update(f,
                    "Fitting k = " + kk + " (" + (idx + 1) + " of " + count + "): " + msg), cancel));
            fitSeconds += (System.nanoTime() - t0) / 1e9;
        }

        int m = mode.rowsFor(n);
        int[] rows = m <= 0 ? new int[0] : (m >= n ? Silhouette.allRows(n) : sampleRows(n, m, base.seed()));
        boolean sampled = m > 0 && m < n;
        List<int[]> labelings = new ArrayList<>();
        List<Integer> labelledK = new ArrayList<>();
        for (KMeansResult f : fits) {
            if (f.k() >= 2 && rows.length >= 2) {
                labelings.add(f.labels());
                labelledK.add(f.k());
            }
        }
        double silSeconds = 0;
        double[][] sil = new double[0][];
        if (!labelings.isEmpty()) {
            progress.update(FIT_SHARE, "Silhouettes for " + labelings.size() + " values of k on "
                    + String.format("%,d", rows.length) + (sampled ? " sampled" : "") + " rows");
            long t0 = System.nanoTime();
            String what = "Silhouettes for k = " + labelledK.get(0) + ".." + labelledK.get(labelledK.size() - 1)
                    + " on " + String.format("%,d", rows.length) + (sampled ? " sampled" : "") + " rows";
            ProgressListener silStage = progress.range(FIT_SHARE, SIL_END);
            sil = Silhouette.samplesForSweep(x, rows, labelings.toArray(new int[0][]),
                    labelledK.stream().mapToInt(Integer::intValue).toArray(), base.threads(),
                    (f, msg) -> silStage.update(f, what), cancel);
            silSeconds = (System.nanoTime() - t0) / 1e9;
        }
        double silShare = labelings.isEmpty() ? 0 : silSeconds / labelings.size();

        List<SweepEntry> entries = new ArrayList<>();
        int li = 0;
        int fi = 0;
        for (KMeansResult f : fits) {
            cancel.throwIfCancelled();
            progress.update(SIL_END + (0.98 - SIL_END) * fi++ / fits.size(),
                    "Calinski-Harabasz and Davies-Bouldin for k = " + f.k());
            int[] labels = f.labels();
            double ch = ClusterScores.calinskiHarabasz(x, labels, f.k(), cancel);
            double db = ClusterScores.daviesBouldin(x, labels, f.k(), cancel);
            if (li < labelledK.size() && labelledK.get(li) == f.k()) {
                double[] s = sil[li++];
                entries.add(new SweepEntry(f.k(), f, Silhouette.mean(s), s, ch, db, silShare));
            } else {
                entries.add(new SweepEntry(f.k(), f, Double.NaN, null, ch, db, 0.0));
            }
        }
        progress.update(0.98, "Locating the elbow");
        int[] ks = entries.stream().mapToInt(SweepEntry::k).toArray();
        double[] inertia = entries.stream().mapToDouble(SweepEntry::inertia).toArray();
        OptionalInt knee = KneeLocator.knee(ks, inertia);
        OptionalInt best = OptionalInt.empty();
        double bestS = Double.NEGATIVE_INFINITY;
        for (SweepEntry e : entries) {
            if (!Double.isNaN(e.silhouette()) && e.silhouette() > bestS) {
                bestS = e.silhouette();
                best = OptionalInt.of(e.k());
            }
        }
        progress.update(1.0, "Sweep done");
        return new SweepResult(entries, rows, sampled, knee, best, fitSeconds, silSeconds);
    }

    /** m distinct rows of 0..n-1, ascending, chosen by a partial Fisher-Yates shuffle seeded from seed. */
    static int[] sampleRows(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5111_0E77_E5A3_B1E5L);
        int[] perm = Silhouette.allRows(n);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }
}
