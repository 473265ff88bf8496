package org.segmentlab.prep;

/**
 * A per-column imputation: a strategy, and the constant when the strategy is {@code CONSTANT}.
 */
public record Imputation(ImputeStrategy strategy, double constant) {

    public static Imputation of(ImputeStrategy strategy) {
        return new Imputation(strategy, Double.NaN);
    }

    public static Imputation constant(double value) {
        return new Imputation(ImputeStrategy.CONSTANT, value);
    }

    /** Parses "mean", "median", "mode", "drop" or a number. */
    public static Imputation parse(String text) {
        String t = text.trim();
        for (ImputeStrategy s : ImputeStrategy.values()) {
            if (s != ImputeStrategy.CONSTANT && s.cliName().equalsIgnoreCase(t)) {
                return of(s);
            }
        }
        try {
            return constant(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown imputation '" + text
                    + "': use mean, median, mode, drop or a number");
        }
    }
}
