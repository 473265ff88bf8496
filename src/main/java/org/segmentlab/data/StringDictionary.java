package org.segmentlab.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Open-addressing map from text to a dense code (0, 1, 2, ... in order of first appearance), for
 * dictionary-encoding text columns without boxing. Texts are kept as UTF-8 bytes in one growing array
 * (no String per entry: a million unique ids would otherwise cost ~56 MB of String objects). Each slot
 * keeps the full hash, so a probe compares bytes only on a likely match. Not thread-safe: one per
 * parsing chunk.
 */
final class StringDictionary {

    private int[] slots;  // code + 1, 0 = empty
    private int[] hashes; // full hash of the slot's bytes
    private int size;
    private byte[] data;
    private int used;
    private int[] offsets; // offsets[code] = start; offsets[size] = used

    StringDictionary() {
        this(16);
    }

    StringDictionary(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[cap];
        hashes = new int[cap];
        offsets = new int[Math.max(16, expected) + 1];
        data = new byte[Math.max(64, expected * 8)];
    }

    int size() {
        return size;
    }

    String get(int code) {
        return new String(data, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
    }

    /** The code of {@code s}, adding it when new. */
    int codeOf(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        return codeOf(u, 0, u.length);
    }

    /** The code of entry {@code code} of {@code other}, adding it when new (merging chunk dictionaries). */
    int codeOf(StringDictionary other, int code) {
        return codeOf(other.data, other.offsets[code], other.offsets[code + 1]);
    }

    /** The code of the UTF-8 text {@code b[from, to)}, adding it when new. */
    int codeOf(byte[] b, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        hash = mix(hash);
        int mask = slots.length - 1;
        int h = hash & mask;
        int len = to - from;
        while (true) {
            int slot = slots[h];
            if (slot == 0) {
                break;
            }
            if (hashes[h] == hash) {
                int s = offsets[slot - 1];
                if (offsets[slot] - s == len && Arrays.equals(data, s, s + len, b, from, to)) {
                    return slot - 1;
                }
            }
            h = (h + 1) & mask;
        }
        int code = size++;
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length + (offsets.length >> 1) + 16);
        }
        if (used + len > data.length) {
            data = Arrays.copyOf(data, Math.max(used + len, data.length + (data.length >> 1) + 64));
        }
        System.arraycopy(b, from, data, used, len);
        used += len;
        offsets[code + 1] = used;
        slots[h] = code + 1;
        hashes[h] = hash;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private void rehash() {
        int cap = slots.length * 2;
        int[] newSlots = new int[cap];
        int[] newHashes = new int[cap];
        int mask = cap - 1;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0) {
                int h = hashes[i] & mask;
                while (newSlots[h] != 0) {
                    h = (h + 1) & mask;
                }
                newSlots[h] = slots[i];
                newHashes[h] = hashes[i];
            }
        }
        slots = newSlots;
        hashes = newHashes;
    }

    /** The entries in code order, as Strings (allocates one per entry). */
    String[] toArray() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The entries in code order, compact (trimmed copies; this dictionary stays usable). */
    CompactStrings toCompact() {
        return new CompactStrings(Arrays.copyOf(data, used), Arrays.copyOf(offsets, size + 1));
    }
}
