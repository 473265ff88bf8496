package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files an export into a folder would replace, how the question names them, and the choose-a-folder walk
 * (Replace, Choose another folder, Cancel) with a chooser and a prompt that answer from a script.
 */
class OverwriteCheckTest {

    private static final List<String> KIT = List.of("segments.csv", "segment_summary.csv", "model.json",
            "model.pmml", "analysis.segmentlab");

    @TempDir
    Path dir;

    @Test
    void onlyExistingFilesCountInTheExportsOrder() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{}");
        Files.writeString(dir.resolve("segments.csv"), "a,b");
        Files.createDirectory(dir.resolve("model.pmml")); // a folder of that name is not replaced
        Files.writeString(dir.resolve("notes.txt"), "mine"); // not the export's
        assertEquals(List.of("segments.csv", "model.json"), OverwriteCheck.existing(dir, KIT));
        assertEquals(List.of("model.json"), OverwriteCheck.existing(dir, List.of("model.json", "model.json")));
        assertEquals(List.of(), OverwriteCheck.existing(dir.resolve("missing"), KIT));
    }

    @Test
    void theMessageNamesTheFolderAndTheFiles() {
        Path f = Path.of("/x/y");
        assertEquals("3 files in " + f + " will be replaced: report.html, segments.csv and model.json.",
                OverwriteCheck.message(f, List.of("report.html", "segments.csv", "model.json")));
        assertEquals("report.html in " + f + " will be replaced.", OverwriteCheck.message(f, List.of("report.html")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add("c" + i + ".png");
        }
        String m = OverwriteCheck.message(f, many);
        assertTrue(m.startsWith("11 files in " + f + " will be replaced: c0.png, c1.png,"), m);
        assertTrue(m.endsWith("c7.png and 3 more."), m);
    }

    private Path earlierKit() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("segments.csv"), "edited by hand");
        Files.writeString(old.resolve("model.pmml"), "<PMML/>");
        return old;
    }

    @Test
    void anEmptyFolderIsTakenWithoutAQuestion() throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        ScriptedPrompt prompt = new ScriptedPrompt();
        assertEquals(fresh, OverwriteCheck.chooseFolder(new ScriptedDialogs(fresh), dir, "t", KIT, prompt));
        assertEquals(List.of(), prompt.asked);
    }

    @Test
    void replaceWritesIntoTheFolderAfterOneQuestion() throws Exception {
        Path old = earlierKit();
        ScriptedPrompt prompt = new ScriptedPrompt(OverwritePrompt.Answer.REPLACE);
        assertEquals(old, OverwriteCheck.chooseFolder(new ScriptedDialogs(old), dir, "t", KIT, prompt));
        assertEquals(List.of(List.of("segments.csv", "model.pmml")), prompt.asked);
    }

    @Test
    void chooseAnotherAsksAgainFromTheRefusedFolder() throws Exception {
        Path old = earlierKit();
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        ScriptedDialogs chooser = new ScriptedDialogs(old, fresh);
        ScriptedPrompt prompt = new ScriptedPrompt(OverwritePrompt.Answer.CHOOSE_ANOTHER);
        assertEquals(fresh, OverwriteCheck.chooseFolder(chooser, dir, "t", KIT, prompt));
        assertEquals(List.of(dir, old), chooser.startedAt);
        assertEquals(1, prompt.asked.size());
    }

    @Test
    void cancelInTheQuestionOrTheChooserWritesNothing() throws Exception {
        Path old = earlierKit();
        assertNull(OverwriteCheck.chooseFolder(new ScriptedDialogs(old), dir, "t", KIT,
                new ScriptedPrompt(OverwritePrompt.Answer.CANCEL)));
        // Choose another, then close the chooser: nothing either.
        assertNull(OverwriteCheck.chooseFolder(new ScriptedDialogs(old), dir, "t", KIT,
                new ScriptedPrompt(OverwritePrompt.Answer.CHOOSE_ANOTHER)));
        assertEquals("edited by hand", Files.readString(old.resolve("segments.csv")));
    }

    /** ".html" added to a name without it, as the report's chooser does. */
    private static Path withHtml(Path p) {
        return p.getFileName().toString().endsWith(".html") ? p : p.resolveSibling(p.getFileName() + ".html");
    }

    @Test
    void aNameCompletedToAnExistingFileIsAskedAboutOnce() throws Exception {
        Files.writeString(dir.resolve("report.html"), "edited by hand");
        List<String> shownAt = new ArrayList<>();
        Deque<Path> typed = new ArrayDeque<>(List.of(dir.resolve("report"), dir.resolve("report"), dir.resolve("new")));
        java.util.function.BiFunction<Path, String, Path> chooser = (folder, name) -> {
            shownAt.add(folder + "|" + name);
            return typed.poll();
        };

        // Typed "report": the chooser asked about "report", so the question comes here; Replace takes report.html.
        ScriptedPrompt replace = new ScriptedPrompt(OverwritePrompt.Answer.REPLACE);
        assertEquals(dir.resolve("report.html"),
                OverwriteCheck.saveFile(chooser, dir, "x_report.html", OverwriteCheckTest::withHtml, replace));
        assertEquals(List.of(List.of("report.html")), replace.asked);

        // Choose another name: the chooser opens again at the completed name; a new name is taken as it is.
        ScriptedPrompt another = new ScriptedPrompt(OverwritePrompt.Answer.CHOOSE_ANOTHER);
        assertEquals(dir.resolve("new.html"),
                OverwriteCheck.saveFile(chooser, null, "x_report.html", OverwriteCheckTest::withHtml, another));
        assertEquals(List.of(dir + "|x_report.html", "null|x_report.html", dir + "|report.html"), shownAt);
        assertEquals(1, another.asked.size());
    }

    @Test
    void aNameTheChooserAlreadyAskedAboutOrACancelIsNotAskedAgain() throws Exception {
        Files.writeString(dir.resolve("report.html"), "edited by hand");
        ScriptedPrompt none = new ScriptedPrompt();
        assertEquals(dir.resolve("report.html"), OverwriteCheck.saveFile((f, n) -> dir.resolve("report.html"), dir,
                "report.html", OverwriteCheckTest::withHtml, none));
        assertNull(OverwriteCheck.saveFile((f, n) -> null, dir, "report.html", OverwriteCheckTest::withHtml, none));
        assertEquals(List.of(), none.asked);
        assertNull(OverwriteCheck.saveFile((f, n) -> dir.resolve("report"), dir, "report.html",
                OverwriteCheckTest::withHtml, new ScriptedPrompt(OverwritePrompt.Answer.CANCEL)));
        assertEquals("edited by hand", Files.readString(dir.resolve("report.html")));
    }
}
