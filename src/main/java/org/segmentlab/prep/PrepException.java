package org.segmentlab.prep;

/**
 * A preparation that cannot be done as asked (unknown column, bad expression, log1p on values below
 * -1, no features left...). The message says which column or expression and what to do.
 */
public class PrepException extends Exception {
    public PrepException(String message) {
        super(message);
    }
}
