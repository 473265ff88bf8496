package org.segmentlab;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.segmentlab.cli.SegmentLabCli;

/**
 * The jar's entry point. It does not extend {@code Application}, so a plain {@code java -jar} starts
 * JavaFX from the class path. With a command ({@code inspect}, {@code analyze}, ...) or an option it
 * runs the CLI without touching JavaFX; otherwise it opens the window, on the given file if any.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (SegmentLabCli.wantsCli(args)) {
            Charset cs = Charset.defaultCharset();
            int code = SegmentLabCli.run(args, new PrintWriter(System.out, true, cs), new PrintWriter(System.err, true, cs));
            System.exit(code);
        }
        org.segmentlab.app.SegmentLabApp.launchWith(args);
    }
}
