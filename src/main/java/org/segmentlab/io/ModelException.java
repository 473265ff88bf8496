package org.segmentlab.io;

import java.nio.file.Path;

/**
 * A model file ({@code model.json}) that cannot be used; the message names the file, says what is
 * wrong and what to do. Never carries a stack trace into the message.
 */
public final class ModelException extends Exception {

    private final Path file;

    public ModelException(Path file, String message, Throwable cause) {
        super((file == null ? "" : file.getFileName() + ": ") + message, cause);
        this.file = file;
    }

    /** The model file, or null. */
    public Path file() {
        return file;
    }
}
