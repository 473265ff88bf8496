package org.segmentlab.metrics;

/**
 * How silhouettes are computed: exact, on a seeded sample, automatically (exact up to
 * {@link #AUTO_EXACT_LIMIT} rows, else a {@link #AUTO_SAMPLE}-row sample), or not at all.
 *
 * @param kind       AUTO, EXACT, SAMPLE or OFF
 * @param sampleSize rows in the sample when kind is SAMPLE
 */
public record SilhouetteMode(Kind kind, int sampleSize) {

    public static final int AUTO_EXACT_LIMIT = 20_000;
    public static final int AUTO_SAMPLE = 10_000;

    public enum Kind { AUTO, EXACT, SAMPLE, OFF }

    public static final SilhouetteMode AUTO = new SilhouetteMode(Kind.AUTO, 0);
    public static final SilhouetteMode EXACT = new SilhouetteMode(Kind.EXACT, 0);
    public static final SilhouetteMode OFF = new SilhouetteMode(Kind.OFF, 0);

    public static SilhouetteMode sample(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a silhouette sample needs at least 2 rows");
        }
        return new SilhouetteMode(Kind.SAMPLE, n);
    }

    /** Parses auto, exact, off or sample:N. */
    public static SilhouetteMode parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "auto" -> AUTO;
            case "exact" -> EXACT;
            case "off" -> OFF;
            default -> {
                if (t.startsWith("sample:")) {
                    try {
                        yield sample(Integer.parseInt(t.substring(7)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("silhouette sample size must be a whole number: " + s);
                    }
                }
                throw new IllegalArgumentException("silhouette must be auto, exact, sample:N or off, not " + s);
            }
        };
    }

    /** Rows to use for n rows of data: n for exact, the sample size otherwise, 0 for off. */
    public int rowsFor(int n) {
        return switch (kind) {
            case OFF -> 0;
            case EXACT -> n;
            case SAMPLE -> Math.min(n, sampleSize);
            case AUTO -> n <= AUTO_EXACT_LIMIT ? n : Math.min(n, AUTO_SAMPLE);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SAMPLE ? "sample:" + sampleSize : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
