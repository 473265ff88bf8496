package org.segmentlab.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.segmentlab.progress.CancellationToken;

/**
 * Lloyd's k-means one half-step at a time, for watching it work: {@link #assign()} (E-step: every point
 * to its nearest centroid), {@link #moveCentroids()} (M-step: every centroid to the mean of its points),
 * {@link #stepBack()}, {@link #runToConvergence()} and {@link #reset()}. Every step appends an immutable
 * {@link State} to a history, so stepping back restores a state exactly.
 *
 * <p>It follows {@link KMeans} rule for rule, reusing its code: the greedy k-means++ start is
 * {@link KMeans#plusPlusCenters} (the same centres as restart 0 of {@code KMeans.fit} with the same
 * seed), distances are {@link KMeans#sq4} (ties go to the lower centroid), an empty cluster takes the
 * point farthest from its centroid ({@link KMeans#refillEmpty}), convergence is "no label changed" or
 * "the centroids moved (squared, summed) at most tol x the mean per-feature variance", followed by a
 * final assignment so the labels match the final centroids. Run to convergence from the same start, it
 * ends with the engine's labels, centroids, inertia and iteration count (clusters are not renumbered by
 * size here, so a cluster keeps its colour while the user steps).
 *
 * <p>Not thread-safe (one owner, e.g. the FX thread). Does not modify the caller's arrays (copied).
 */
public final class KMeansStepper {

    /** How the first centroids are chosen. */
    public enum Start {
        /** k distinct rows drawn at random (scikit-learn's {@code init='random'}) */
        RANDOM,
        /** greedy k-means++, as the engine seeds each restart */
        PLUS_PLUS,
        /** centroids given by the caller (e.g. clicked on a chart) */
        GIVEN
    }

    /** Which half-step produced a state. */
    public enum Phase {
        /** the starting centroids, no point assigned yet */
        START,
        /** after an E-step: labels follow the current centroids */
        ASSIGNED,
        /** after an M-step: centroids are the means of their points */
        MOVED
    }

    /**
     * One moment of the run. Immutable: array accessors return copies.
     */
    public static final class State {
        private final Phase phase;
        private final int k;
        private final int iteration;
        private final int[] labels;
        private final double[] centroids;
        private final double inertia;
        private final int[] changed;
        private final double shift;
        private final int refilled;
        private final boolean converged;
        private final boolean settled;

        /** Arrays are owned by the state from here on (the stepper never writes them again). */
        private State(Phase phase, int k, int iteration, int[] labels, double[] centroids, double inertia,
                      int[] changed, double shift, int refilled, boolean converged, boolean settled) {
            this.phase = phase;
            this.k = k;
            this.iteration = iteration;
            this.labels = labels;
            this.centroids = centroids;
            this.inertia = inertia;
            this.changed = changed;
            this.shift = shift;
            this.refilled = refilled;
            this.converged = converged;
            this.settled = settled;
        }

        public Phase phase() {
            return phase;
        }

        /** Completed iterations (M-steps), as the engine counts them. */
        public int iteration() {
            return iteration;
        }

        /** Cluster per row (0..k-1), or -1 for every row before the first assignment. A new array. */
        public int[] labels() {
            return labels.clone();
        }

        /** Copies the labels into {@code into} (length n) without allocating; modifies only {@code into}. */
        public void copyLabels(int[] into) {
            System.arraycopy(labels, 0, into, 0, labels.length);
        }

        public int label(int row) {
            return labels[row];
        }

        /** Row-major k x d centroids, a new array. */
        public double[] centroids() {
            return centroids.clone();
        }

        public double centroid(int cluster, int feature) {
            return centroids[cluster * (centroids.length / k) + feature];
        }

        public int k() {
            return k;
        }

        /**
         * Sum of squared distances of the points to their own cluster's centroid; NaN at the start (no
         * point has a cluster yet). Never increases from one state to the next, except after a move that
         * refilled an empty cluster (the refilled point keeps its old label until the next assignment).
         */
        public double inertia() {
            return inertia;
        }

        /** Rows whose cluster changed in this step (every row in the first assignment), ascending. */
        public int[] changed() {
            return changed.clone();
        }

        public int changedCount() {
            return changed.length;
        }

        /** After a move: the squared distance the centroids moved, summed; NaN otherwise. */
        public double shift() {
            return shift;
        }

        /** After a move: how many empty clusters were refilled with a far-away point. */
        public int refilled() {
            return refilled;
        }

        /** True when the run is over: labels match the centroids and another step would change nothing. */
        public boolean converged() {
            return converged;
        }

