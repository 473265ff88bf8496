package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.FileDialogs;

/**
 * The window's save choosers ({@link FileDialogs#fx}) add the extension the user left out, and ask before that
 * completed name replaces a file: GTK's chooser asked about "segments", not about "segments.csv". The platform
 * chooser is replaced by a script that sees the chooser as configured (title, filter, folder, name) and types a name;
 * the question by a scripted answer.
 */
class SaveDialogsTest {

    @TempDir
    Path dir;

    /** Types the scripted names in turn and records how each chooser was shown. */
    private static final class ScriptedChooser implements Function<FileChooser, File> {
        final Deque<Path> typed = new ArrayDeque<>();
        final List<String> shown = new ArrayList<>();

        ScriptedChooser(Path... typed) {
            this.typed.addAll(List.of(typed));
        }

        @Override
        public File apply(FileChooser c) {
            shown.add(c.getTitle() + "|" + c.getExtensionFilters().get(0).getExtensions() + "|"
                    + c.getInitialDirectory() + "|" + c.getInitialFileName());
            Path p = typed.poll();
            return p == null ? null : p.toFile();
        }
    }

    private FileDialogs dialogs(ScriptedChooser chooser, ScriptedPrompt prompt) {
        return FileDialogs.fx(null, chooser, prompt);
    }

    private Path segments(FileDialogs d) {
        return d.saveFile(dir, "Export the segmented data", "segments.csv", "CSV files", "*.csv");
    }

    @Test
    void typingSegmentsOverAnExistingSegmentsCsvAsksAndReplacesOnlyOnReplace() throws Exception {
        Files.writeString(dir.resolve("segments.csv"), "edited by hand");

        ScriptedPrompt cancel = new ScriptedPrompt(OverwritePrompt.Answer.CANCEL);
        assertNull(segments(dialogs(new ScriptedChooser(dir.resolve("segments")), cancel)));
        assertEquals(List.of(List.of("segments.csv")), cancel.asked);
        assertEquals(List.of(dir), cancel.askedIn);
        assertEquals("edited by hand", Files.readString(dir.resolve("segments.csv")));

        ScriptedPrompt replace = new ScriptedPrompt(OverwritePrompt.Answer.REPLACE);
        ScriptedChooser chooser = new ScriptedChooser(dir.resolve("segments"));
        assertEquals(dir.resolve("segments.csv"), segments(dialogs(chooser, replace)));
        assertEquals(1, replace.asked.size());
        assertEquals(List.of("Export the segmented data|[*.csv]|" + dir + "|segments.csv"), chooser.shown);
    }

    @Test
    void chooseAnotherNameShowsTheChooserAgainAtTheCompletedName() throws Exception {
        Files.writeString(dir.resolve("segments.csv"), "edited by hand");
        ScriptedPrompt another = new ScriptedPrompt(OverwritePrompt.Answer.CHOOSE_ANOTHER);
        ScriptedChooser chooser = new ScriptedChooser(dir.resolve("segments"), dir.resolve("march"));
        assertEquals(dir.resolve("march.csv"), segments(dialogs(chooser, another)));
        assertEquals(1, another.asked.size(), "a new name is not asked about");
        assertEquals(List.of("Export the segmented data|[*.csv]|" + dir + "|segments.csv",
                "Export the segmented data|[*.csv]|" + dir + "|segments.csv"), chooser.shown);
    }

    @Test
    void aNameTheChooserAlreadyAskedAboutOrANewOneIsTakenWithoutAQuestion() throws Exception {
        Files.writeString(dir.resolve("segments.csv"), "edited by hand");
        ScriptedPrompt none = new ScriptedPrompt();
        // Typed with its extension (any case): the chooser asked about that very name.
        assertEquals(dir.resolve("segments.csv"), segments(dialogs(new ScriptedChooser(dir.resolve("segments.csv")), none)));
        assertEquals(dir.resolve("SEGMENTS.CSV"), segments(dialogs(new ScriptedChooser(dir.resolve("SEGMENTS.CSV")), none)));
        // A name with nothing behind it: the extension is added, no question.
        assertEquals(dir.resolve("april.csv"), segments(dialogs(new ScriptedChooser(dir.resolve("april")), none)));
        // Cancelled chooser.
        assertNull(segments(dialogs(new ScriptedChooser(), none)));
        assertEquals(List.of(), none.asked);
        // Every export of the menu completes its own extension.
        assertEquals(dir.resolve("model.pmml"), dialogs(new ScriptedChooser(dir.resolve("model")), none)
                .saveFile(dir, "Export the PMML model", "model.pmml", "PMML models", "*.pmml"));
    }

    @Test
    void savingAProjectAsksAboutTheCompletedName() throws Exception {
        Files.writeString(dir.resolve("march.segmentlab"), "{}");
        ScriptedPrompt replace = new ScriptedPrompt(OverwritePrompt.Answer.REPLACE);
        ScriptedChooser chooser = new ScriptedChooser(dir.resolve("march"));
        assertEquals(dir.resolve("march.segmentlab"), dialogs(chooser, replace).saveProject(dir, "cc_general.segmentlab"));
        assertEquals(List.of(List.of("march.segmentlab")), replace.asked);
        assertEquals(List.of("Save the project|[*.segmentlab]|" + dir + "|cc_general.segmentlab"), chooser.shown);

        ScriptedPrompt none = new ScriptedPrompt();
        assertEquals(dir.resolve("april.segmentlab"),
                dialogs(new ScriptedChooser(dir.resolve("april")), none).saveProject(null, "x.segmentlab"));
        assertEquals(List.of(), none.asked);
    }
}
