package org.segmentlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.segmentlab.io.AppLog;

/**
 * Which file the window opens at start: the first non-option argument; else the last file if it
 * still exists; else the bundled sample ({@code samples/cc_general.csv} beside the working directory,
 * else the copy shipped in the jar, extracted to {@code <home>/samples/}).
 */
public final class StartupFile {

    public static final String SAMPLE = "cc_general.csv";

    private StartupFile() {
    }

    public static Optional<Path> choose(List<String> args, String lastFile, Path workingDir, Path home) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return Optional.of(workingDir.resolve(a).toAbsolutePath().normalize());
            }
        }
        if (lastFile != null && !lastFile.isBlank()) {
            Path last = Path.of(lastFile);
            if (Files.isRegularFile(last)) {
                return Optional.of(last);
            }
        }
        return sample(workingDir, home);
    }

    /** The bundled sample, extracting it from the class path when there is no project folder. */
    public static Optional<Path> sample(Path workingDir, Path home) {
        Path local = workingDir.resolve("samples").resolve(SAMPLE);
        if (Files.isRegularFile(local)) {
            return Optional.of(local.toAbsolutePath().normalize());
        }
        Path copy = home.resolve("samples").resolve(SAMPLE);
        if (Files.isRegularFile(copy)) {
            return Optional.of(copy);
        }
        try (InputStream in = StartupFile.class.getResourceAsStream("/samples/" + SAMPLE)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(copy.getParent());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(copy);
        } catch (IOException e) {
            AppLog.error("Could not copy the bundled sample to " + copy, e);
            return Optional.empty();
        }
    }
}
