package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast number parser must give exactly Double.parseDouble's value, and refuse what is not a number. */
class NumberParserTest {

    private static double parse(String s, char decimal) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return NumberParser.parse(b, 0, b.length, decimal);
    }

    private static void assertSameAsJdk(String s) {
        double expected = Double.parseDouble(s);
        double actual = parse(s, '.');
        if (Double.isInfinite(expected)) {
            assertTrue(NumberParser.isNotANumber(actual), s);
            return;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), s);
        String comma = s.replace('.', ',');
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(comma, ',')), comma);
    }

    @Test
    void randomDecimalStringsMatchDoubleParseDoubleBitForBit() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int intDigits = rnd.nextInt(0, 22);
            for (int k = 0; k < intDigits; k++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            int fracDigits = rnd.nextInt(intDigits == 0 ? 1 : 0, 22);
            if (fracDigits > 0 || rnd.nextInt(4) == 0) {
                sb.append('.');
                for (int k = 0; k < fracDigits; k++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            if (intDigits == 0 && fracDigits == 0) {
                sb.append('0');
            }
            if (rnd.nextInt(4) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E');
                if (rnd.nextBoolean()) {
                    sb.append(rnd.nextBoolean() ? '-' : '+');
                }
                sb.append(rnd.nextInt(0, rnd.nextBoolean() ? 30 : 400));
            }
            assertSameAsJdk(sb.toString());
        }
    }

    @Test
    void randomDoublesPrintedShortestRoundTrip() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 3) {
                case 0 -> rnd.nextDouble(-1e6, 1e6);
                case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fef_ffff_ffff_ffffL);
                default -> Math.round(rnd.nextDouble(-1e4, 1e4) * 1e6) / 1e6;
            };
            String s = Double.toString(v);
            assertSameAsJdk(s);
            assertSameAsJdk(String.format(java.util.Locale.ROOT, "%.6f", v));
        }
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", "00012", "1.", ".5", "-.5", "9007199254740993",
            "9007199254740992", "123456789012345678901234567890", "1e22", "1e23", "4.9e-324", "2.2250738585072014E-308",
            "1.7976931348623157e308", "0.000000000000000000000000000001", "1e-400"}) {
            assertSameAsJdk(s);
        }
        for (String s : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "NaN", "Infinity", "0x10",
            "1d", "1f", "12a", " 1", "1 ", "1e999", "--1"}) {
            assertTrue(NumberParser.isNotANumber(parse(s, '.')), "not a number: '" + s + "'");
        }
        assertEquals(1234.56, parse("1234,56", ','));
        assertTrue(NumberParser.isNotANumber(parse("1234.56", ',')), "a dot is not a decimal in a decimal-comma file");
    }
}
