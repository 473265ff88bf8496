package org.segmentlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log file where stack traces go (never to the user's screen): {@code <home>/logs/segmentlab.log},
 * where home is the {@code segmentlab.home} system property or {@code ~/.segmentlab}.
 */
public final class AppLog {

    private static final Logger LOG = Logger.getLogger("org.segmentlab");
    private static volatile boolean configured;

    private AppLog() {
    }

    /** SegmentLab's own folder for settings and logs. */
    public static Path home() {
        String prop = System.getProperty("segmentlab.home");
        return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".segmentlab");
    }

    public static Path logFile() {
        return home().resolve("logs").resolve("segmentlab.log");
    }

    private static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        LOG.setUseParentHandlers(false);
        try {
            Files.createDirectories(logFile().getParent());
            FileHandler handler = new FileHandler(logFile().toString(), 5_000_000, 1, true);
            handler.setFormatter(new SimpleFormatter());
            LOG.addHandler(handler);
        } catch (IOException | RuntimeException e) {
            // No writable home: logging is best effort and must never stop the program.
            LOG.setLevel(Level.OFF);
        }
    }

    public static void error(String what, Throwable t) {
        configure();
        LOG.log(Level.SEVERE, what, t);
    }

    public static void warn(String what) {
        configure();
        LOG.warning(what);
    }

    public static void info(String what) {
        configure();
        LOG.info(what);
    }
}
