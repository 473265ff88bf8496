package org.segmentlab.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable list of texts stored as one UTF-8 {@code byte[]} plus an {@code int[]} of offsets, so a
 * dictionary of a million short customer ids costs about its bytes plus 4 bytes each, not a million
 * String objects (about 56 bytes each). Strings are materialised only when asked for.
 */
final class CompactStrings {

    static final CompactStrings EMPTY = new CompactStrings(new byte[0], new int[] {0});

    private final byte[] data;
    /** Entry i is data[offsets[i], offsets[i + 1]); length size() + 1. */
    private final int[] offsets;

    /** Takes ownership of the arrays (callers pass trimmed private copies). */
    CompactStrings(byte[] data, int[] offsets) {
        this.data = data;
        this.offsets = offsets;
    }

    static CompactStrings of(String[] texts) {
        int[] offsets = new int[texts.length + 1];
        byte[][] enc = new byte[texts.length][];
        int total = 0;
        for (int i = 0; i < texts.length; i++) {
            enc[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            total += enc[i].length;
        }
        byte[] data = new byte[total];
        int pos = 0;
        for (int i = 0; i < texts.length; i++) {
            System.arraycopy(enc[i], 0, data, pos, enc[i].length);
            pos += enc[i].length;
            offsets[i + 1] = pos;
        }
        return new CompactStrings(data, offsets);
    }

    int size() {
        return offsets.length - 1;
    }

    String get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("dictionary code " + i + " of " + size());
        }
        return new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    String[] toArray() {
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Heap bytes of the two arrays (64-bit JVM estimate). */
    long estimatedBytes() {
        return 16L + ((data.length + 7L) & ~7L) + 16L + 4L * offsets.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactStrings c && Arrays.equals(data, c.data) && Arrays.equals(offsets, c.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(offsets);
    }
}
