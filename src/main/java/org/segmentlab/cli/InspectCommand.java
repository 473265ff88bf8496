package org.segmentlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code inspect --input FILE [--json OUT]}: the dialect, row count and a table of column statistics. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a CSV file's dialect and columns.")
public final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
