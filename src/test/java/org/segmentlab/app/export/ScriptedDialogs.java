package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.segmentlab.app.CancellingDialogs;

/**
 * File choosers that answer "which folder?" from a script (null once it runs out, as a closed chooser does) and
 * record where each question started; every other question is answered "cancelled".
 */
final class ScriptedDialogs extends CancellingDialogs {

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
}
