package org.segmentlab.prep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * An arithmetic expression over numeric columns, compiled to a tree that is evaluated column-wise over
 * primitive arrays (one tight loop per operator, fast on a million rows).
 *
 * <p>Grammar: numbers, column names (backquoted when they hold spaces or symbols:
 * {@code `Annual Income`}), {@code + - * /}, unary minus, parentheses and the functions
 * {@code log1p log sqrt abs} (one argument) and {@code min max} (two or more). A missing operand, a
 * division by zero, the log of a value &lt;= 0, log1p of a value &lt;= -1, the square root of a
 * negative value, or any non-finite result gives a missing value (NaN). Immutable and thread-safe.
 */
public final class Expression {

    private final String name;
    private final String text;
    private final Node root;
    private final List<String> columns;

    private Expression(String name, String text, Node root, List<String> columns) {
        this.name = name;
        this.text = text;
        this.root = root;
        this.columns = List.copyOf(columns);
    }

    /**
     * Parses an expression.
     *
     * @param name           the derived column's name, for messages (null when there is none)
     * @param text           the expression
     * @param numericColumns names the expression may use
     * @param otherColumns   names that exist but are not numeric (named as such in the error)
     * @throws PrepException naming the expression, what is wrong and the 1-based character position
     */
    public static Expression compile(String name, String text, Collection<String> numericColumns,
                                     Collection<String> otherColumns) throws PrepException {
        Parser p = new Parser(name, text, Set.copyOf(numericColumns), Set.copyOf(otherColumns));
        Node root = p.parse();
        return new Expression(name, text, root, new ArrayList<>(p.used));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The columns the expression reads, in order of first use. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Evaluates over {@code n} rows. The arrays {@code columns} hands out are read, never modified.
     *
     * @return a new array of n values, NaN where the result is missing or not finite
     */
    public double[] evaluate(Function<String, double[]> columnValues, int n) {
        double[] out = root.eval(columnValues, n);
        if (root instanceof Ref) {
            out = out.clone();
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Evaluates on one row, given each column's value (NaN = missing). */
    public double evaluate(ToDoubleFunction<String> row) {
        double[] v = evaluate(c -> new double[] {row.applyAsDouble(c)}, 1);
        return v[0];
    }

    /**
     * Walks the parsed tree bottom-up, for code that translates an expression into another form (the PMML
     * export) without parsing the text a second time.
     */
    public <T> T accept(Visitor<T> visitor) {
        return root.accept(visitor);
    }

    /** What {@link #accept} calls for each node, children first. */
    public interface Visitor<T> {
        T number(double value);

        T column(String name);

        T negate(T operand);

        /** {@code op} is one of {@code + - * /}. */
        T binary(char op, T left, T right);

        /** {@code name} is one of {@code log1p log sqrt abs min max}. */
        T function(String name, List<T> args);
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- tree -------------------------------------------------------------------------------

    private interface Node {
        /** Returns an array of n values; may return a column's own array for a plain reference. */
        double[] eval(Function<String, double[]> cols, int n);

        <T> T accept(Visitor<T> v);
    }

    private record Num(double value) implements Node {
        @Override
        public <T> T accept(Visitor<T> v) {
            return v.number(value);
        }

        @Override
        public double[] eval(Function<String, double[]> cols, int n) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, value);
            return out;
        }
    }

    private record Ref(String column) implements Node {
        @Override
        public <T> T accept(Visitor<T> v) {
            return v.column(column);
        }

        @Override
        public double[] eval(Function<String, double[]> cols, int n) {
            double[] v = cols.apply(column);
            if (v == null || v.length < n) {
                throw new IllegalArgumentException("no values for column " + column);
            }
            return v;
        }
    }

    /** Evaluates a child into an array the caller may overwrite. */
    private static double[] fresh(Node node, Function<String, double[]> cols, int n) {
        double[] v = node.eval(cols, n);
        return node instanceof Ref ? java.util.Arrays.copyOf(v, n) : v;
    }

    private record Neg(Node arg) implements Node {
        @Override
        public <T> T accept(Visitor<T> v) {
            return v.negate(arg.accept(v));
        }

        @Override
        public double[] eval(Function<String, double[]> cols, int n) {
            double[] a = fresh(arg, cols, n);
            for (int i = 0; i < n; i++) {
                a[i] = -a[i];
            }
            return a;
        }
    }

    private record Bin(char op, Node left, Node right) implements Node {
        @Override
        public <T> T accept(Visitor<T> v) {
            return v.binary(op, left.accept(v), right.accept(v));
        }

        @Override
        public double[] eval(Function<String, double[]> cols, int n) {
            double[] a = fresh(left, cols, n);
            double[] b = right.eval(cols, n);
            switch (op) {
                case '+' -> {
                    for (int i = 0; i < n; i++) {
                        a[i] += b[i];
                    }
                }
                case '-' -> {
                    for (int i = 0; i < n; i++) {
                        a[i] -= b[i];
                    }
                }
                case '*' -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= b[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        // Division by zero is a missing value, not an infinity.
                        a[i] = b[i] == 0.0 ? Double.NaN : a[i] / b[i];
                    }
                }
            }
            return a;
        }
    }

    private record Fn(String fn, List<Node> args) implements Node {
        @Override
        public <T> T accept(Visitor<T> v) {
            return v.function(fn, args.stream().map(a -> a.<T>accept(v)).toList());
        }

        @Override
        public double[] eval(Function<String, double[]> cols, int n) {
            double[] a = fresh(args.get(0), cols, n);
            switch (fn) {
                case "log1p" -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = a[i] > -1.0 ? Math.log1p(a[i]) : Double.NaN;
                    }
                }
                case "log" -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = a[i] > 0.0 ? Math.log(a[i]) : Double.NaN;
                    }
                }
                case "sqrt" -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = a[i] >= 0.0 ? Math.sqrt(a[i]) : Double.NaN;
                    }
                }
                case "abs" -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.abs(a[i]);
                    }
                }
                case "min" -> {
                    for (int k = 1; k < args.size(); k++) {
                        double[] b = args.get(k).eval(cols, n);
                        for (int i = 0; i < n; i++) {
                            a[i] = Math.min(a[i], b[i]); // NaN (missing) propagates
                        }
                    }
                }
                case "max" -> {
                    for (int k = 1; k < args.size(); k++) {
                        double[] b = args.get(k).eval(cols, n);
                        for (int i = 0; i < n; i++) {
                            a[i] = Math.max(a[i], b[i]);
                        }
                    }
                }
                default -> throw new IllegalStateException(fn);
            }
            return a;
        }
    }

    // ---- parser -----------------------------------------------------------------------------

    private static final Set<String> UNARY = Set.of("log1p", "log", "sqrt", "abs");
    private static final Set<String> VARIADIC = Set.of("min", "max");

    /** Recursive descent; positions in messages are 1-based character positions in the expression. */
    private static final class Parser {
        private final String name;
        private final String s;
        private final Set<String> numeric;
        private final Set<String> other;
        private final Set<String> used = new LinkedHashSet<>();
        private int pos;

        Parser(String name, String s, Set<String> numeric, Set<String> other) {
            this.name = name;
            this.s = s;
            this.numeric = numeric;
            this.other = other;
        }

        Node parse() throws PrepException {
            skip();
            if (pos >= s.length()) {
                throw error("the expression is empty", pos);
            }
            Node n = expr();
            skip();
            if (pos < s.length()) {
                throw error("unexpected '" + s.charAt(pos) + "'"
                        + (s.charAt(pos) == ')' ? " (unbalanced parenthesis)" : ": an operator is missing or this is extra text"), pos);
            }
            return n;
        }

        private PrepException error(String what, int at) {
            String where = at >= s.length() ? " at position " + (at + 1) + " (end of expression)" : " at position " + (at + 1);
            String prefix = name == null ? "In expression `" + s + "`: " : "In derived column " + name + " = `" + s + "`: ";
            return new PrepException(prefix + what + where);
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private Node expr() throws PrepException {
            Node left = term();
            while (true) {
                if (eat('+')) {
                    left = new Bin('+', left, term());
                } else if (eat('-')) {
                    left = new Bin('-', left, term());
                } else {
                    return left;
                }
            }
        }

        private Node term() throws PrepException {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    left = new Bin('*', left, unary());
                } else if (eat('/')) {
                    left = new Bin('/', left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() throws PrepException {
            if (eat('-')) {
                Node a = unary();
                return a instanceof Num num ? new Num(-num.value()) : new Neg(a);
            }
            if (eat('+')) {
                return unary();
            }
            return primary();
        }

        private Node primary() throws PrepException {
            skip();
            if (pos >= s.length()) {
                throw error("a number, column or '(' expected", pos);
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expr();
                expect(')');
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (c == '`') {
                int start = pos;
                int close = s.indexOf('`', pos + 1);
                if (close < 0) {
                    throw error("closing backquote expected", s.length());
                }
                String col = s.substring(pos + 1, close);
                pos = close + 1;
                return column(col, start);
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '.')) {
                    pos++;
                }
                String word = s.substring(start, pos);
                skip();
                if (pos < s.length() && s.charAt(pos) == '(') {
                    return function(word, start);
                }
                return column(word, start);
            }
            throw error("unexpected '" + c + "' (a number, column or '(' expected)", pos);
        }

        private void expect(char c) throws PrepException {
            if (!eat(c)) {
                throw error("'" + c + "' expected", pos);
            }
        }

        private Node number() throws PrepException {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            String t = s.substring(start, pos);
            try {
                return new Num(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw error("'" + t + "' is not a number", start);
            }
        }

        private Node column(String col, int at) throws PrepException {
            if (numeric.contains(col)) {
                used.add(col);
                return new Ref(col);
            }
            if (other.contains(col)) {
                throw error("column '" + col + "' is not numeric", at);
            }
            List<String> all = new ArrayList<>(numeric);
            String hint = Names.didYouMean(col, all);
            if (hint.isEmpty() && col.indexOf(' ') < 0 && at + col.length() < s.length()
                    && s.charAt(at + col.length()) == ' ') {
                hint = " (write names with spaces or symbols in backquotes, e.g. `Annual Income`)";
            }
            throw error("unknown column '" + col + "'" + hint, at);
        }

        private Node function(String fn, int at) throws PrepException {
            if (!UNARY.contains(fn) && !VARIADIC.contains(fn)) {
                throw error("unknown function '" + fn + "' (use log1p, log, sqrt, abs, min or max)", at);
            }
            expect('(');
            List<Node> args = new ArrayList<>();
            args.add(expr());
            while (eat(',')) {
                args.add(expr());
            }
            expect(')');
            if (UNARY.contains(fn) && args.size() != 1) {
                throw error(fn + " takes one argument, not " + args.size(), at);
            }
            if (VARIADIC.contains(fn) && args.size() < 2) {
                throw error(fn + " takes two or more arguments", at);
            }
            return new Fn(fn, List.copyOf(args));
        }
    }
}
