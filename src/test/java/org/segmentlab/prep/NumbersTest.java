package org.segmentlab.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void threeSignificantDigitsWithThousandsSeparators() {
        assertEquals("8.14", Numbers.sig3(8.1423));
        assertEquals("0.198", Numbers.sig3(0.19812));
        assertEquals("1,230", Numbers.sig3(1234.5));
        assertEquals("1,560,000", Numbers.sig3(1_564_474.8));
        assertEquals("-2.02", Numbers.sig3(-2.0233));
        assertEquals("0.000123", Numbers.sig3(0.00012345));
        assertEquals("4", Numbers.sig3(4.0));
        assertEquals("0.5", Numbers.sig3(0.5));
        assertEquals("100", Numbers.sig3(99.96));
        assertEquals("0", Numbers.sig3(0.0));
        assertEquals("n/a", Numbers.sig3(Double.NaN));
    }

    @Test
    void countsAndPercentages() {
        assertEquals("8,950", Numbers.count(8950));
        assertEquals("999", Numbers.count(999));
        assertEquals("1,000,000", Numbers.count(1_000_000));
        assertEquals("-12,345", Numbers.count(-12_345));
        assertEquals("3.5%", Numbers.percent(313.0 / 8950));
        assertEquals("100.0%", Numbers.percent(1.0));
        assertEquals("0.0%", Numbers.percent(0.0));
        assertEquals("<0.1%", Numbers.percent(1.0 / 8950));
        assertEquals("0.1%", Numbers.percent(0.0005));
    }
}
