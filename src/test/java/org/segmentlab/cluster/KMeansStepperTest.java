package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stepper against the engine: from the same start, stepping to convergence must end where
 * {@link KMeans} ends (labels up to the engine's renumbering by size, centroids to 1e-9, inertia,
 * iteration count), whichever rule stops the run.
 */
class KMeansStepperTest {

    /** Stepper cluster c is engine cluster map[c]; fails unless the labels are a bijection of each other. */
    private static int[] mapping(int[] stepper, KMeansResult engine, int k) {
        int[] map = new int[k];
        Arrays.fill(map, -1);
        for (int i = 0; i < stepper.length; i++) {
            int s = stepper[i];
            int e = engine.label(i);
            if (map[s] < 0) {
                map[s] = e;
            }
            assertEquals(map[s], e, "row " + i + ": stepper cluster " + s + " is split in the engine's result");
        }
        assertEquals(k, Arrays.stream(map).distinct().filter(v -> v >= 0).count(), "every cluster used once");
        return map;
    }

    private static void assertSameAsEngine(KMeansStepper.State s, KMeansResult e, int k, int d) {
        int[] map = mapping(s.labels(), e, k);
        double[] ec = e.centroids();
        double[] sc = s.centroids();
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < d; f++) {
                assertEquals(ec[map[c] * d + f], sc[c * d + f], 1e-9, "centroid " + c + " feature " + f);
            }
        }
        assertEquals(e.inertia(), s.inertia(), 1e-9 * Math.max(1, e.inertia()), "inertia");
        assertEquals(e.iterations(), s.iteration(), "iterations");
        assertTrue(s.converged());
    }

    @Test
    void steppingToConvergenceFromGivenCentroidsEndsWhereTheEngineEnds() {
        Synthetic data = Synthetic.blobs(3000, 3, 5, 6.0, 11);
        int k = 5;
        // overlapping blobs and a random start: many iterations, ended by the tolerance rule
        KMeansStepper st = new KMeansStepper(data.x, data.n, data.d, k, KMeansStepper.Start.RANDOM, 3, null);
        double[] start = st.initialCentroids();
        KMeansStepper.State end = st.runToConvergence();
        KMeansResult engine = KMeans.fitFromCenters(data.x, data.n, data.d, start, 300, 1e-4);
        assertTrue(engine.iterations() > 3, "a run worth stepping: " + engine.iterations());
        assertSameAsEngine(end, engine, k, data.d);
    }

    @Test
    void strictConvergenceAndTheIterationCapMatchTheEngineToo() {
        Synthetic data = Synthetic.blobs(800, 2, 3, 1.0, 5);
        // tol 0: only "no label changed" can stop the run
        KMeansStepper strict = new KMeansStepper(data.x, data.n, data.d, 3, KMeansStepper.Start.RANDOM, 9, null, 300, 0);
        KMeansResult e1 = KMeans.fitFromCenters(data.x, data.n, data.d, strict.initialCentroids(), 300, 0);
        KMeansStepper.State s1 = strict.runToConvergence();
        assertEquals(0, strict.state(strict.historySize() - 2).changedCount(), "the last assignment changed nothing");
        assertSameAsEngine(s1, e1, 3, data.d);

        Synthetic wide = Synthetic.blobs(2000, 2, 6, 9.0, 8);
        KMeansStepper capped = new KMeansStepper(wide.x, wide.n, wide.d, 6, KMeansStepper.Start.RANDOM, 1, null, 2, 0);
        KMeansResult e2 = KMeans.fitFromCenters(wide.x, wide.n, wide.d, capped.initialCentroids(), 2, 0);
        KMeansStepper.State s2 = capped.runToConvergence();
        assertEquals(2, s2.iteration());
        assertSameAsEngine(s2, e2, 6, wide.d);
    }

    @Test
    void anEmptyClusterIsRefilledAsTheEngineDoes() {
        double[] x = {0, 1, 10, 11};
        KMeansStepper st = new KMeansStepper(x, 4, 1, 2, KMeansStepper.Start.GIVEN, 0, new double[] {0, 100});
        st.assign();
        assertArrayEquals(new int[] {0, 0, 0, 0}, st.state().labels(), "cluster 1 starts empty");
        st.moveCentroids();
        assertEquals(1, st.state().refilled());
        KMeansStepper.State end = st.runToConvergence();
        assertSameAsEngine(end, KMeans.fitFromCenters(x, 4, 1, new double[] {0, 100}, 300, 1e-4), 2, 1);
    }

    @Test
    void theKMeansPlusPlusStartIsTheEnginesSoTheWholeRunIsTheEngines() {
        Synthetic data = Synthetic.blobs(2500, 4, 4, 4.0, 21);
        for (long seed : new long[] {42, 7}) {
            KMeansStepper st = new KMeansStepper(data.x, data.n, data.d, 4, KMeansStepper.Start.PLUS_PLUS, seed, null);
            // the engine with one restart seeds exactly once, from the options' seed
            for (int threads : new int[] {1, 2}) {
                KMeansResult e = KMeans.fit(data.x, data.n, data.d, new KMeansOptions(4, 1, 300, 1e-4, seed, threads),
                        null, null);
                KMeansStepper copy = new KMeansStepper(data.x, data.n, data.d, 4, KMeansStepper.Start.PLUS_PLUS, seed,
                        null);
                assertSameAsEngine(copy.runToConvergence(), e, 4, data.d);
            }
            assertArrayEquals(KMeans.plusPlusCenters(data.x, data.n, data.d, 4, seed, 0), st.initialCentroids());
        }
        // restart r of a fit is seeded from the r-th seed the options' seed draws
        double[] r0 = KMeans.plusPlusCenters(data.x, data.n, data.d, 4, 42, 0);
        double[] r1 = KMeans.plusPlusCenters(data.x, data.n, data.d, 4, 42, 1);
        assertFalse(Arrays.equals(r0, r1));
    }

    @Test
    void stepBackRestoresEveryStateExactly() {
        Synthetic data = Synthetic.blobs(1000, 2, 4, 5.0, 3);
        KMeansStepper st = new KMeansStepper(data.x, data.n, data.d, 4, KMeansStepper.Start.RANDOM, 12, null);
        List<int[]> labels = new ArrayList<>();
        List<double[]> centroids = new ArrayList<>();
        List<Double> inertia = new ArrayList<>();
        for (int step = 0; step < 7; step++) {
            labels.add(st.state().labels());
            centroids.add(st.state().centroids());
            inertia.add(st.state().inertia());
            assertTrue(st.halfStep());
        }
        for (int step = 6; step >= 0; step--) {
            assertTrue(st.stepBack());
            assertArrayEquals(labels.get(step), st.state().labels());
            assertArrayEquals(centroids.get(step), st.state().centroids());
            assertEquals(inertia.get(step), st.state().inertia());
        }
        assertEquals(0, st.state().iteration());
        assertFalse(st.stepBack(), "nothing before the start");
        // stepping forward again gives the same states (the run is deterministic)
        st.halfStep();
        st.halfStep();
        assertArrayEquals(centroids.get(2), st.state().centroids());
    }

    @Test
    void inertiaNeverIncreasesAndTheHalfStepsAlternate() {
        Synthetic data = Synthetic.blobs(1500, 2, 5, 7.0, 17);
        KMeansStepper st = new KMeansStepper(data.x, data.n, data.d, 5, KMeansStepper.Start.RANDOM, 4, null);
        st.runToConvergence();
        double prev = Double.POSITIVE_INFINITY;
        for (int i = 1; i < st.historySize(); i++) {
            KMeansStepper.State s = st.state(i);
            assertEquals(i % 2 == 1 ? KMeansStepper.Phase.ASSIGNED : KMeansStepper.Phase.MOVED, s.phase());
            assertTrue(s.inertia() <= prev * (1 + 1e-12), "state " + i + ": " + s.inertia() + " > " + prev);
            prev = s.inertia();
        }
        assertEquals(data.n, st.state(1).changedCount(), "the first assignment gives every point a cluster");
    }

    @Test
    void resetGoesBackToTheStartAndTheCallersArrayIsUntouched() {
        double[] x = Synthetic.uniform(200, 2, 1);
        double[] copy = x.clone();
        double[] given = {0.2, 0.2, 0.8, 0.8};
        KMeansStepper st = new KMeansStepper(x, 200, 2, 2, KMeansStepper.Start.GIVEN, 0, given);
        given[0] = 99;
        st.iterate();
        st.iterate();
        assertEquals(2, st.state().iteration());
        st.reset();
        assertEquals(1, st.historySize());
        assertEquals(0, st.state().iteration());
        assertTrue(Double.isNaN(st.state().inertia()));
        assertArrayEquals(new double[] {0.2, 0.2, 0.8, 0.8}, st.state().centroids());
        assertArrayEquals(copy, x);
        assertThrows(IllegalStateException.class, st::moveCentroids, "a move needs an assignment first");
        assertThrows(IllegalArgumentException.class,
                () -> new KMeansStepper(x, 200, 2, 3, KMeansStepper.Start.GIVEN, 0, given));
    }
}
