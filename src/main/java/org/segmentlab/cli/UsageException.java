package org.segmentlab.cli;

/** A command line that is well-formed for picocli but asks for something impossible (exit code 2). */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
