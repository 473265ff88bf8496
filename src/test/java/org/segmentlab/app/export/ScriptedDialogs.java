package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.segmentlab.app.FileDialogs;

/**
 * File choosers that answer "which folder?" from a script (null once it runs out, as a closed chooser does) and
 * record where each question started; every other question is answered "cancelled".
 */
final class ScriptedDialogs implements FileDialogs {

    final Deque<Path> folders = new ArrayDeque<>();
    final List<Path> startedAt = new ArrayList<>();

    ScriptedDialogs(Path... folders) {
        this.folders.addAll(List.of(folders));
    }

    @Override
    public Path chooseFolder(Path near, String title) {
        startedAt.add(near);
        return folders.poll();
    }

    @Override
    public Path openFile(Path near) {
        return null;
    }

    @Override
    public Path openProject(Path near) {
        return null;
    }

    @Override
    public Path saveProject(Path near, String suggestedName) {
        return null;
    }

    @Override
    public Path locateData(Path near, String name) {
        return null;
    }
}
