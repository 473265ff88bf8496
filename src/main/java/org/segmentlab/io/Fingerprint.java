package org.segmentlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A data file's identity: its size and SHA-256, to tell whether a project's data moved or changed. */
public record Fingerprint(long size, String sha256) {

    public static Fingerprint of(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, r);
                size += r;
            }
        }
        return new Fingerprint(size, HexFormat.of().formatHex(md.digest()));
    }
}
