package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesIntoNewFoldersAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/model.json");
        AtomicFiles.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target), listAll());
    }

    @Test
    void aFailingWriterLeavesTheOldFileAsItWas() throws IOException {
        Path target = Files.writeString(dir.resolve("report.html"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeVia(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listAll());
    }

    @Test
    void theFileGetsThePermissionsOfAPlainWriteNotOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // nothing to compare on a file system without POSIX permissions
        }
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, out -> out.write('x'));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    private List<Path> listAll() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
