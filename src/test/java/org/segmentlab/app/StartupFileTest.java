package org.segmentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupFileTest {

    @TempDir
    Path cwd;
    @TempDir
    Path home;

    @Test
    void theFirstNonOptionArgumentWins() throws IOException {
        Path last = Files.writeString(cwd.resolve("last.csv"), "a");
        assertEquals(Optional.of(cwd.resolve("data.csv")),
                StartupFile.choose(List.of("--verbose", "data.csv", "x.csv"), last.toString(), cwd, home));
    }

    @Test
    void elseTheLastFileIfItStillExists() throws IOException {
        Path last = Files.writeString(cwd.resolve("last.csv"), "a");
        assertEquals(Optional.of(last), StartupFile.choose(List.of(), last.toString(), cwd, home));
        Files.delete(last);
        Path sample = StartupFile.choose(List.of(), last.toString(), cwd, home).orElseThrow();
        assertEquals(home.resolve("samples/cc_general.csv"), sample, "a missing last file falls back to the sample");
    }

    @Test
    void theProjectsSampleIsPreferredToTheBundledCopy() throws IOException {
        Path local = cwd.resolve("samples/cc_general.csv");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "x");
        assertEquals(Optional.of(local), StartupFile.choose(List.of(), null, cwd, home));
    }

    @Test
    void theBundledSampleIsCopiedOutOfTheClassPath() throws IOException {
        Path copy = StartupFile.choose(List.of(), null, cwd, home).orElseThrow();
        assertEquals(home.resolve("samples/cc_general.csv"), copy);
        try (InputStream in = StartupFile.class.getResourceAsStream("/samples/cc_general.csv")) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(copy));
        }
    }
}
