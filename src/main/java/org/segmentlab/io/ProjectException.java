package org.segmentlab.io;

/** A project file that cannot be opened; the message says why and what to do. */
public final class ProjectException extends Exception {
    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
