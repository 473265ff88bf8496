package org.segmentlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void pushMovesToTheFrontWithoutDuplicatesAndKeepsTen() {
        List<Path> list = List.of();
        for (int i = 0; i < 12; i++) {
            list = RecentFiles.push(list, dir.resolve("f" + i + ".csv"));
        }
        assertEquals(RecentFiles.MAX, list.size());
        assertEquals(dir.resolve("f11.csv"), list.get(0));
        assertEquals(dir.resolve("f2.csv"), list.get(9));

        list = RecentFiles.push(list, dir.resolve("sub/../f5.csv"));
        assertEquals(dir.resolve("f5.csv"), list.get(0));
        assertEquals(10, list.size());
        assertEquals(1, list.stream().filter(p -> p.endsWith("f5.csv")).count());
        assertEquals(dir.resolve("f11.csv"), list.get(1));
    }

    @Test
    void existingDropsMissingFilesAndDuplicates() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "");
        Path b = Files.writeString(dir.resolve("b.csv"), "");
        List<Path> in = new ArrayList<>(List.of(a, dir.resolve("gone.csv"), b, a));
        assertEquals(List.of(a, b), RecentFiles.existing(in));
    }
}
