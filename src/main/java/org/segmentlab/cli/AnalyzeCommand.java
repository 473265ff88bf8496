package org.segmentlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code analyze --input FILE ...}: the whole segmentation pipeline, headless. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Segment a CSV file's customers with k-means.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
