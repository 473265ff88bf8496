package org.segmentlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core packages know nothing of JavaFX: the CLI runs headless and the maths is testable alone. */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/org/segmentlab");
    private static final List<String> CORE = List.of("progress", "data", "prep", "cluster", "metrics", "pca",
            "segment", "pipeline", "io", "cli");
    private static final Pattern JAVAFX = Pattern.compile("(^\\s*import\\s+(static\\s+)?javafx\\.)|\\bjavafx\\.(?:[a-z]+\\.)+[A-Z]",
            Pattern.MULTILINE);

    @Test
    void corePackagesDoNotUseJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : CORE) {
            Path dir = MAIN.resolve(pkg);
            assertTrue(Files.isDirectory(dir), "core package missing: " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (JAVAFX.matcher(Files.readString(f)).find()) {
                        offenders.add(MAIN.relativize(f).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "core classes that use JavaFX");
    }

    @Test
    void theDetectorSeesAnImport() {
        assertTrue(JAVAFX.matcher("package x;\nimport javafx.scene.Node;\n").find());
        assertTrue(JAVAFX.matcher("var c = new javafx.scene.canvas.Canvas();").find());
        assertTrue(!JAVAFX.matcher("// no javafx here\nimport java.util.List;").find());
    }
}