        /**
         * True after a move that settled the run (the centroids moved less than the tolerance, or the last
         * allowed iteration): one final assignment remains, which ends the run.
         */
        public boolean settled() {
            return settled;
        }

        /** Points per cluster (all zero at the start), a new array. */
        public int[] counts() {
            int[] c = new int[k];
            for (int l : labels) {
                if (l >= 0) {
                    c[l]++;
                }
            }
            return c;
        }
    }

    private final double[] x;
    private final int n;
    private final int d;
    private final int k;
    private final int maxIter;
    private final double tolAbs;
    private final double[] initial;
    private final List<State> history = new ArrayList<>();

    /**
     * @param x        row-major n x d data (copied, not modified)
     * @param start    how the first centroids are chosen
     * @param seed     for {@link Start#RANDOM} and {@link Start#PLUS_PLUS}: the same seed as
     *                 {@link KMeansOptions#seed()} gives the engine's first restart's start
     * @param given    row-major k x d centroids for {@link Start#GIVEN} (copied), else ignored (may be null)
     * @param maxIter  iterations before the run stops unconverged (the engine's max_iter)
     * @param tol      relative tolerance (the engine's tol)
     * @throws IllegalArgumentException for a bad shape, missing values, k above the distinct rows, or
     *                                  given centroids of the wrong length
     */
    public KMeansStepper(double[] x, int n, int d, int k, Start start, long seed, double[] given, int maxIter,
                         double tol) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (maxIter < 1 || !(tol >= 0)) {
            throw new IllegalArgumentException("max_iter must be at least 1 and tol not negative");
        }
        this.x = x.clone();
        this.n = n;
        this.d = d;
        this.k = k;
        this.maxIter = maxIter;
        KMeans.requireDistinctRows(this.x, n, d, k);
        double meanVar = KMeans.meanVariance(this.x, n, d, CancellationToken.NONE);
        if (!Double.isFinite(meanVar)) {
            throw new IllegalArgumentException("the data contains missing (NaN) or infinite values; "
                    + "fill or drop them before clustering");
        }
        this.tolAbs = meanVar * tol;
        this.initial = switch (start) {
            case PLUS_PLUS -> KMeans.plusPlusCenters(this.x, n, d, k, seed, 0);
            case RANDOM -> randomRows(this.x, n, d, k, seed);
            case GIVEN -> {
                if (given == null || given.length != k * d) {
                    throw new IllegalArgumentException("expected " + k + " x " + d + " = " + (k * d)
                            + " starting coordinates, got " + (given == null ? 0 : given.length));
                }
                for (double v : given) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("a starting centroid has a missing or infinite coordinate");
                    }
                }
                yield given.clone();
            }
        };
        reset();
    }

    /** With the engine's defaults (max_iter 300, tol 1e-4). */
    public KMeansStepper(double[] x, int n, int d, int k, Start start, long seed, double[] given) {
        this(x, n, d, k, start, seed, given, 300, 1e-4);
    }

    /** k distinct row indices drawn with a partial Fisher-Yates shuffle; their coordinates, row-major. */
    private static double[] randomRows(double[] x, int n, int d, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] c = new double[k * d];
        for (int j = 0; j < k; j++) {
            int r = j + rnd.nextInt(n - j);
            int t = idx[j];
            idx[j] = idx[r];
            idx[r] = t;
            System.arraycopy(x, idx[j] * d, c, j * d, d);
        }
        return c;
    }

    // ---- stepping ----

    /** Back to the starting centroids (iteration 0); the history is cleared. */
    public void reset() {
        history.clear();
        int[] none = new int[n];
        Arrays.fill(none, -1);
        history.add(state(Phase.START, 0, none, initial.clone(), Double.NaN, new int[0], Double.NaN, 0, false, false));
    }

    private State state(Phase phase, int iteration, int[] labels, double[] centroids, double inertia, int[] changed,
                        double shift, int refilled, boolean converged, boolean settled) {
        return new State(phase, k, iteration, labels, centroids, inertia, changed, shift, refilled, converged, settled);
    }

    /** The current state. */
    public State state() {
        return history.get(history.size() - 1);
    }

    /** Number of states so far (1 after a reset). */
    public int historySize() {
        return history.size();
    }

    /** State {@code i} of the history (0 = the start). */
    public State state(int i) {
        return history.get(i);
    }

    /** The states from the start to now, oldest first (an unmodifiable copy). */
    public List<State> history() {
        return List.copyOf(history);
    }

    public int n() {
        return n;
    }

    public int d() {
        return d;
    }

    public int k() {
        return k;
    }

    /** The tolerance on the centroids' summed squared movement, in the data's units (tol x mean variance). */
    public double absoluteTolerance() {
        return tolAbs;
    }

    /** The starting centroids, row-major k x d (a new array). */
    public double[] initialCentroids() {
        return initial.clone();
    }

    public boolean isConverged() {
        return state().converged();
    }

    /** True when the next half-step is an assignment (at the start, after a move, or to finish). */
    public boolean nextIsAssign() {
        return state().phase() != Phase.ASSIGNED;
    }

    /**
     * E-step: every point goes to its nearest centroid (ties to the lower cluster). Returns the rows that
     * changed cluster (ascending); nothing happens, and an empty array is returned, once converged.
     */
    public int[] assign() {
        State s = state();
        if (s.converged()) {
            return new int[0];
        }
        double[] cen = s.centroids;
        int[] labels = new int[n];
        int[] changedBuf = new int[n];
        int changed = 0;
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            int best = 0;
            double bestD = KMeans.sq4(x, o, cen, 0, d);
            for (int c = 1; c < k; c++) {
                double v = KMeans.sq4(x, o, cen, c * d, d);
                if (v < bestD) {
                    bestD = v;
                    best = c;
                }
            }
            labels[i] = best;
            if (best != s.labels[i]) {
                changedBuf[changed++] = i;
            }
            inertia += KMeans.sq(x, o, cen, best * d, d);
        }
        // A move that settled the run (or the engine's final E-step) is followed by this last assignment.
        boolean done = s.settled();
        history.add(state(Phase.ASSIGNED, s.iteration(), labels, s.centroids, inertia,
                Arrays.copyOf(changedBuf, changed), Double.NaN, 0, done, false));
        return Arrays.copyOf(changedBuf, changed);
    }

    /**
     * M-step: every centroid moves to the mean of its points; an empty cluster takes the point farthest
     * from its centroid (as the engine). Counts one iteration and decides convergence as the engine does.
     *
     * @throws IllegalStateException when the points have not been assigned since the last move
     */
    public void moveCentroids() {
        State s = state();
        if (s.converged()) {
            return;
        }
        if (s.phase() != Phase.ASSIGNED) {
            throw new IllegalStateException("assign the points before moving the centroids");
        }
        double[] old = s.centroids;
        double[] sums = new double[k * d];
        double[] counts = new double[k];
        int[] labels = s.labels;
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            int o = i * d;
            for (int f = 0; f < d; f++) {
                sums[l * d + f] += x[o + f];
            }
            counts[l] += 1;
        }
        int refilled = KMeans.refillEmpty(x, n, d, k, old, labels, sums, counts, CancellationToken.NONE);
        KMeans.sumsToMeans(sums, counts, old, k, d); // the engine's own M-step arithmetic
        double shift = 0;
        for (int c = 0; c < k; c++) {
            shift += KMeans.sq(sums, c * d, old, c * d, d);
        }
        int it = s.iteration() + 1;
        // Strict convergence: the assignment before this move changed nothing (never the first one,
        // where every row leaves "unassigned"), so the labels already match these centroids.
        boolean strict = s.changedCount() == 0;
        boolean settled = !strict && (shift <= tolAbs || it >= maxIter);
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += KMeans.sq(x, i * d, sums, labels[i] * d, d);
        }
        history.add(state(Phase.MOVED, it, labels, sums, inertia, new int[0], shift, refilled, strict, settled));
    }

    /** One iteration: {@link #assign()} then {@link #moveCentroids()} (only the assignment once settled). */
    public int[] iterate() {
        if (state().phase() == Phase.ASSIGNED) {
            moveCentroids();
            return new int[0];
        }
        int[] changed = assign();
        if (!state().converged()) {
            moveCentroids();
        }
        return changed;
    }

    /** The next half-step (assign or move), as a "Run" animation takes them; false once converged. */
    public boolean halfStep() {
        if (isConverged()) {
            return false;
        }
        if (nextIsAssign()) {
            assign();
        } else {
            moveCentroids();
        }
        return true;
    }

    /** Undoes the last half-step; false at the start. */
    public boolean stepBack() {
        if (history.size() <= 1) {
            return false;
        }
        history.remove(history.size() - 1);
        return true;
    }

    /** Steps until converged (or max_iter, then the final assignment) and returns the final state. */
    public State runToConvergence() {
        while (halfStep()) {
            // each half-step appends its state
        }
        return state();
    }
}
