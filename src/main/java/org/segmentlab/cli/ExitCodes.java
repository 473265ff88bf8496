package org.segmentlab.cli;

/** The CLI's exit codes, as the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int BAD_DATA = 3;
    public static final int OTHER = 4;

    private ExitCodes() {
    }
}
