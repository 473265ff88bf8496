package org.segmentlab.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.segmentlab.data.Matrix;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.progress.WorkerThreads;

/**
 * K-means (Lloyd) with k-means++ seeding (scikit-learn's greedy variant) and restarts, following
 * scikit-learn 1.2's {@code KMeans(algorithm='lloyd')}: tolerance relative to the mean per-feature
 * variance, strict convergence when labels stop changing, a final E-step so labels match the final
 * centres, empty clusters refilled with the point farthest from its centre.
 *
 * <p>Determinism: one seed per restart is drawn from {@code options.seed()}; every restart works over
 * fixed row chunks of {@value #CHUNK} rows whose partial sums are reduced in chunk order, so the labels
 * and inertia are identical whatever {@code options.threads()} is. Restarts run in parallel when there
 * are at least as many restarts as threads (and at most {@value #RESTART_PARALLEL_MAX_ROWS} rows),
 * otherwise the chunks of one restart are spread over the threads.
 *
 * <p>Speed: the E-step is exact Lloyd with Elkan's bounds (Hamerly's for k = 1 and when Elkan's n x k
 * bounds would be large), so it gives plain Lloyd's labels while skipping most distances; every distance
 * is computed either by {@link #sq4} (one row, one centre) or by {@link BlockDistances} (a block of rows
 * against many centres, vectorised) with the same operations in the same order, so all paths agree to
 * the bit. On data beyond {@value #LOCKSTEP_MIN_VALUES} values restarts are seeded in lockstep groups
 * (one pass over the rows serves them all). Cancellation is checked per chunk and every
 * {@value #CANCEL_MASK}+1 rows of one-off passes.
 *
 * <p>Does not modify {@code x}.
 */
public final class KMeans {

    /** Rows per work chunk: fixed, so sums never depend on the thread count; small enough that a
     * cancellation check per chunk answers within milliseconds. */
    static final int CHUNK = 2048;

    /** One-off passes over all rows check for cancellation every 65,536 rows (about a millisecond). */
    static final int CANCEL_MASK = (1 << 16) - 1;

    private KMeans() {
    }

    /**
     * @param x row-major n x d data, not modified
     * @throws IllegalArgumentException when k exceeds the number of distinct rows (the message says so)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static KMeansResult fit(double[] x, int n, int d, KMeansOptions options, ProgressListener progress,
                                   CancellationToken cancel) {
        checkShape(x, n, d);
        return fit(Matrix.wrap(x, n, d), options, progress, cancel);
    }

    /**
     * @param x the data (rows x cols), not modified; kept in blocks of rows (see {@link Matrix}), which k-means
     *          reads a chunk at a time
     * @throws IllegalArgumentException when k exceeds the number of distinct rows (the message says so)
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public static KMeansResult fit(Matrix x, KMeansOptions options, ProgressListener progress,
                                   CancellationToken cancel) {
        return fit(x, options, progress, cancel, Algo.AUTO, null);
    }

    /**
     * How the E-step avoids distance computations. All give the same labels as plain Lloyd (the
     * bounds only skip distances that cannot change a label); they differ only in speed.
     */
    enum Algo {
        /** every distance, every iteration (reference for benchmarks and tests) */
        LLOYD,
        /** Hamerly: one upper and one lower bound per row */
        HAMERLY,
        /** Elkan: one upper bound and k lower bounds per row */
        ELKAN,
        /** {@link #choose}: the measured winner for k */
        AUTO;

        /**
         * Elkan from k = 2 on, Hamerly for k = 1 (nothing to prune): on cc_general (one thread, thread
         * CPU time) Elkan with lazily moved lower bounds and a first E-step taken from the seeding's
         * distances is level with Hamerly at k = 2..3 and 20-30% faster at k = 7..10
         * (bench/results/engine.md). It costs n x k doubles per worker.
         */
        static Algo choose(int k) {
            return k < ELKAN_FROM_K ? HAMERLY : ELKAN;
        }

        /**
         * As {@link #choose(int)}, but Hamerly when Elkan's n x k lower bounds would be large: on a
         * million rows they cost 80 MB per worker at k = 10, which the heap budget (3x the data) cannot
         * spare; Hamerly needs two doubles per row.
         */
        static Algo choose(int k, int n) {
            return (long) n * k > ELKAN_MAX_BOUNDS ? HAMERLY : choose(k);
        }
    }

    /** Smallest k for which {@link Algo#AUTO} uses Elkan. */
    static final int ELKAN_FROM_K = 2;

    /** Most lower bounds (n x k doubles, 16 MB) for which {@link Algo#AUTO} uses Elkan. */
    static final long ELKAN_MAX_BOUNDS = 2_000_000;

    /**
     * Rows above which one restart at a time uses every thread (one workspace of per-row arrays) instead
     * of one restart per thread (a workspace each): the same labels either way, less memory on big data.
     */
    static final int RESTART_PARALLEL_MAX_ROWS = 250_000;

    /** @param algo the E-step variant; the labels do not depend on it (only the speed does) */
    static KMeansResult fit(double[] x, int n, int d, KMeansOptions options, ProgressListener progress,
                            CancellationToken cancel, Algo algo) {
        return fit(x, n, d, options, progress, cancel, algo, null);
    }

    static KMeansResult fit(double[] x, int n, int d, KMeansOptions options, ProgressListener progress,
                            CancellationToken cancel, Algo algo, Boolean lockstepSeeding) {
        checkShape(x, n, d);
        return fit(Matrix.wrap(x, n, d), options, progress, cancel, algo, lockstepSeeding);
    }

