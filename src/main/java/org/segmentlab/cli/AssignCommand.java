package org.segmentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.segmentlab.data.DataException;
import org.segmentlab.io.AssignStream;
import org.segmentlab.io.ModelException;
import org.segmentlab.io.ModelJson;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assign --model model.json --input FILE --out OUT.csv}: puts new customers into the segments
 * of a saved model, streaming (memory does not grow with the file).
 */
@Command(name = "assign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assign each row of a CSV file to the nearest segment of a saved model (model.json).",
                "OUT.csv gets every input column plus cluster, segment, distance and problem.",
                "Progress and notes go to stderr; a summary to stdout."})
public final class AssignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "model.json", description = "the model SegmentLab saved")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the customers to assign (CSV)")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the assigned rows")
    Path out;

    @Option(names = "--delimiter", paramLabel = "C", description = "the input's delimiter (default: sniffed; use \\t for tab)")
    String delimiter;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AssignStream.Options options = new AssignStream.Options(parseDelimiter(), 64 * 1024);
        if (input.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UsageException("--out must not be the --input file");
        }
        try {
            ClusterModel m = ModelJson.read(model);
            AssignStream.Plan plan = AssignStream.plan(m, input, options);
            for (String note : plan.notes()) {
                err.println("note: " + note);
            }
            err.flush();
            ProgressListener progress = quiet ? ProgressListener.NONE : new Progress(err);
            AssignStream.Summary s = AssignStream.run(m, plan, out, options, progress, CancellationToken.NONE);
            if (!quiet) {
                err.println();
                err.flush();
            }
            stdout.printf(Locale.ROOT, "%s: %,d rows, %,d assigned, %,d without a cluster (%.1f s)%n",
                    input.getFileName(), s.rows(), s.assigned(), s.unassigned(), s.seconds());
            long[] per = s.perCluster();
            for (int c = 0; c < m.k(); c++) {
                stdout.printf(Locale.ROOT, "cluster %d %s: %,d%n", c, m.segmentName(c), per[c]);
            }
            for (String p : s.problems()) {
                stdout.println("not assigned: " + p);
            }
            stdout.println("Wrote " + s.output());
            return ExitCodes.OK;
        } catch (ModelException | DataException e) {
            // Bad model file or bad input data: the message already says which file and what to do.
            err.println("Error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_DATA;
        }
    }

    private Character parseDelimiter() {
        if (delimiter == null) {
            return null;
        }
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1 || ",;\t|".indexOf(d.charAt(0)) < 0) {
            throw new UsageException("--delimiter must be one of , ; | or \\t, not '" + delimiter + "'");
        }
        return d.charAt(0);
    }

    /** A one-line progress display on stderr, updated at most every 200 ms. */
    private static final class Progress implements ProgressListener {
        private final PrintWriter err;
        private long last;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(double fraction, String message) {
            long now = System.nanoTime();
            if (now - last < 200_000_000L && fraction < 1) {
                return;
            }
            last = now;
            err.print(String.format(Locale.ROOT, "\r%3.0f%% %-50s", 100 * Math.max(0, fraction), message));
            err.flush();
        }
    }
}
