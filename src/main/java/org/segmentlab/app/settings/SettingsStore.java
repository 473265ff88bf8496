package org.segmentlab.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.JsonSupport;

/**
 * Reads and writes {@link AppSettings} as JSON. A missing file gives defaults; a broken one is ignored
 * with a log line (a settings file must never stop the app from starting).
 */
public final class SettingsStore {

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore inHome() {
        return new SettingsStore(AppLog.home().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.empty();
        }
        try {
            AppSettings s = JsonSupport.mapper().readerFor(AppSettings.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile());
            return s == null ? AppSettings.empty() : s;
        } catch (IOException | RuntimeException e) {
            AppLog.warn("Ignoring the unreadable settings file " + file + ": " + e.getMessage());
            return AppSettings.empty();
        }
    }

    /** Writes atomically; a failure is logged, not thrown (closing the window must not fail). */
    public void save(AppSettings settings) {
        try {
            JsonSupport.write(file, settings);
        } catch (IOException | RuntimeException e) {
            AppLog.error("Could not save the settings to " + file, e);
        }
    }
}
