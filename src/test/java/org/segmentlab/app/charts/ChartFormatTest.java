package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.segmentlab.app.table.Formats;

/**
 * The fast 3-significant-digit formats give exactly what the BigDecimal ones give: on random magnitudes, on
 * short exact decimals (0.5, 0.25, 1200), on rounding ties of the exact binary value (1.125, 0.375), on decimal
 * "ties" that are not exact in binary (2.675, 0.0445), and next to powers of ten.
 */
class ChartFormatTest {

    private static void same(double v) {
        assertEquals(ChartFormat.sig3Exact(v), ChartFormat.sig3(v), () -> "sig3(" + v + ")");
        assertEquals(ChartFormat.plain3Exact(v), ChartFormat.plain3(v), () -> "plain3(" + v + ")");
    }

    @Test
    void randomMagnitudesMatchBigDecimal() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < 60_000; i++) {
            double v = Math.pow(10, rnd.nextDouble(-6, 11)) * (rnd.nextBoolean() ? 1 : -1);
            same(v);
        }
    }

    @Test
    void shortDecimalsTiesAndPowersOfTenMatchBigDecimal() {
        for (int exp = -6; exp <= 10; exp++) {
            double p = Math.pow(10, exp);
            for (double v : new double[] {p, Math.nextUp(p), Math.nextDown(p), 9.995 * p, 9.9949999 * p, 0.9995 * p}) {
                same(v);
                same(-v);
            }
        }
        // k / 2^j: exact in binary, so HALF_UP and HALF_EVEN differ on the ties (1.125 -> 1.13 / 1.12)
        for (int j = 0; j <= 12; j++) {
            for (int k = 1; k < 5000; k += 7) {
                same(k / Math.pow(2, j));
            }
        }
        // k / 10^j: short decimals, most of them not exact in binary (2.675 is 2.67499999...)
        for (int j = 0; j <= 6; j++) {
            for (int k = 1; k < 20_000; k += 3) {
                same(k / Math.pow(10, j));
                same(k * Math.pow(10, j));
            }
        }
    }

    @Test
    void wholeNumbersFromAHundredUpMatchBigDecimal() {
        // the chart ticks of a large file's inertia: whole numbers, exact in binary, now on the fast path
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            double v = Math.rint(Math.pow(10, rnd.nextDouble(2, 9.5)));
            same(v);
            same(-v);
            if (v >= 1000) {
                same(Math.rint(v / 1000) * 1000);
            }
        }
        for (double v : new double[] {100, 999, 1000, 1005, 1015, 99_950, 20_000_000, 25_000_000, 999_500_000}) {
            same(v);
        }
        assertEquals("20,000,000", ChartFormat.sig3(2e7));
        assertEquals("1,000", ChartFormat.sig3(1005), "a tie of whole numbers rounds half to even, as BigDecimal");
    }

    @Test
    void examplesAsUsersReadThem() {
        assertEquals("3,260", ChartFormat.sig3(3260.4));
        assertEquals("0.500", ChartFormat.sig3(0.5004));
        assertEquals("0.5", ChartFormat.sig3(0.5), "an exact short decimal keeps its own digits");
        assertEquals("10.0", ChartFormat.sig3(9.997), "rounding up to the next power of ten");
        assertEquals("1,000", ChartFormat.sig3(999.7));
        assertEquals("-0.00123", ChartFormat.sig3(-0.0012345));
        assertEquals("1.23e+09", ChartFormat.sig3(1.234e9));
        assertEquals("1.12", ChartFormat.sig3(1.125), "a binary tie rounds half-even on the charts");
        assertEquals("1.13", Formats.number(1.125), "and half-up in the table, as before");
        assertEquals("0.25", Formats.number(0.25));
        assertEquals("1000", Formats.number(999.7));
        assertEquals("12.3", Formats.number(12.34));
        assertEquals("0.0001", Formats.number(0.0001));
    }
}
