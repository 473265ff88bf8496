package org.segmentlab.app.export;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A replace question answering from a script (it fails when asked once more than scripted), recording what it was asked. */
final class ScriptedPrompt implements OverwritePrompt {

    final Deque<Answer> answers = new ArrayDeque<>();
    final List<List<String>> asked = new ArrayList<>();
    final List<Path> askedIn = new ArrayList<>();

    ScriptedPrompt(Answer... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public Answer ask(Path folder, List<String> existing) {
        asked.add(existing);
        askedIn.add(folder);
        return answers.remove();
    }
}
