package org.segmentlab.data;

import java.nio.file.Path;

/**
 * Bad input data, described for a person: which file, which line and column, what is wrong and what
 * to do about it. The message never contains a stack trace.
 */
public class DataException extends Exception {

    private final Path file;
    private final long line;
    private final String column;
    private final String problem;
    private final String advice;

    /**
     * @param file    the file being read, or null
     * @param line    1-based physical line number in the file, or 0 when it does not apply
     * @param column  the column's name, or null
     * @param problem what is wrong, as a sentence
     * @param advice  what the user can do, as a sentence, or null
     */
    public DataException(Path file, long line, String column, String problem, String advice) {
        this(file, line, column, problem, advice, null);
    }

    public DataException(Path file, long line, String column, String problem, String advice, Throwable cause) {
        super(compose(file, line, column, problem, advice), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.advice = advice;
    }

    private static String compose(Path file, long line, String column, String problem, String advice) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file.getFileName());
            if (line > 0) {
                sb.append(", line ").append(line);
            }
            if (column != null) {
                sb.append(", column ").append(column);
            }
            sb.append(": ");
        } else if (column != null) {
            sb.append("Column ").append(column).append(": ");
        }
        sb.append(problem);
        if (advice != null && !advice.isBlank()) {
            sb.append(' ').append(advice);
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String advice() {
        return advice;
    }
}