    /** @param lockstepSeeding seed restarts in lockstep (true), one by one (false) or by data size (null);
     *                         the results do not depend on it */
    static KMeansResult fit(Matrix x, KMeansOptions options, ProgressListener progress,
                            CancellationToken cancel, Algo algo, Boolean lockstepSeeding) {
        long t0 = System.nanoTime();
        checkShape(x);
        int n = x.rows();
        int d = x.cols();
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
        int k = options.k();
        Algo bounds = algo == Algo.AUTO ? Algo.choose(k, n) : algo;
        requireDistinctRows(x, k);
        c.throwIfCancelled();

        double meanVar = meanVariance(x, c);
        if (!Double.isFinite(meanVar)) {
            throw new IllegalArgumentException("the data contains missing (NaN) or infinite values; "
                    + "fill or drop them before clustering");
        }
        double tolAbs = meanVar * options.tol();
        int nInit = options.nInit();
        long[] seeds = restartSeeds(options.seed(), nInit);

        int threads = options.threads();
        int restartWorkers = Math.min(threads, nInit);
        // Restart-parallel when every thread can own a restart; otherwise split rows of each restart.
        boolean restartParallel = restartWorkers > 1 && nInit >= threads && n <= RESTART_PARALLEL_MAX_ROWS;
        int innerThreads = restartParallel ? 1 : threads;
        int nChunks = (n + CHUNK - 1) / CHUNK;
        if (nChunks < 2) {
            innerThreads = 1;
        }

        Single[] results = new Single[nInit];
        AtomicInteger done = new AtomicInteger();
        String kText = "k = " + k;
        int poolSize = restartParallel ? restartWorkers : innerThreads;
        // Seeding passes use every thread even when the Lloyd runs are one restart per thread.
        int seedThreads = nChunks < 2 ? 1 : threads;
        ExecutorService pool = Math.max(poolSize, seedThreads) > 1
                ? Executors.newFixedThreadPool(Math.max(poolSize, seedThreads), daemonFactory())
                : null;
        int rowThreads = innerThreads;
        boolean lockstep = lockstepSeeding == null ? (long) n * d > LOCKSTEP_MIN_VALUES : lockstepSeeding;
        int group = seedGroupSize(n, k, nInit, bounds);
        Workspace[] workspaces = new Workspace[restartParallel ? restartWorkers : 1];
        try {
            if (!lockstep) {
                // Small data: each restart seeds and runs at once in its worker, so its seeding distances
                // (Elkan's first E-step) are still in the cache, in the workspace's reused arrays.
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                int workers = restartParallel ? restartWorkers : 1;
                for (int w = 0; w < workers; w++) {
                    Runnable worker = () -> {
                        Workspace ws = new Workspace(n, d, k, nChunks, bounds);
                        ExecutorService inner = restartParallel ? null : pool;
                        int innerT = restartParallel ? 1 : rowThreads;
                        for (int r = next.getAndIncrement(); r < nInit; r = next.getAndIncrement()) {
                            double[] centers = seedPlusPlus(x, n, d, k, new SplittableRandom(seeds[r]), ws, inner,
                                    innerT, c);
                            results[r] = lloyd(x, n, d, k, options.maxIter(), tolAbs, centers, ws, inner, innerT, c,
                                    p, r, nInit, done, kText, bounds);
                            p.update((double) done.incrementAndGet() / nInit,
                                    kText + ": restart " + done.get() + " of " + nInit + " done");
                        }
                    };
                    if (restartParallel) {
                        futures.add(pool.submit(worker));
                    } else {
                        worker.run();
                    }
                }
                waitAll(futures, c);
            }
            for (int g0 = 0; lockstep && g0 < nInit; g0 += group) {
                int gs = Math.min(group, nInit - g0);
                p.update((double) done.get() / nInit, kText + ": seeding restart" + (gs > 1 ? "s " + (g0 + 1) + "-"
                        + (g0 + gs) : " " + (g0 + 1)) + " of " + nInit);
                Seeded seeded = seedGroup(x, n, d, k, Arrays.copyOfRange(seeds, g0, g0 + gs), bounds == Algo.ELKAN,
                        bounds == Algo.HAMERLY, pool, seedThreads, c);
                int first = g0;
                if (restartParallel) {
                    AtomicInteger next = new AtomicInteger();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int w = 0; w < Math.min(restartWorkers, gs); w++) {
                        int worker = w;
                        futures.add(pool.submit(() -> {
                            if (workspaces[worker] == null) {
                                workspaces[worker] = new Workspace(n, d, k, nChunks, bounds);
                            }
                            Workspace ws = workspaces[worker];
                            for (int j = next.getAndIncrement(); j < gs; j = next.getAndIncrement()) {
                                int r = first + j;
                                results[r] = lloydSeeded(x, n, d, k, options.maxIter(), tolAbs, seeded, j, ws, null,
                                        1, c, p, r, nInit, done, kText, bounds);
                                p.update((double) done.incrementAndGet() / nInit,
                                        kText + ": restart " + done.get() + " of " + nInit + " done");
                            }
                            return null;
                        }));
                    }
                    waitAll(futures, c);
                } else {
                    if (workspaces[0] == null) {
                        workspaces[0] = new Workspace(n, d, k, nChunks, bounds);
                    }
                    for (int j = 0; j < gs; j++) {
                        int r = first + j;
                        results[r] = lloydSeeded(x, n, d, k, options.maxIter(), tolAbs, seeded, j, workspaces[0], pool,
                                innerThreads, c, p, r, nInit, done, kText, bounds);
                        p.update((double) done.incrementAndGet() / nInit,
                                kText + ": restart " + (r + 1) + " of " + nInit + " done");
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        // Lowest inertia wins; ties go to the lower restart index (the loop keeps the first).
        Single best = results[0];
        int refilled = 0;
        for (Single s : results) {
            refilled += s.emptyRefilled;
            if (s.inertia < best.inertia) {
                best = s;
            }
        }
        return renumber(best, n, d, k, refilled, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One Lloyd run from given initial centres (no seeding, no restarts), as scikit-learn's
     * {@code KMeans(init=centres, n_init=1)}. For tests of the Lloyd loop itself (empty-cluster refill).
     */
    static KMeansResult fitFromCenters(double[] x, int n, int d, double[] initialCenters, int maxIter, double tol) {
        checkShape(x, n, d);
        return fitFromCenters(Matrix.wrap(x, n, d), initialCenters, maxIter, tol);
    }

    static KMeansResult fitFromCenters(Matrix x, double[] initialCenters, int maxIter, double tol) {
        checkShape(x);
        int n = x.rows();
        int d = x.cols();
        int k = initialCenters.length / d;
        double tolAbs = meanVariance(x, CancellationToken.NONE) * tol;
        Algo algo = Algo.choose(k, n);
        Workspace ws = new Workspace(n, d, k, (n + CHUNK - 1) / CHUNK, algo);
        if (algo == Algo.ELKAN) {
            ws.lowerK = new double[n * k];
            ws.seeded = false;
        }
        Single s = lloyd(x, n, d, k, maxIter, tolAbs, initialCenters.clone(), ws, null, 1, CancellationToken.NONE,
                ProgressListener.NONE, 0, 1, new AtomicInteger(), "k = " + k, algo);
        return renumber(s, n, d, k, s.emptyRefilled, 0);
    }

    /** The seed of each restart, drawn from the options' seed: restart r starts from {@code seeds[r]}. */
    static long[] restartSeeds(long seed, int nInit) {
        long[] seeds = new long[nInit];
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < nInit; r++) {
            seeds[r] = root.nextLong();
        }
        return seeds;
    }

    /**
     * The greedy k-means++ centres restart {@code restart} of {@link #fit} starts from when fitted with
     * {@code seed} (one thread; the centres do not depend on the thread count). Row-major k x d, new array.
     * For {@link KMeansStepper}, so its k-means++ start is the engine's to the bit.
     *
     * @param x row-major n x d data, not modified
     */
    static double[] plusPlusCenters(double[] x, int n, int d, int k, long seed, int restart) {
        checkShape(x, n, d);
        return plusPlusCenters(Matrix.wrap(x, n, d), k, seed, restart);
    }

    static double[] plusPlusCenters(Matrix x, int k, long seed, int restart) {
        checkShape(x);
        int n = x.rows();
        int d = x.cols();
        long restartSeed = restartSeeds(seed, restart + 1)[restart];
        Workspace ws = new Workspace(n, d, k, (n + CHUNK - 1) / CHUNK, Algo.HAMERLY);
        return seedPlusPlus(x, n, d, k, new SplittableRandom(restartSeed), ws, null, 1, CancellationToken.NONE);
    }

    /**
     * Throws when the data has fewer than {@code k} distinct rows. Stops scanning as soon as k distinct
     * rows are seen, so the usual case costs k hash look-ups.
     *
     * @throws IllegalArgumentException with a plain message naming the number of distinct rows
     */
    public static void requireDistinctRows(double[] x, int n, int d, int k) {
        checkShape(x, n, d);
        requireDistinctRows(Matrix.wrap(x, n, d), k);
    }

    /** As {@link #requireDistinctRows(double[], int, int, int)}. */
    public static void requireDistinctRows(Matrix x, int k) {
        checkShape(x);
        int n = x.rows();
        int d = x.cols();
        if (k <= 1 && n >= 1) {
            return;
        }
        Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < n && seen.size() < k; i++) {
            seen.add(new RowKey(x.blockOf(i), x.offset(i), d));
        }
        if (seen.size() < k) {
            throw new IllegalArgumentException("k = " + k + " is more than the " + seen.size()
                    + " distinct customers in the data; choose k at most " + seen.size());
        }
    }

    /** The number of distinct rows (exact comparison; -0.0 equals 0.0). */
    public static int distinctRows(double[] x, int n, int d) {
        checkShape(x, n, d);
        return distinctRows(Matrix.wrap(x, n, d));
    }

    /** The number of distinct rows (exact comparison; -0.0 equals 0.0). */
    public static int distinctRows(Matrix x) {
        checkShape(x);
        Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < x.rows(); i++) {
            seen.add(new RowKey(x.blockOf(i), x.offset(i), x.cols()));
        }
        return seen.size();
    }

    private static void checkShape(Matrix x) {
        if (x.rows() < 1 || x.cols() < 1) {
            throw new IllegalArgumentException("k-means needs at least one row and one column, got " + x.rows()
                    + " x " + x.cols());
        }
    }

    private static void checkShape(double[] x, int n, int d) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("k-means needs at least one row and one column, got " + n + " x " + d);
        }
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("the data array holds " + x.length + " values, not n x d = "
                    + n + " x " + d);
        }
    }

    /** Mean over features of the population variance, as numpy's mean(var(X, axis=0)). */
    static double meanVariance(double[] x, int n, int d, CancellationToken cancel) {
        return meanVariance(Matrix.wrap(x, n, d), cancel);
    }

    static double meanVariance(Matrix m, CancellationToken cancel) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            if ((i & CANCEL_MASK) == 0) {
                cancel.throwIfCancelled();
            }
            double[] x = m.blockOf(i);
            int o = m.offset(i);
            for (int f = 0; f < d; f++) {
                mean[f] += x[o + f];
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] /= n;
        }
        double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            if ((i & CANCEL_MASK) == 0) {
                cancel.throwIfCancelled();
            }
            double[] x = m.blockOf(i);
            int o = m.offset(i);
            for (int f = 0; f < d; f++) {
                double t = x[o + f] - mean[f];
                ss[f] += t * t;
            }
        }
        double s = 0;
        for (int f = 0; f < d; f++) {
            s += ss[f] / n;
        }
        return s / d;
    }

    // ---------------------------------------------------------------------------------------------
    // One restart

    /** Outcome of one restart, before renumbering. */
    private record Single(int[] labels, double[] centers, double inertia, int iterations, int emptyRefilled) {
    }

    /** Per-worker scratch memory, reused across restarts. */
    private static final class Workspace {
        final int[] labels;
        /** Hamerly bounds: upper >= distance to the assigned centre, lower <= distance to the second. */
        final double[] upper;
        final double[] lower;
        /** Elkan: lower bounds on the distance to every centre, row-major n x k (null otherwise); the
         * restart's own array from the seeding, which left each row's squared distance to every centre
         * in it (so the first E-step computes nothing) */
        double[] lowerK;
        final double[] chunkSums;
        final double[] chunkCounts;
        final double[] chunkScalar;
        final int[] chunkChanged;
        /** true when {@link #lowerK} holds the seeding's squared distances */
        boolean seeded;
        /** Hamerly after lockstep seeding, until the first E-step: each row's nearest centre and squared
         * distance to it (null otherwise) */
        double[] seedClosest;
        byte[] seedNearest;
        /** one-by-one seeding ({@link #seedPlusPlus}), small data only: allocated on first use, reused */
        double[] ownLowerK;
        double[] closest;
        double[] cum;
        double[] candDist;

        final Algo algo;

        Workspace(int n, int d, int k, int nChunks, Algo algo) {
            this.algo = algo;
            labels = new int[n];
            upper = new double[n];
            lower = algo == Algo.HAMERLY ? new double[n] : null;
            lowerK = null;
            chunkSums = new double[nChunks * k * d];
            chunkCounts = new double[nChunks * k];
            chunkScalar = new double[nChunks];
            chunkChanged = new int[nChunks];
        }
    }

    /**
     * Centres of one iteration as the E-step needs them: transposed and padded to a multiple of 4
     * (d x kp, so the distance kernel keeps four independent sums), half the distance to the nearest
     * other centre (Hamerly's s), and how far each centre moved in the last M-step.
     */
    private static final class Geometry {
        final int k;
        /** row-major centres (not a copy: the caller does not change them while the E-step runs) */
        final double[] centers;
        /** Elkan: half the distance between every two centres, k x k */
        final double[] halfPair;
        final double[] half;
        final double[] moved;
        /** Elkan: each centre's total movement since the restart began, and the same rounded up a
         * little so that a lower bound read as {@code stored - driftUp} is never too high */
        final double[] drift;
        final double[] driftUp;
        final int maxMovedIndex;
        final double maxMoved;
        final double secondMoved;
        final Algo algo;

        Geometry(double[] centers, int k, int d, double[] moved, double[] drift, Algo algo) {
            this.k = k;
            this.drift = drift;
            driftUp = new double[k];
            for (int c = 0; c < k; c++) {
                driftUp[c] = drift[c] * (1 + DRIFT_SLACK);
            }
            this.algo = algo;
            this.centers = centers;
            half = new double[k];
            halfPair = new double[k * k];
            java.util.Arrays.fill(half, Double.POSITIVE_INFINITY);
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    double h = 0.5 * Math.sqrt(sq(centers, a * d, centers, b * d, d));
                    half[a] = Math.min(half[a], h);
                    half[b] = Math.min(half[b], h);
                    halfPair[a * k + b] = h;
                    halfPair[b * k + a] = h;
                }
            }
            this.moved = moved;
            int mi = -1;
            double m1 = 0;
            double m2 = 0;
            for (int c = 0; c < k; c++) {
                if (moved[c] > m1) {
                    m2 = m1;
                    m1 = moved[c];
                    mi = c;
                } else if (moved[c] > m2) {
                    m2 = moved[c];
                }
            }
            maxMovedIndex = mi;
            maxMoved = m1;
            secondMoved = m2;
        }
    }

    /** Relative safety margin on Hamerly's bound test: a point is skipped only when its centre is
     * clearly the nearest, so rounding in the bounds never changes a label Lloyd would give. */
    private static final double MARGIN = 1e-9;

    /** Relative slack on the accumulated centre drift (Elkan's lazily moved lower bounds): covers the
     * rounding of the running sums, so a bound is only ever read lower than exact arithmetic gives. */
    private static final double DRIFT_SLACK = 1e-12;

    /** The Lloyd run of restart {@code j} of a seeded group (Elkan takes over its seeding distances). */
    private static Single lloydSeeded(Matrix x, int n, int d, int k, int maxIter, double tolAbs, Seeded seeded,
                                      int j, Workspace ws, ExecutorService pool, int threads, CancellationToken cancel,
                                      ProgressListener p, int restart, int nInit, AtomicInteger done, String kText,
                                      Algo bounds) {
        double[] centers = seeded.centers[j];
        if (bounds == Algo.ELKAN) {
            ws.lowerK = seeded.dist[j];
            ws.seeded = true;
            seeded.dist[j] = null; // the run owns it now; free it with the run's end
        }
        if (seeded.nearest != null) {
            ws.seedClosest = seeded.closest[j];
            ws.seedNearest = seeded.nearest[j];
            seeded.closest[j] = null; // the run's first E-step owns them; freed after it
            seeded.nearest[j] = null;
        }
        try {
            return lloyd(x, n, d, k, maxIter, tolAbs, centers, ws, pool, threads, cancel, p, restart, nInit, done,
                    kText, bounds);
        } finally {
            ws.lowerK = null;
            ws.seedClosest = null;
            ws.seedNearest = null;
        }
    }

    private static Single lloyd(Matrix x, int n, int d, int k, int maxIter, double tolAbs, double[] centers,
                                Workspace ws, ExecutorService pool, int threads, CancellationToken cancel,
                                ProgressListener p, int restart, int nInit, AtomicInteger done, String kText,
                                Algo bounds) {
        int[] labels = ws.labels;
        Arrays.fill(labels, -1);
        Arrays.fill(ws.chunkSums, 0.0);
        Arrays.fill(ws.chunkCounts, 0.0);
        double[] newCenters = new double[k * d];
        double[] counts = new double[k];
        double[] moved = new double[k];
        double[] drift = new double[k];
        int refilled = 0;
        boolean strict = false;
        int it = 0;
        for (; it < maxIter; it++) {
            // E-step against `centers` (labels and per-chunk sums), then M-step into newCenters.
            Geometry g = new Geometry(centers, k, d, moved, drift, bounds);
            int changed;
            if (it == 0 && ws.seedNearest != null && bounds == Algo.HAMERLY) {
                changed = assignFromSeeding(x, n, d, g, ws, pool, threads, cancel);
                ws.seedClosest = null;
                ws.seedNearest = null;
            } else {
                changed = assign(x, n, d, g, ws, pool, threads, cancel, true);
            }
            reduceSums(ws, n, d, k, newCenters, counts);
            refilled += refillEmpty(x, n, d, k, centers, labels, newCenters, counts, cancel);
            sumsToMeans(newCenters, counts, centers, k, d);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                double s = sq(newCenters, c * d, centers, c * d, d);
                shift += s;
                moved[c] = Math.sqrt(s);
                drift[c] += moved[c];
            }
            double[] tmp = centers;
            centers = newCenters;
            newCenters = tmp;
            // Labels start at -1, so the first iteration never counts as strict convergence.
            if (changed == 0) {
                strict = true;
                it++;
                break;
            }
            if (shift <= tolAbs) {
                it++;
                break;
            }
            if ((it & 3) == 0) {
                p.update((done.get() + Math.min(1.0, (double) it / maxIter)) / nInit,
                        kText + ": restart " + (restart + 1) + " of " + nInit + ", iteration " + (it + 1));
            }
        }
        if (!strict) {
            // Final E-step so the labels match the final centres (as scikit-learn).
            assign(x, n, d, new Geometry(centers, k, d, moved, drift, bounds), ws, pool, threads, cancel, false);
        }
        double inertia = inertiaPass(x, n, d, k, centers, ws, pool, threads, cancel);
        return new Single(labels.clone(), centers.clone(), inertia, it, refilled);
    }

    /**
     * E-step over all chunks with Hamerly's bounds (exact: the same labels as plain Lloyd). Writes
     * labels and bounds; when {@code sums} is set, also the per-chunk coordinate sums and counts.
     * Returns how many labels changed.
     */
    private static int assign(Matrix x, int n, int d, Geometry g, Workspace ws,
                              ExecutorService pool, int threads, CancellationToken cancel, boolean sums) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        if (g.algo == Algo.ELKAN) {
            forChunks(nChunks, pool, threads, cancel, ch -> assignChunkElkan(x, n, d, g, ws, ch, sums));
        } else {
            forChunks(nChunks, pool, threads, cancel, ch -> assignChunk(x, n, d, g, ws, ch, sums));
        }
        int changed = 0;
        for (int ch = 0; ch < nChunks; ch++) {
            changed += ws.chunkChanged[ch];
        }
        return changed;
    }

    /**
     * Hamerly's first E-step after lockstep seeding, which left each row's nearest centre and squared
     * distance to it: a row nearer to that centre than half the distance to any other centre keeps it
     * without computing anything (its lower bound is then 2 s - u, by the triangle inequality); the others
     * get all k distances as usual. Then every row is added to its centre's sums in row order, the same
     * additions in the same order as the plain first E-step makes, so the result is the same bit for bit.
     * Every row counts as changed (from no label), as in the plain first E-step.
     */
    private static int assignFromSeeding(Matrix x, int n, int d, Geometry g, Workspace ws, ExecutorService pool,
                                         int threads, CancellationToken cancel) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        forChunks(nChunks, pool, threads, cancel, ch -> {
            int from = ch * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] xb = x.blockOf(from);
            int base = x.offset(from) - from * d;
            int[] labels = ws.labels;
            double[] upper = ws.upper;
            double[] lower = ws.lower;
            double[] closest = ws.seedClosest;
            byte[] nearest = ws.seedNearest;
            Pending pend = null;
            for (int i = from; i < to; i++) {
                int lab = nearest[i];
                double u = Math.sqrt(closest[i]);
                double h = g.half[lab];
                if (u * (1 + MARGIN) < h * (1 - MARGIN)) {
                    labels[i] = lab;
                    upper[i] = u;
                    lower[i] = 2 * h - u;
                } else {
                    if (pend == null) {
                        pend = Pending.of(d, g.k);
                    }
                    pend.rows[pend.count++] = i;
                    if (pend.count == BlockDistances.ROWS) {
                        flushFull(xb, base, d, g, ws, ch, false, pend);
                    }
                }
            }
            if (pend != null && pend.count > 0) {
                flushFull(xb, base, d, g, ws, ch, false, pend);
            }
            int k = g.k;
            for (int i = from; i < to; i++) {
                moveRow(xb, i * d + base, d, -1, labels[i], ws.chunkSums, ch * k * d, ws.chunkCounts, ch * k);
            }
            ws.chunkChanged[ch] = to - from;
        });
        return n;
    }

    private static void assignChunk(Matrix xm, int n, int d, Geometry g, Workspace ws, int ch, boolean sums) {
        int from = ch * CHUNK;
        int to = Math.min(n, from + CHUNK);
        // a chunk lies in one block of the matrix: row i starts at i * d + base in it
        double[] x = xm.blockOf(from);
        int base = xm.offset(from) - from * d;
        int[] labels = ws.labels;
        double[] upper = ws.upper;
        double[] lower = ws.lower;
        Pending pend = Pending.of(d, g.k);
        // 1. Move every row's bounds by how far the centres moved; rows whose bounds no longer keep their
        //    label are listed (in row order) with the bound they must beat.
        int[] open = pend.open;
        double[] need = pend.need;
        int nOpen = 0;
        for (int i = from; i < to; i++) {
            int lab = labels[i];
            if (lab < 0 || g.algo == Algo.LLOYD) {
                open[nOpen] = i;
                need[nOpen++] = -1; // no label yet (or plain Lloyd): all k distances
                continue;
            }
            double u = upper[i] + g.moved[lab];
            double l = lower[i] - (lab == g.maxMovedIndex ? g.secondMoved : g.maxMoved);
            double m = Math.max(g.half[lab], l) * (1 - MARGIN);
            if (u * (1 + MARGIN) < m) {
                upper[i] = u;
                lower[i] = l;
            } else {
                lower[i] = l;
                open[nOpen] = i;
                need[nOpen++] = m;
            }
        }
        // 2. Tighten the listed upper bounds with the exact distance to their centre, in a loop of its own:
        //    the rows are scattered, and independent iterations let the processor overlap their cache misses.
        double[] exact = pend.exact;
        double[] cen = g.centers;
        for (int j = 0; j < nOpen; j++) {
            if (need[j] >= 0) {
                int i = open[j];
                exact[j] = Math.sqrt(sq4(x, i * d + base, cen, labels[i] * d, d));
            }
        }
        // 3. In row order: keep the label when the exact distance beats the bound, else all k distances
        //    (flushed 128 at a time, in row order, so the sums see the same additions in the same order as a
        //    row-by-row loop).
        int changed = 0;
        for (int j = 0; j < nOpen; j++) {
            int i = open[j];
            if (need[j] >= 0 && exact[j] * (1 + MARGIN) < need[j]) {
                upper[i] = exact[j];
                continue;
            }
            pend.rows[pend.count++] = i;
            if (pend.count == BlockDistances.ROWS) {
                changed += flushFull(x, base, d, g, ws, ch, sums, pend);
            }
        }
        if (pend.count > 0) {
            changed += flushFull(x, base, d, g, ws, ch, sums, pend);
        }
        ws.chunkChanged[ch] = changed;
    }

    /** Rows of one chunk waiting for all k distances, with the kernel's scratch memory; the seeding
     * passes use its block and output too. */
    private static final class Pending {
        /** One per thread, reused by every chunk and pass: allocating the ~30 KB afresh for each 2,048-row
         * chunk cost about 3% of a 1M-row fit (JFR). Nothing holds it across a call that could reuse it. */
        private static final ThreadLocal<Pending> OWN = new ThreadLocal<>();

        final int[] rows = new int[BlockDistances.ROWS];
        int count;
        /** Hamerly's E-step: the chunk's rows whose moved bounds fail, the bound each must beat (-1: none,
         * compute all k distances) and the exact distance to its centre */
        final int[] open = new int[CHUNK];
        final double[] need = new double[CHUNK];
        final double[] exact = new double[CHUNK];
        final int d;
        final BlockDistances block;
        final double[][] out;

        private Pending(int d, int width) {
            this.d = d;
            block = new BlockDistances(d);
            out = new double[width][BlockDistances.ROWS];
        }

        /** This thread's scratch for rows of width d and at least {@code width} output rows, empty. */
        static Pending of(int d, int width) {
            Pending p = OWN.get();
            if (p == null || p.d != d || p.out.length < width) {
                p = new Pending(d, width);
                OWN.set(p);
            }
            p.count = 0;
            return p;
        }
    }

    /** All k distances of the pending rows, then (in row order) their nearest centres, label changes,
     * sums and bounds; empties the list and returns how many labels changed. */
    private static int flushFull(double[] x, int base, int d, Geometry g, Workspace ws, int ch, boolean sums, Pending pend) {
        int k = g.k;
        int[] labels = ws.labels;
        double[] upper = ws.upper;
        double[] lower = ws.lower;
        double[] s = ws.chunkSums;
        double[] cnt = ws.chunkCounts;
        int sOff = ch * k * d;
        int cOff = ch * k;
        int m = pend.count;
        pend.block.gather(x, base, pend.rows, m);
        double[][] out = pend.out;
        pend.block.distances(g.centers, 0, k, out);
        int changed = 0;
        for (int r = 0; r < m; r++) {
            int i = pend.rows[r];
            int lab = labels[i];
            int best = 0;
            double d1 = out[0][r];
            double d2 = Double.POSITIVE_INFINITY;
            for (int c = 1; c < k; c++) {
                double v = out[c][r];
                if (v < d1) {
                    d2 = d1;
                    d1 = v;
                    best = c;
                } else if (v < d2) {
                    d2 = v;
                }
            }
            if (lab != best) {
                changed++;
                labels[i] = best;
                if (sums) {
                    moveRow(x, i * d + base, d, lab, best, s, sOff, cnt, cOff);
                }
            }
            upper[i] = Math.sqrt(d1);
            if (lower != null) {
                lower[i] = Math.sqrt(d2);
            }
        }
        pend.count = 0;
        return changed;
    }

    /**
     * Elkan's E-step for one chunk (exact: the same labels as plain Lloyd). Each row keeps an upper
     * bound on the distance to its centre and a lower bound on the distance to every centre; centre c
     * is skipped when the upper bound is below its lower bound or below half the distance between c
     * and the row's centre (then c cannot be nearer). Distances that are computed use the same sum
     * order as {@link #distances}, and ties go to the lower centre index, so the argmin is plain
     * Lloyd's. The {@link #MARGIN} keeps rounding in the bounds from skipping a centre that ties.
     */
    private static void assignChunkElkan(Matrix xm, int n, int d, Geometry g, Workspace ws, int ch, boolean sums) {
        int from = ch * CHUNK;
        int to = Math.min(n, from + CHUNK);
        double[] x = xm.blockOf(from);
        int base = xm.offset(from) - from * d;
        int k = g.k;
        double[] cen = g.centers;
        double[] halfPair = g.halfPair;
        double[] half = g.half;
        double[] moved = g.moved;
        double[] drift = g.drift;
        double[] driftUp = g.driftUp;
        int[] labels = ws.labels;
        double[] upper = ws.upper;
        double[] lb = ws.lowerK;
        boolean seeded = ws.seeded;
        double[] acc = new double[k]; // per call: chunks of one restart may run on several threads
        double[] s = ws.chunkSums;
        double[] cnt = ws.chunkCounts;
        int sOff = ch * k * d;
        int cOff = ch * k;
        int changed = 0;
        final double up = 1 + MARGIN;
        final double down = 1 - MARGIN;
        for (int i = from; i < to; i++) {
            int o = i * d + base;
            int lab = labels[i];
            int lo = i * k;
            int best;
            if (lab < 0) {
                if (seeded) {
                    System.arraycopy(lb, lo, acc, 0, k);
                } else {
                    distances(x, o, d, cen, k, acc);
                }
                best = 0;
                double d1 = acc[0];
                for (int c = 1; c < k; c++) {
                    if (acc[c] < d1) {
                        d1 = acc[c];
                        best = c;
                    }
                }
                for (int c = 0; c < k; c++) {
                    lb[lo + c] = Math.sqrt(acc[c]) + drift[c];
                }
                upper[i] = Math.sqrt(d1);
            } else {
                // Lower bounds are stored as distance + the centre's drift when they were set, so moving
                // every bound by its centre's movement is free: the bound now is stored - drift now.
                double u = upper[i] + moved[lab];
                best = lab;
                if (u * up >= half[lab] * down) {
                    double u2 = -1; // squared exact distance to `best` once computed
                    for (int c = 0; c < k; c++) {
                        if (c == best) {
                            continue;
                        }
                        double z = Math.max(lb[lo + c] - driftUp[c], halfPair[best * k + c]) * down;
                        if (u * up < z) {
                            continue;
                        }
                        if (u2 < 0) {
                            u2 = sq4(x, o, cen, best * d, d);
                            u = Math.sqrt(u2);
                            lb[lo + best] = u + drift[best];
                            if (u * up < z) {
                                continue;
                            }
                        }
                        double dc2 = sq4(x, o, cen, c * d, d);
                        double dc = Math.sqrt(dc2);
                        lb[lo + c] = dc + drift[c];
                        if (dc2 < u2 || (dc2 == u2 && c < best)) {
                            best = c;
                            u2 = dc2;
                            u = dc;
                        }
                    }
                }
                upper[i] = u;
            }
            if (lab != best) {
                changed++;
                labels[i] = best;
                if (sums) {
                    moveRow(x, o, d, lab, best, s, sOff, cnt, cOff);
                }
            }
        }
        ws.chunkChanged[ch] = changed;
    }

    /** Squared distances from row o of x to the k row-major centres, each as {@link #sq4}: every
     * distance of the E-step, the bound tests and the seeding is computed by the same arithmetic, so
     * the variants agree to the bit. */
    private static void distances(double[] x, int o, int d, double[] centers, int k, double[] acc) {
        for (int c = 0; c < k; c++) {
            acc[c] = sq4(x, o, centers, c * d, d);
        }
    }

    /** Sum of squared distances to the labelled centres (no relabelling), reduced in chunk order. */
    private static double inertiaPass(Matrix xm, int n, int d, int k, double[] centers, Workspace ws,
                                      ExecutorService pool, int threads, CancellationToken cancel) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        forChunks(nChunks, pool, threads, cancel, ch -> {
            int from = ch * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] x = xm.blockOf(from);
            int base = xm.offset(from) - from * d;
            double total = 0;
            for (int i = from; i < to; i++) {
                int o = i * d + base;
                int co = ws.labels[i] * d;
                double s = 0;
                for (int f = 0; f < d; f++) {
                    double t = x[o + f] - centers[co + f];
                    s += t * t;
                }
                total += s;
            }
            ws.chunkScalar[ch] = total;
        });
        return sumChunkScalars(ws, n);
    }

    private static double sumChunkScalars(Workspace ws, int n) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        double s = 0;
        for (int ch = 0; ch < nChunks; ch++) {
            s += ws.chunkScalar[ch];
        }
        return s;
    }

    private static void reduceSums(Workspace ws, int n, int d, int k, double[] sums, double[] counts) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        Arrays.fill(sums, 0.0);
        Arrays.fill(counts, 0.0);
        for (int ch = 0; ch < nChunks; ch++) {
            int so = ch * k * d;
            for (int q = 0; q < k * d; q++) {
                sums[q] += ws.chunkSums[so + q];
            }
            int co = ch * k;
            for (int c = 0; c < k; c++) {
                counts[c] += ws.chunkCounts[co + c];
            }
        }
    }

    /**
     * Moves row {@code o} (an offset into x) from cluster {@code from} (-1: none yet) to {@code to} in a chunk's
     * running sums and counts, subtracting before adding, in the same order everywhere so results keep their bits.
     */
    private static void moveRow(double[] x, int o, int d, int from, int to, double[] s, int sOff, double[] cnt,
                                int cOff) {
        if (from >= 0) {
            int sq = sOff + from * d;
            for (int f = 0; f < d; f++) {
                s[sq + f] -= x[o + f];
            }
            cnt[cOff + from] -= 1;
        }
        int so = sOff + to * d;
        for (int f = 0; f < d; f++) {
            s[so + f] += x[o + f];
        }
        cnt[cOff + to] += 1;
    }

    /**
     * Turns per-cluster coordinate sums into means in place (multiplying by the inverse count, as scikit-learn
     * does); a cluster with no points keeps its old centre (cannot happen after {@link #refillEmpty}).
     */
    static void sumsToMeans(double[] sums, double[] counts, double[] oldCenters, int k, int d) {
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                double inv = 1.0 / counts[c];
                for (int f = 0; f < d; f++) {
                    sums[c * d + f] *= inv;
                }
            } else {
                System.arraycopy(oldCenters, c * d, sums, c * d, d);
            }
        }
    }

    /**
     * scikit-learn's _relocate_empty_clusters: each empty cluster takes the point farthest from its
     * (old) centre, farthest first, ties to the lower row; the point leaves its cluster's sums. Labels
     * are not changed (the next E-step does that). Returns the number of refilled clusters.
     */
    static int refillEmpty(double[] x, int n, int d, int k, double[] oldCenters, int[] labels,
                           double[] sums, double[] counts, CancellationToken cancel) {
        return refillEmpty(Matrix.wrap(x, n, d), n, d, k, oldCenters, labels, sums, counts, cancel);
    }

    static int refillEmpty(Matrix xm, int n, int d, int k, double[] oldCenters, int[] labels,
                           double[] sums, double[] counts, CancellationToken cancel) {
        int empty = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return 0;
        }
        // The bounds skip most distances, so compute each point's distance to its (old) centre now
        // (rare: an array of its own rather than n doubles kept in every workspace).
        double[] minDist = new double[n];
        for (int i = 0; i < n; i++) {
            if ((i & CANCEL_MASK) == 0) {
                cancel.throwIfCancelled();
            }
            minDist[i] = sq(xm.blockOf(i), xm.offset(i), oldCenters, labels[i] * d, d);
        }
        int[] far = farthest(minDist, empty);
        int e = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] != 0) {
                continue;
            }
            int i = far[e++];
            int old = labels[i];
            double[] x = xm.blockOf(i);
            int o = xm.offset(i);
            for (int f = 0; f < d; f++) {
                sums[old * d + f] -= x[o + f];
                sums[c * d + f] = x[o + f];
            }
            counts[old] -= 1;
            counts[c] = 1;
        }
        return empty;
    }

    /** Indices of the m largest values, largest first, ties to the lower index. */
    private static int[] farthest(double[] v, int m) {
        int[] idx = new int[m];
        Arrays.fill(idx, -1);
        double[] val = new double[m];
        Arrays.fill(val, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            double t = v[i];
            if (t <= val[m - 1] && idx[m - 1] >= 0) {
                continue;
            }
            int pos = m - 1;
            while (pos > 0 && (t > val[pos - 1] || idx[pos - 1] < 0)) {
                val[pos] = val[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            val[pos] = t;
            idx[pos] = i;
        }
        return idx;
    }

    // ---------------------------------------------------------------------------------------------
    // Greedy k-means++ (scikit-learn's _kmeans_plusplus), several restarts at once

    /** Most doubles of per-row seeding state (each restart's running minimum, plus its n x k seeding
     * distances for Elkan) held at once: 40 MB, i.e. 5 restarts of a million rows under Hamerly, two groups
     * for n_init 10; with the 20 MB of a Hamerly workspace that stays below the 68 MB the old per-restart
     * seeding arrays took (the heap budget of a 1M-row analysis has about 20 MB to spare). */
    static final long SEED_GROUP_MAX_DOUBLES = 5_000_000;

    /** How many restarts are seeded together (at least one). */
    static int seedGroupSize(int n, int k, int nInit, Algo bounds) {
        long perRestart = (long) n * (bounds == Algo.ELKAN ? k + 1 : 1);
        return (int) Math.max(1, Math.min(nInit, SEED_GROUP_MAX_DOUBLES / perRestart));
    }

    /**
     * One restart's greedy k-means++ on its own (row by row with {@link #sq4}, keeping every row's
     * distance to every candidate so the running minimum needs no second distance pass): faster than
     * {@link #seedGroup} while the data sit in the cache (measured on cc_general, 8,950 x 17), at the
     * price of n x trials doubles. Same centres and seeding distances as {@link #seedGroup}, bit for bit.
     */
    private static double[] seedPlusPlus(Matrix xm, int n, int d, int k, SplittableRandom rnd, Workspace ws,
                                         ExecutorService pool, int threads, CancellationToken cancel) {
        int trials0 = 2 + (int) Math.log(k);
        if (ws.closest == null) {
            ws.closest = new double[n];
            ws.cum = new double[n];
            ws.candDist = new double[n * trials0];
            ws.ownLowerK = ws.algo == Algo.ELKAN ? new double[n * k] : null;
        }
        double[] seedD = ws.ownLowerK;
        ws.lowerK = seedD;
        ws.seeded = seedD != null;
        double[] centers = new double[k * d];
        int nChunks = (n + CHUNK - 1) / CHUNK;
        int trials = 2 + (int) Math.log(k);
        int first = rnd.nextInt(n);
        xm.copyRow(first, centers, 0);
        double[] closest = ws.closest;
        double[] cand = new double[trials * d];
        xm.copyRow(first, cand, 0);
        // Elkan keeps each row's squared distance to every chosen centre (the same sq4 arithmetic as the
        // E-step), so its first E-step needs no distance computations at all.
        forChunks(nChunks, pool, threads, cancel, ch -> {
            int from = ch * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] x = xm.blockOf(from);
            int base = xm.offset(from) - from * d;
            for (int i = from; i < to; i++) {
                double v = sq4(x, i * d + base, cand, 0, d);
                closest[i] = v;
                if (seedD != null) {
                    seedD[i * k] = v;
                }
            }
        });
        double[] cum = ws.cum;
        double[] candDist = ws.candDist;
        // per chunk, per trial: potential if that candidate were added
        double[] chunkPot = new double[nChunks * trials];
        double pot = 0;
        if (k > 1) {
            for (int i = 0; i < n; i++) {
                if ((i & CANCEL_MASK) == 0) {
                    cancel.throwIfCancelled();
                }
                pot += closest[i];
                cum[i] = pot;
            }
        }
        for (int c = 1; c < k; c++) {
            cancel.throwIfCancelled();
            int[] ids = new int[trials];
            for (int t = 0; t < trials; t++) {
                double r = rnd.nextDouble() * pot;
                int id = searchCum(cum, r);
                ids[t] = Math.min(id, n - 1);
                xm.copyRow(ids[t], cand, t * d);
            }
            // One pass scores every candidate (potential if it were added) and keeps each row's
            // distance to each candidate, so the running minimum is updated from those distances
            // afterwards instead of a second pass over the data.
            forChunks(nChunks, pool, threads, cancel, ch -> {
                int from = ch * CHUNK;
                int to = Math.min(n, from + CHUNK);
                double[] x = xm.blockOf(from);
                int base = xm.offset(from) - from * d;
                double[] pots = new double[trials];
                for (int i = from; i < to; i++) {
                    int o = i * d + base;
                    int co = i * trials;
                    double ci = closest[i];
                    for (int t = 0; t < trials; t++) {
                        double v = sq4(x, o, cand, t * d, d);
                        candDist[co + t] = v;
                        pots[t] += Math.min(ci, v);
                    }
                }
                System.arraycopy(pots, 0, chunkPot, ch * trials, trials);
            });
            int best = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double s = 0;
                for (int ch = 0; ch < nChunks; ch++) {
                    s += chunkPot[ch * trials + t];
                }
                if (s < bestPot) {
                    bestPot = s;
                    best = t;
                }
            }
            xm.copyRow(ids[best], centers, c * d);
            // New running minimum and, in the same sweep, its cumulative sum for the next draw.
            boolean more = c + 1 < k;
            pot = 0;
            for (int i = 0, q = best; i < n; i++, q += trials) {
                if ((i & CANCEL_MASK) == 0) {
                    cancel.throwIfCancelled();
                }
                double dq = candDist[q];
                if (seedD != null) {
                    seedD[i * k + c] = dq;
                }
                double v = Math.min(closest[i], dq);
                closest[i] = v;
                if (more) {
                    pot += v;
                    cum[i] = pot;
                }
            }
        }
        return centers;
    }

    private static int searchCum(double[] cum, double r) {
        int lo = 0;
        int hi = cum.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Data (n x d values) above which restarts are seeded in lockstep ({@link #seedGroup}); below,
     * one by one ({@link #seedPlusPlus}). 2M values = 16 MB: cc_general (152k values, in the cache) was
     * 5-15% faster one by one, the 1M x 20 set (20M values, streamed from memory) ~10% faster in
     * lockstep (bench-kmeans notes). Results are the same either way. */
    static final long LOCKSTEP_MIN_VALUES = 2_000_000;

    /** Centres of a group of seeded restarts and, for Elkan, each row's squared distance to each centre;
     * for Hamerly each row's nearest centre and squared distance to it (null when not kept). */
    private static final class Seeded {
        final double[][] centers;
        final double[][] dist;
        final double[][] closest;
        final byte[][] nearest;

        Seeded(double[][] centers, double[][] dist, double[][] closest, byte[][] nearest) {
            this.centers = centers;
            this.dist = dist;
            this.closest = closest;
            this.nearest = nearest;
        }
    }

    /**
     * Greedy k-means++ for a group of restarts in lockstep, each exactly as scikit-learn's
     * {@code _kmeans_plusplus} with its own random stream: every pass over the rows copies a block of
     * rows once ({@link BlockDistances}) and serves the candidates of every restart in the group, so the
     * data are read once per step instead of once per step and restart. Per restart and step: one pass
     * scores the candidates (potential if each were added, summed per chunk then in chunk order), one
     * pass moves each row's running minimum to the chosen centre, and the running potential is summed
     * row by row (as numpy's cumsum) keeping only its value at each chunk end; a draw finds its chunk by
     * those values and its row by re-adding inside the chunk, which gives the same sums bit for bit.
     */
    private static Seeded seedGroup(Matrix xm, int n, int d, int k, long[] seeds, boolean keepDist,
                                    boolean keepNearest, ExecutorService pool, int threads, CancellationToken cancel) {
        int g = seeds.length;
        int nChunks = (n + CHUNK - 1) / CHUNK;
        int trials = 2 + (int) Math.log(k);
        SplittableRandom[] rnd = new SplittableRandom[g];
        double[][] centers = new double[g][k * d];
        double[][] closest = new double[g][n];
        double[][] dist = keepDist ? new double[g][n * k] : null;
        double[][] chunkEnd = new double[g][nChunks];
        double[] pot = new double[g];
        // the centres (or candidates) of the current pass, restart-major
        double[] cand = new double[g * trials * d];
        for (int q = 0; q < g; q++) {
            rnd[q] = new SplittableRandom(seeds[q]);
            int first = rnd[q].nextInt(n);
            xm.copyRow(first, centers[q], 0);
            xm.copyRow(first, cand, q * d);
        }
        moveClosest(xm, n, d, k, 0, cand, g, closest, dist, pool, threads, cancel);
        if (k > 1) {
            cumulate(closest, chunkEnd, pot, n, pool, threads, cancel);
        }
        double[] chunkPot = new double[nChunks * g * trials];
        int[] ids = new int[g * trials];
        // bit q * trials + t of mask[i]: candidate t of restart q is nearer row i than its running minimum.
        // The candidate pass sets them for free, so moving the minimum to the chosen centre computes only
        // the rows it actually moves (scalar sq4: the same bits as the block kernel) and skips the others,
        // whose minimum stays (min(cl, o) = cl when o >= cl). Elkan keeps every distance, so not then.
        int[] mask = dist == null && g * trials <= Integer.SIZE ? new int[n] : null;
        int[] chosenBit = new int[g];
        // Hamerly's first E-step starts from each row's nearest centre, which moving the minimum tracks
        // (0 for all after the first centre; a row moves to centre c only when c is strictly nearer, so
        // ties keep the lower index, as the E-step's argmin).
        byte[][] nearest = keepNearest && mask != null && k <= Byte.MAX_VALUE ? new byte[g][n] : null;
        for (int c = 1; c < k; c++) {
            cancel.throwIfCancelled();
            for (int q = 0; q < g; q++) {
                for (int t = 0; t < trials; t++) {
                    double r = rnd[q].nextDouble() * pot[q];
                    int id = Math.min(searchLeft(closest[q], chunkEnd[q], r), n - 1);
                    ids[q * trials + t] = id;
                    xm.copyRow(id, cand, (q * trials + t) * d);
                }
            }
            int nc = g * trials;
            forChunks(nChunks, pool, threads, cancel, ch -> {
                int from = ch * CHUNK;
                int to = Math.min(n, from + CHUNK);
                double[] x = xm.blockOf(from);
                int base = xm.offset(from) - from * d;
                double[] pots = new double[nc];
                Pending scratch = Pending.of(d, nc);
                BlockDistances block = scratch.block;
                double[][] out = scratch.out;
                for (int b = from; b < to; b += BlockDistances.ROWS) {
                    int m = Math.min(BlockDistances.ROWS, to - b);
                    block.load(x, b * d + base, m);
                    block.distances(cand, 0, nc, out);
                    if (mask != null) {
                        Arrays.fill(mask, b, b + m, 0);
                    }
                    addPotentials(closest, trials, b, m, out, nc, pots, mask);
                }
                System.arraycopy(pots, 0, chunkPot, ch * nc, nc);
            });
            // the chosen candidate of every restart becomes centre c
            for (int q = 0; q < g; q++) {
                int best = 0;
                double bestPot = Double.POSITIVE_INFINITY;
                for (int t = 0; t < trials; t++) {
                    double sum = 0;
                    for (int ch = 0; ch < nChunks; ch++) {
                        sum += chunkPot[ch * nc + q * trials + t];
                    }
                    if (sum < bestPot) {
                        bestPot = sum;
                        best = t;
                    }
                }
                xm.copyRow(ids[q * trials + best], centers[q], c * d);
                xm.copyRow(ids[q * trials + best], cand, q * d);
                chosenBit[q] = q * trials + best;
            }
            if (mask != null) {
                moveMarked(xm, n, d, c, cand, chosenBit, closest, nearest, mask, pool, threads, cancel);
            } else {
                moveClosest(xm, n, d, k, c, cand, g, closest, dist, pool, threads, cancel);
            }
            if (c + 1 < k) {
                cumulate(closest, chunkEnd, pot, n, pool, threads, cancel);
            }
        }
        return new Seeded(centers, dist, nearest == null ? null : closest, nearest);
    }

    /**
     * Adds min(running minimum, candidate distance) of rows b..b+m-1 to the potential of every candidate
     * j (restart j / trials), each in row order (as a row-by-row loop would); four candidates share one
     * pass over the rows so that their four dependency chains of additions overlap. With a mask, sets
     * bit j of a row when candidate j is nearer than its running minimum.
     */
    private static void addPotentials(double[][] closest, int trials, int b, int m, double[][] out, int nc,
                                      double[] pots, int[] mask) {
        int j = 0;
        for (; j + 3 < nc; j += 4) {
            double[] c0 = closest[j / trials];
            double[] c1 = closest[(j + 1) / trials];
            double[] c2 = closest[(j + 2) / trials];
            double[] c3 = closest[(j + 3) / trials];
            double[] o0 = out[j];
            double[] o1 = out[j + 1];
            double[] o2 = out[j + 2];
            double[] o3 = out[j + 3];
            double s0 = pots[j];
            double s1 = pots[j + 1];
            double s2 = pots[j + 2];
            double s3 = pots[j + 3];
            for (int r = 0; r < m; r++) {
                double m0 = c0[b + r];
                double m1 = c1[b + r];
                double m2 = c2[b + r];
                double m3 = c3[b + r];
                double v0 = o0[r];
                double v1 = o1[r];
                double v2 = o2[r];
                double v3 = o3[r];
                s0 += Math.min(m0, v0);
                s1 += Math.min(m1, v1);
                s2 += Math.min(m2, v2);
                s3 += Math.min(m3, v3);
                if (mask != null) {
                    mask[b + r] |= ((v0 < m0 ? 1 : 0) | (v1 < m1 ? 2 : 0) | (v2 < m2 ? 4 : 0) | (v3 < m3 ? 8 : 0)) << j;
                }
            }
            pots[j] = s0;
            pots[j + 1] = s1;
            pots[j + 2] = s2;
            pots[j + 3] = s3;
        }
        for (; j < nc; j++) {
            double[] cl = closest[j / trials];
            double[] o = out[j];
            double sum = pots[j];
            for (int r = 0; r < m; r++) {
                double c = cl[b + r];
                sum += Math.min(c, o[r]);
                if (mask != null && o[r] < c) {
                    mask[b + r] |= 1 << j;
                }
            }
            pots[j] = sum;
        }
    }

    /** closest[q][i] = distance to centre q of {@code cand} for the rows whose mask has bit
     * {@code chosenBit[q]} (the chosen candidate is nearer than their running minimum), and nearest[q][i] =
     * c; the others keep theirs. Same result as {@link #moveClosest}, bit for bit. */
    private static void moveMarked(Matrix xm, int n, int d, int c, double[] cand, int[] chosenBit,
                                   double[][] closest, byte[][] nearest, int[] mask, ExecutorService pool, int threads,
                                   CancellationToken cancel) {
        int g = chosenBit.length;
        int any = 0;
        for (int bit : chosenBit) {
            any |= 1 << bit;
        }
        int anyChosen = any;
        int nChunks = (n + CHUNK - 1) / CHUNK;
        forChunks(nChunks, pool, threads, cancel, ch -> {
            int to = Math.min(n, (ch + 1) * CHUNK);
            double[] x = xm.blockOf(ch * CHUNK);
            int base = xm.offset(ch * CHUNK) - ch * CHUNK * d;
            for (int i = ch * CHUNK; i < to; i++) {
                int mk = mask[i];
                if ((mk & anyChosen) == 0) {
                    continue;
                }
                for (int q = 0; q < g; q++) {
                    if ((mk >>> chosenBit[q] & 1) != 0) {
                        closest[q][i] = sq4(x, i * d + base, cand, q * d, d);
                        if (nearest != null) {
                            nearest[q][i] = (byte) c;
                        }
                    }
                }
            }
        });
    }

    /** closest[q][i] = min(closest[q][i], distance to centre q of {@code cand}) (set, when c = 0); for
     * Elkan also dist[q][i * k + c]. */
    private static void moveClosest(Matrix xm, int n, int d, int k, int c, double[] cand, int g, double[][] closest,
                                    double[][] dist, ExecutorService pool, int threads, CancellationToken cancel) {
        int nChunks = (n + CHUNK - 1) / CHUNK;
        forChunks(nChunks, pool, threads, cancel, ch -> {
            int from = ch * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] x = xm.blockOf(from);
            int base = xm.offset(from) - from * d;
            Pending scratch = Pending.of(d, g);
            BlockDistances block = scratch.block;
            double[][] out = scratch.out;
            for (int b = from; b < to; b += BlockDistances.ROWS) {
                int m = Math.min(BlockDistances.ROWS, to - b);
                block.load(x, b * d + base, m);
                block.distances(cand, 0, g, out);
                for (int q = 0; q < g; q++) {
                    double[] o = out[q];
                    double[] cl = closest[q];
                    if (c == 0) {
                        System.arraycopy(o, 0, cl, b, m);
                    } else {
                        for (int r = 0; r < m; r++) {
                            cl[b + r] = Math.min(cl[b + r], o[r]);
                        }
                    }
                    if (dist != null) {
                        double[] dq = dist[q];
                        for (int r = 0, i = b * k + c; r < m; r++, i += k) {
                            dq[i] = o[r];
                        }
                    }
                }
            }
        });
    }

    /** Each restart's running potential, summed row by row; keeps its value at every chunk end and the
     * total. The restarts are independent, so they are shared among the threads. */
    private static void cumulate(double[][] closest, double[][] chunkEnd, double[] pot, int n, ExecutorService pool,
                                 int threads, CancellationToken cancel) {
        forChunks(closest.length, pool, threads, cancel, q -> {
            double[] cl = closest[q];
            double[] ends = chunkEnd[q];
            double s = 0;
            for (int ch = 0, from = 0; from < n; ch++, from += CHUNK) {
                if ((ch & 31) == 0) {
                    cancel.throwIfCancelled();
                }
                int to = Math.min(n, from + CHUNK);
                for (int i = from; i < to; i++) {
                    s += cl[i];
                }
                ends[ch] = s;
            }
            pot[q] = s;
        });
    }

    /** numpy's searchsorted(cumsum(closest), r, side='left'): the first row whose running sum is >= r
     * (n when none), from the running sums at the chunk ends. */
    private static int searchLeft(double[] closest, double[] chunkEnd, double r) {
        int lo = 0;
        int hi = chunkEnd.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (chunkEnd[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == chunkEnd.length) {
            return closest.length;
        }
        // rows before this chunk all have running sums < r; re-add inside it from the previous end
        double s = lo == 0 ? 0 : chunkEnd[lo - 1];
        int from = lo * CHUNK;
        int to = Math.min(closest.length, from + CHUNK);
        for (int i = from; i < to; i++) {
            s += closest[i];
            if (s >= r) {
                return i;
            }
        }
        return to - 1; // unreachable: the chunk's end value is >= r
    }

    /** Squared distance with four partial sums (no long dependency chain); for seeding only, where the
     * order of the sums does not need to match the E-step's. */
    static double sq4(double[] a, int ao, double[] b, int bo, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < d; f += 4) {
            double t0 = a[ao + f] - b[bo + f];
            double t1 = a[ao + f + 1] - b[bo + f + 1];
            double t2 = a[ao + f + 2] - b[bo + f + 2];
            double t3 = a[ao + f + 3] - b[bo + f + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; f < d; f++) {
            double t = a[ao + f] - b[bo + f];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double sq(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            double t = a[ao + f] - b[bo + f];
            s += t * t;
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------
    // Chunk scheduling

    private interface ChunkTask {
        void run(int chunk);
    }

    /** Runs task(ch) for every chunk, on the pool when given; each chunk writes only its own slots. */
    private static void forChunks(int nChunks, ExecutorService pool, int threads, CancellationToken cancel,
                                  ChunkTask task) {
        if (pool == null || threads <= 1 || nChunks < 2) {
            for (int ch = 0; ch < nChunks; ch++) {
                cancel.throwIfCancelled();
                task.run(ch);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        int workers = Math.min(threads, nChunks);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int ch = next.getAndIncrement(); ch < nChunks; ch = next.getAndIncrement()) {
                    cancel.throwIfCancelled();
                    task.run(ch);
                }
                return null;
            }));
        }
        waitAll(futures, cancel);
    }

    static void waitAll(List<Future<?>> futures, CancellationToken cancel) {
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Future<?> g : futures) {
                    g.cancel(true);
                }
                throw new IllegalStateException("interrupted while waiting for k-means workers", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static java.util.concurrent.ThreadFactory daemonFactory() {
        return WorkerThreads.factory("segmentlab-kmeans");
    }

    // ---------------------------------------------------------------------------------------------
    // Renumbering

    private static KMeansResult renumber(Single s, int n, int d, int k, int refilled, double seconds) {
        int[] sizes = new int[k];
        for (int l : s.labels) {
            sizes[l]++;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        double[] cen = s.centers;
        Arrays.sort(order, (a, b) -> {
            if (sizes[a] != sizes[b]) {
                return Integer.compare(sizes[b], sizes[a]);
            }
            for (int f = 0; f < d; f++) {
                int cmp = Double.compare(cen[a * d + f], cen[b * d + f]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Integer.compare(a, b);
        });
        int[] newId = new int[k];
        double[] centroids = new double[k * d];
        int[] newSizes = new int[k];
        for (int c = 0; c < k; c++) {
            newId[order[c]] = c;
            System.arraycopy(cen, order[c] * d, centroids, c * d, d);
            newSizes[c] = sizes[order[c]];
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = newId[s.labels[i]];
        }
        return new KMeansResult(k, d, labels, centroids, s.inertia, s.iterations, newSizes, refilled, seconds);
    }

    /** A row viewed as a hash key (exact values; -0.0 and 0.0 are the same). */
    private static final class RowKey {
        private final double[] x;
        private final int off;
        private final int d;
        private final int hash;

        RowKey(double[] x, int off, int d) {
            this.x = x;
            this.off = off;
            this.d = d;
            int h = 1;
            for (int f = 0; f < d; f++) {
                double v = x[off + f];
                long bits = v == 0.0 ? 0L : Double.doubleToLongBits(v);
                h = 31 * h + (int) (bits ^ (bits >>> 32));
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey r) || r.hash != hash) {
                return false;
            }
            for (int f = 0; f < d; f++) {
                double a = x[off + f];
                double b = r.x[r.off + f];
                if (!(a == b || (Double.isNaN(a) && Double.isNaN(b)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
