package org.segmentlab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static final double NaN = Double.NaN;
    private static final Map<String, double[]> COLS = Map.of(
            "A", new double[] {1, 2, 3, NaN},
            "B", new double[] {4, 0, -2, 5},
            "Annual Income", new double[] {10, 20, 30, 40},
            "PURCHASES", new double[] {100, 0, 50, 10},
            "CASH_ADVANCE", new double[] {0, 0, 50, 30});

    private static double[] eval(String text) throws PrepException {
        return Expression.compile("X", text, COLS.keySet(), List.of("REGION")).evaluate(COLS::get, 4);
    }

    private static String error(String text) {
        return assertThrows(PrepException.class, () -> eval(text)).getMessage();
    }

    @Test
    void precedenceAndAssociativity() throws PrepException {
        assertArrayEquals(new double[] {9, 2, -1, NaN}, eval("A + B * 2"), 0);
        assertArrayEquals(new double[] {10, 4, 2, NaN}, eval("(A + B) * 2"), 0);
        // Left-associative: 12 / A / 2 = (12 / A) / 2, and A - B - 1 = (A - B) - 1.
        assertArrayEquals(new double[] {6, 3, 2, NaN}, eval("12 / A / 2"), 0);
        assertArrayEquals(new double[] {-4, 1, 4, NaN}, eval("A - B - 1"), 0);
        assertArrayEquals(new double[] {2.5e-1, 2.5e-1, 2.5e-1, 2.5e-1}, eval("1.0e2 / 4e2"), 0);
    }

    @Test
    void unaryMinus() throws PrepException {
        assertArrayEquals(new double[] {-1, -2, -3, NaN}, eval("-A"), 0);
        assertArrayEquals(new double[] {1, 2, 3, NaN}, eval("--A"), 0);
        assertArrayEquals(new double[] {-4, 0, 2, -5}, eval("-B * 1"), 0);
        assertArrayEquals(new double[] {5, 2, 1, NaN}, eval("B - -A"), 0);
        // Unary minus binds tighter than *, so -2*-3 is 6.
        assertArrayEquals(new double[] {6, 6, 6, 6}, eval("-2*-3"), 0);
    }

    @Test
    void functions() throws PrepException {
        assertArrayEquals(new double[] {Math.log1p(1), Math.log1p(2), Math.log1p(3), NaN}, eval("log1p(A)"), 0);
        assertArrayEquals(new double[] {Math.log(4), NaN, NaN, Math.log(5)}, eval("log(B)"), 0);
        assertArrayEquals(new double[] {2, 0, NaN, Math.sqrt(5)}, eval("sqrt(B)"), 0);
        assertArrayEquals(new double[] {4, 0, 2, 5}, eval("abs(B)"), 0);
        assertArrayEquals(new double[] {1, 0, -2, NaN}, eval("min(A, B)"), 0);
        assertArrayEquals(new double[] {4, 2, 3, NaN}, eval("max(A, B)"), 0);
        assertArrayEquals(new double[] {6, 2, 2, 7}, eval("max(B, 2, 3 - 1, B + 2)"), 0);
        assertArrayEquals(new double[] {NaN, NaN, NaN, NaN}, eval("log1p(-1) + 0 * B"), 0);
    }

    @Test
    void backquotedNamesAndNamesWithUnderscores() throws PrepException {
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, NaN}, eval("A / `Annual Income`"), 1e-15);
        assertArrayEquals(new double[] {100, 0, 50.0 / 51, 10.0 / 31}, eval("PURCHASES / (CASH_ADVANCE + 1)"), 1e-15);
        Expression e = Expression.compile("X", "`A` + `Annual Income` + A", COLS.keySet(), List.of());
        assertEquals(List.of("A", "Annual Income"), e.columns());
    }

    @Test
    void missingValuesAndDivisionByZeroGiveMissing() throws PrepException {
        double[] r = eval("PURCHASES / CASH_ADVANCE");
        assertTrue(Double.isNaN(r[0]) && Double.isNaN(r[1]), "division by zero is missing, not infinite");
        assertEquals(1.0, r[2]);
        double[] s = eval("A * 0 + 1");
        assertEquals(1.0, s[0]);
        assertTrue(Double.isNaN(s[3]), "a missing operand propagates");
        assertTrue(Double.isNaN(eval("1 / (A - A)")[0]));
    }

    @Test
    void evaluationDoesNotModifyColumns() throws PrepException {
        double[] before = COLS.get("A").clone();
        eval("A");
        eval("-A");
        eval("log1p(A) + A * A");
        double[] plain = eval("A");
        plain[0] = 99;
        assertArrayEquals(before, COLS.get("A"), 0);
    }

    @Test
    void singleRowEvaluation() throws PrepException {
        Expression e = Expression.compile("R", "PURCHASES / (CASH_ADVANCE + 1)", COLS.keySet(), List.of());
        assertEquals(25.0, e.evaluate(c -> c.equals("PURCHASES") ? 50.0 : 1.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PURCHASES / (CASH              | unknown column 'CASH' (did you mean CASH_ADVANCE?) at position 14",
        "(A + (B * 2)                   | ')' expected at position 13 (end of expression)",
        "PURCHASES / (CASH_ADVANCE      | ')' expected at position 26 (end of expression)",
        "A + B)                         | unexpected ')' (unbalanced parenthesis) at position 6",
        "A + UNKNOWN                    | unknown column 'UNKNOWN' at position 5",
        "A + PURCHASE                   | unknown column 'PURCHASE' (did you mean PURCHASES?) at position 5",
        "foo(A)                         | unknown function 'foo' (use log1p, log, sqrt, abs, min or max) at position 1",
        "A B                            | unexpected 'B': an operator is missing or this is extra text at position 3",
        "A + 2 xyz                      | unexpected 'x': an operator is missing or this is extra text at position 7",
        "A *                            | a number, column or '(' expected at position 4 (end of expression)",
        "A + `Annual Income             | closing backquote expected at position 19 (end of expression)",
        "REGION * 2                     | column 'REGION' is not numeric at position 1",
        "min(A)                         | min takes two or more arguments at position 1",
        "sqrt(A, B)                     | sqrt takes one argument, not 2 at position 1",
        "A + #                          | unexpected '#' (a number, column or '(' expected) at position 5",
        "1.2.3                          | '1.2.3' is not a number at position 1",
    })
    void errorsNameTheExpressionAndPosition(String text, String expected) {
        String message = error(text.strip());
        assertEquals("In derived column X = `" + text.strip() + "`: " + expected, message);
    }

    @Test
    void emptyExpressionIsRefused() {
        assertEquals("In derived column X = ``: the expression is empty at position 1 (end of expression)", error(""));
    }

    @Test
    void fastOnAMillionRows() throws PrepException {
        int n = 1_000_000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = i % 7;
        }
        Expression e = Expression.compile("R", "log1p(a) / (b + 1) - max(a, b) * 2", List.of("a", "b"), List.of());
        double[] r = e.evaluate(Map.of("a", a, "b", b)::get, n);
        assertEquals(Math.log1p(999_999) / (999_999 % 7 + 1) - 999_999 * 2.0, r[n - 1], 1e-9);
    }

    @Test
    void visitorSeesTheTreeWithPrecedenceAndUnaryMinus() throws PrepException {
        Expression e = Expression.compile("X", "-A + `Annual Income` * 2 / max(A, 3, -1) - log1p(A)",
                COLS.keySet(), List.of());
        String tree = e.accept(new Expression.Visitor<String>() {
            public String number(double v) {
                return Double.toString(v);
            }

            public String column(String name) {
                return "[" + name + "]";
            }

            public String negate(String a) {
                return "neg(" + a + ")";
            }

            public String binary(char op, String l, String r) {
                return "(" + l + " " + op + " " + r + ")";
            }

            public String function(String name, List<String> args) {
                return name + args;
            }
        });
        assertEquals("((neg([A]) + (([Annual Income] * 2.0) / max[[A], 3.0, -1.0])) - log1p[[A]])", tree);
    }
}
