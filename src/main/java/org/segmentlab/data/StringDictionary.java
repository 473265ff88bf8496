package org.segmentlab.data;

import java.util.Arrays;

/**
 * Open-addressing map from text to a dense code (0, 1, 2, ... in order of first appearance), for
 * dictionary-encoding text columns without boxing. Each slot keeps the full hash, so a probe touches
 * the string only on a likely match (1M unique customer ids otherwise cost a cache miss per probe).
 * Not thread-safe: one per parsing chunk.
 */
final class StringDictionary {

    private int[] slots;  // code + 1, 0 = empty
    private int[] hashes; // full hash of the slot's string
    private int size;
    private String[] byCode;

    StringDictionary() {
        this(16);
    }

    StringDictionary(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[cap];
        hashes = new int[cap];
        byCode = new String[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    String get(int code) {
        return byCode[code];
    }

    /** The code of {@code s}, adding it when new. */
    int codeOf(String s) {
        int hash = mix(s.hashCode());
        int mask = slots.length - 1;
        int h = hash & mask;
        while (true) {
            int slot = slots[h];
            if (slot == 0) {
                break;
            }
            if (hashes[h] == hash && byCode[slot - 1].equals(s)) {
                return slot - 1;
            }
            h = (h + 1) & mask;
        }
        int code = size++;
        if (code == byCode.length) {
            byCode = Arrays.copyOf(byCode, byCode.length * 2);
        }
        byCode[code] = s;
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

    /** The entries in code order (a trimmed copy). */
    String[] toArray() {
        return Arrays.copyOf(byCode, size);
    }
}
