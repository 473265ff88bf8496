package org.segmentlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash never leaves half of it: the body goes to a temporary file beside the
 * target, which is then renamed over it (atomically where the file system can). The temporary file is
 * created like any new file (the user's umask applies), so the result has the permissions a plain write
 * would give it, not the owner-only ones of {@link Files#createTempFile}.
 */
public final class AtomicFiles {

    /** What to write; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What to write for writers that want a path (CSV printers, ImageIO, a copy). */
    @FunctionalInterface
    public interface PathBody {
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Body body) throws IOException {
        writeVia(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
        });
    }

    public static void writeVia(Path file, PathBody body) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = tempBeside(target);
        try {
            body.writeTo(tmp);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * An empty new file in the target's folder (created if needed), for callers that stream into it over a
     * long time and then {@link #replace} the target; they delete it themselves when they fail.
     */
    public static Path tempBeside(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
