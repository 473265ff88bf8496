package org.segmentlab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segmentlab.cli.SegmentLabCli;

/** {@code java -jar segmentlab.jar [FILE.csv]} opens the window; a command or an option runs the CLI. */
class LauncherTest {

    @Test
    void commandsAndOptionsGoToTheCli() {
        assertTrue(SegmentLabCli.wantsCli(new String[] {"inspect", "--input", "x.csv"}));
        assertTrue(SegmentLabCli.wantsCli(new String[] {"analyze", "--input", "x.csv"}));
        assertTrue(SegmentLabCli.wantsCli(new String[] {"--version"}));
        assertTrue(SegmentLabCli.wantsCli(new String[] {"--help"}));
    }

    @Test
    void noArgumentsOrAFileOpenTheWindow() {
        assertFalse(SegmentLabCli.wantsCli(new String[0]));
        assertFalse(SegmentLabCli.wantsCli(new String[] {"customers.csv"}));
        assertFalse(SegmentLabCli.wantsCli(new String[] {"/data/analyze.csv"}));
    }
}
