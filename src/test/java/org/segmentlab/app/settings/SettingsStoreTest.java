package org.segmentlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.io.AppLog;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private static AppSettings sample() {
        return new AppSettings(new AppSettings.WindowState(10, 20, 1300, 850, true),
                Map.of("main", List.of(0.22), "data", List.of(0.4)), "/data/cc_general.csv",
                List.of("/data/cc_general.csv", "/data/other.csv"),
                new AppSettings.AnalysisSettings("robust", "median", 2, 12, 5, false, 99L, 3));
    }

    @Test
    void settingsSurviveARoundTrip() {
        SettingsStore store = new SettingsStore(dir.resolve("sub/settings.json"));
        store.save(sample());
        assertTrue(Files.isRegularFile(store.file()));
        assertEquals(sample(), store.load());
    }

    @Test
    void aMissingFileGivesDefaults() {
        assertEquals(AppSettings.empty(), new SettingsStore(dir.resolve("none.json")).load());
    }

    @Test
    void aCorruptedFileIsIgnoredWithALogLine() throws IOException {
        Path f = Files.writeString(dir.resolve("settings.json"), "{\"window\": {\"width\": 12");
        assertEquals(AppSettings.empty(), new SettingsStore(f).load());
        String log = Files.readString(AppLog.logFile());
        assertTrue(log.contains("Ignoring the unreadable settings file " + f), "log line names the file");

        Files.writeString(f, "[1, 2, 3]");
        assertEquals(AppSettings.empty(), new SettingsStore(f).load());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path f = Files.writeString(dir.resolve("settings.json"),
                "{\"lastFile\": \"/x.csv\", \"theme\": \"dark\", \"analysis\": {\"seed\": 5, \"future\": true}}");
        AppSettings s = new SettingsStore(f).load();
        assertEquals("/x.csv", s.lastFile());
        assertEquals(5L, s.analysis().seed());
        assertEquals(List.of(), s.recentFiles());
    }
}
