package org.segmentlab.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a cell's bytes into text. ASCII cells take a copy-only path; others are decoded with the
 * file's charset, and invalid UTF-8 raises {@link InvalidEncoding} so the loader can retry the file
 * as windows-1252. One instance per thread.
 */
final class TextDecoder {

    /** Thrown (without a stack trace) when a cell is not valid in the expected charset. */
    static final class InvalidEncoding extends RuntimeException {
        InvalidEncoding() {
            super("invalid encoding", null, false, false);
        }
    }

    private final Charset charset;
    private final CharsetDecoder strict;

    private final boolean report;

    TextDecoder(Charset charset) {
        this(charset, true);
    }

    /** @param report true to raise {@link InvalidEncoding} on invalid UTF-8, false to replace it */
    TextDecoder(Charset charset, boolean report) {
        this.charset = charset;
        this.report = report;
        this.strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    String decode(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return decodeNonAscii(b, from, to);
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String decodeNonAscii(byte[] b, int from, int to) {
        if (!report || !charset.equals(StandardCharsets.UTF_8)) {
            return new String(b, from, to - from, charset);
        }
        try {
            CharBuffer cb = strict.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEncoding();
        }
    }
}
