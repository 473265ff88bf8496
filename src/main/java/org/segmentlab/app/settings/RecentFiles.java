package org.segmentlab.app.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules of the Open Recent menu: newest first, no duplicates, at most {@value #MAX}, only files that exist. */
public final class RecentFiles {

    public static final int MAX = 10;

    private RecentFiles() {
    }

    /** {@code current} with {@code file} moved (or added) to the front, trimmed to {@value #MAX}. */
    public static List<Path> push(List<Path> current, Path file) {
        Path key = normalize(file);
        List<Path> out = new ArrayList<>(MAX);
        out.add(key);
        for (Path p : current) {
            if (out.size() == MAX) {
                break;
            }
            if (!normalize(p).equals(key)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The entries whose file still exists, in order, without duplicates, at most {@value #MAX}. */
    public static List<Path> existing(List<Path> current) {
        List<Path> out = new ArrayList<>();
        for (Path p : current) {
            Path n = normalize(p);
            if (out.size() < MAX && Files.isRegularFile(n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
