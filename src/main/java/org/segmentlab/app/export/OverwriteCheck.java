package org.segmentlab.app.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.segmentlab.app.FileDialogs;

/**
 * Which files an export into a folder would replace, and the question that follows: an export of several
 * files ("Everything to a folder", "All charts") chooses a folder, not a file, so no chooser warned that an
 * earlier kit or a hand-edited report there would be lost. No JavaFX: the answer comes from an
 * {@link OverwritePrompt}. Nothing on disk is modified here.
 */
public final class OverwriteCheck {

    /** Names listed in a message before "and n more". */
    static final int NAMES_SHOWN = 8;

    private OverwriteCheck() {
    }

    /**
     * The names among {@code names} that exist in {@code folder} as files (a folder of that name is not
     * replaced: writing fails and says so), in the order given, each once.
     */
    public static List<String> existing(Path folder, Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!out.contains(n) && Files.isRegularFile(folder.resolve(n))) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** "3 files in /x/y will be replaced" (or "report.html in /x/y will be replaced"). */
    public static String headline(Path folder, List<String> existing) {
        String what = existing.size() == 1 ? existing.get(0) : existing.size() + " files";
        return what + " in " + folder + " will be replaced";
    }

    /** "report.html, segments.csv and model.json", the first {@value #NAMES_SHOWN} then "and n more". */
    public static String names(List<String> names) {
        return names(names, NAMES_SHOWN);
    }

    /** {@link #names(List)} showing at most {@code most} names (at least one). */
    static String names(List<String> names, int most) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        int shown = Math.max(1, Math.min(names.size(), most));
        int more = names.size() - shown;
        if (more == 0) {
            return String.join(", ", names.subList(0, shown - 1)) + " and " + names.get(shown - 1);
        }
        return String.join(", ", names.subList(0, shown)) + " and " + more + " more";
    }

    /** "3 files in /x/y will be replaced: report.html, segments.csv and model.json." */
    public static String message(Path folder, List<String> existing) {
        return existing.size() == 1 ? headline(folder, existing) + "."
                : headline(folder, existing) + ": " + names(existing) + ".";
    }

    /**
     * Asks for a folder until the user picks one where nothing would be replaced, agrees to replace, or
     * cancels. "Choose another folder" opens the chooser again, starting at the folder just refused.
     *
     * @param names the file names the export writes into the folder
     * @return the folder to write into, or null when the user cancelled (nothing is to be written)
     */
    public static Path chooseFolder(FileDialogs dialogs, Path near, String title, Collection<String> names,
                                    OverwritePrompt prompt) {
        Path start = near;
        while (true) {
            Path folder = dialogs.chooseFolder(start, title);
            if (folder == null) {
                return null;
            }
            List<String> replaced = existing(folder, names);
            if (replaced.isEmpty()) {
                return folder;
            }
            switch (prompt.ask(folder, replaced)) {
                case REPLACE -> {
                    return folder;
                }
                case CANCEL -> {
                    return null;
                }
                case CHOOSE_ANOTHER -> start = folder;
            }
        }
    }

    /**
     * Asks for one file to write with a save chooser and completes the name (adds the extension the user left
     * out). The chooser asked before replacing the name as typed ("segments"), not the completed one
     * ("segments.csv"), so when completing names an existing file the user is asked here; "Choose another name"
     * shows the chooser again at that name.
     *
     * @param chooser  shows the save chooser at a folder (may be null) with a suggested name; null when cancelled
     * @param complete the file to write for the chosen one (e.g. with ".html" added); must not modify anything
     * @return the file to write, or null when the user cancelled
     */
    public static Path saveFile(BiFunction<Path, String, Path> chooser, Path near, String suggestedName,
                                UnaryOperator<Path> complete, OverwritePrompt prompt) {
        Path folder = near;
        String name = suggestedName;
        while (true) {
            Path typed = chooser.apply(folder, name);
            if (typed == null) {
                return null;
            }
            Path file = complete.apply(typed);
            Path parent = file.toAbsolutePath().getParent();
            List<String> replaced = existing(parent, List.of(file.getFileName().toString()));
            if (file.equals(typed) || replaced.isEmpty()) {
                return file;
            }
            switch (prompt.ask(parent, replaced)) {
                case REPLACE -> {
                    return file;
                }
                case CANCEL -> {
                    return null;
                }
                case CHOOSE_ANOTHER -> {
                    folder = parent;
                    name = file.getFileName().toString();
                }
            }
        }
    }
}
