package org.segmentlab.data;

import java.util.List;
import java.util.Set;

/** The cell texts that mean "no value": empty, NA, N/A, NaN, null, NULL, ?, -, #N/A (after trimming). */
public final class MissingMarkers {

    /** The markers, as documented to users. */
    public static final List<String> MARKERS = List.of("", "NA", "N/A", "NaN", "null", "NULL", "?", "-", "#N/A");
    private static final Set<String> SET = Set.copyOf(MARKERS);

    private MissingMarkers() {
    }

    public static boolean isMissing(String trimmed) {
        return trimmed.length() <= 4 && SET.contains(trimmed);
    }

    static boolean isMissing(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (n > 4) {
            return false;
        }
        byte c = b[from];
        if (c != 'N' && c != 'n' && c != '?' && c != '-' && c != '#') {
            return false;
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) (b[from + i] & 0xff);
        }
        return SET.contains(new String(chars));
    }
}
