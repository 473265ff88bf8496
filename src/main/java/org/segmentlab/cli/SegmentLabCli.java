package org.segmentlab.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.segmentlab.data.DataException;
import org.segmentlab.io.AppLog;
import org.segmentlab.prep.PrepException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code segmentlab <command> ...}. */
@Command(name = "segmentlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Customer segmentation from the command line: the same analysis as the SegmentLab window.",
        subcommands = {InspectCommand.class, AnalyzeCommand.class, AssignCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error (unknown option, bad value)", "3:bad input data",
                "4:anything else (see the log)"})
public final class SegmentLabCli implements Runnable {

    /** First arguments that mean "run the CLI" rather than "open the window". */
    public static final Set<String> COMMANDS = Set.of("inspect", "analyze", "assign", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'segmentlab --help'");
    }

    /** True when these arguments ask for the CLI rather than the GUI. */
    public static boolean wantsCli(String[] args) {
        return args.length > 0 && (args[0].startsWith("-") || COMMANDS.contains(args[0]));
    }

    /** Runs the CLI and returns its exit code (does not call System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SegmentLabCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(SegmentLabCli::exitCodeOf);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeOf(ex);
            if (code == ExitCodes.OTHER) {
                AppLog.error("command failed", ex);
                commandLine.getErr().println("Error: " + ex + " (details in " + AppLog.logFile() + ")");
            } else {
                commandLine.getErr().println("Error: " + ex.getMessage());
            }
            commandLine.getErr().flush();
            return code;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // A file too large for the heap: say so plainly instead of dying with a stack trace.
            AppLog.error("out of memory", e);
            err.println("Error: not enough memory for this data (the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Run with more memory, e.g. "
                    + "java -Xmx8g -jar segmentlab.jar ..., or analyse fewer rows or columns.");
            code = ExitCodes.OTHER;
        }
        out.flush();
        err.flush();
        return code;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException || ex instanceof UsageException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof DataException || ex instanceof PrepException) {
            return ExitCodes.BAD_DATA;
        }
        return ExitCodes.OTHER;
    }
}
