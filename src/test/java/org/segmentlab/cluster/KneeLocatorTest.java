package org.segmentlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Expected knees are those of kneed's offline convex/decreasing path (S = 1), worked out with a
 * transcription of its source (yellowbrick's port of kneed) on the same curves.
 */
class KneeLocatorTest {

    private static final int[] K = IntStream.rangeClosed(1, 10).toArray();

    private static double[] curve(java.util.function.IntToDoubleFunction f, int[] ks) {
        return IntStream.of(ks).mapToDouble(f).toArray();
    }

    @Test
    void hyperbolaHasItsKneeAtThree() {
        assertEquals(OptionalInt.of(3), KneeLocator.knee(K, curve(k -> 100.0 / k, K)));
    }

    @Test
    void sharpDropHasItsKneeAtTwo() {
        assertEquals(OptionalInt.of(2), KneeLocator.knee(K, new double[] {100, 20, 15, 12, 10, 9, 8, 7, 6, 5}));
    }

    @Test
    void exponentialDecayHasItsKneeAtFour() {
        assertEquals(OptionalInt.of(4), KneeLocator.knee(K, curve(k -> Math.exp(-0.5 * k), K)));
    }

    @Test
    void rangeNotStartingAtOneReportsTheActualK() {
        int[] ks = IntStream.rangeClosed(2, 10).toArray();
        assertEquals(OptionalInt.of(5), KneeLocator.knee(ks, curve(k -> 100.0 / k, ks)));
    }

    @Test
    void concaveStartGivesTheFirstPoint() {
        // kneed's difference curve peaks at the first point here, so that is its answer too
        assertEquals(OptionalInt.of(1), KneeLocator.knee(K, new double[] {100, 99, 98, 97, 96, 50, 20, 10, 5, 2}));
    }

    @Test
    void straightLinesHaveNoKnee() {
        assertEquals(OptionalInt.empty(), KneeLocator.knee(K, curve(k -> 10 - k, K)));
        // kneed itself reports k = 4 here, from rounding noise of 1e-16 in the difference curve; we do not
        assertEquals(OptionalInt.empty(), KneeLocator.knee(K, curve(k -> 3.7 - 0.31 * k, K)));
    }

    @Test
    void flatOrTooShortCurvesHaveNoKnee() {
        assertEquals(OptionalInt.empty(), KneeLocator.knee(K, curve(k -> 5, K)));
        assertEquals(OptionalInt.empty(), KneeLocator.knee(new int[] {1, 2}, new double[] {2, 1}));
    }

    @Test
    void scikitLearnInertiasOfTheCreditCardDataBendAtFour() {
        double[] sk = {152149.99999999875, 127784.87449145061, 111986.74707959268, 99073.93826774786,
            91502.98259428954, 84851.13240432608, 79528.79193169257, 74817.3867561916, 69954.20465248998,
            68216.54970402365};
        assertEquals(OptionalInt.of(4), KneeLocator.knee(K, sk));
    }

    @Test
    void rejectsMismatchedOrUnorderedInput() {
        assertThrows(IllegalArgumentException.class, () -> KneeLocator.knee(K, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> KneeLocator.knee(new int[] {1, 3, 2}, new double[] {3, 2, 1}));
    }
}
