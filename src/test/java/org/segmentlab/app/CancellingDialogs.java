package org.segmentlab.app;

import java.nio.file.Path;

/**
 * File choosers for window tests: every question is answered as a closed chooser answers it (null), so a test
 * overrides only the questions it scripts.
 */
public class CancellingDialogs implements FileDialogs {

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

    @Override
    public Path chooseFolder(Path near, String title) {
        return null;
    }
}
