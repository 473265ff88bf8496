package org.segmentlab.app;

/**
 * Asks what to do with unsaved changes before the window closes or another file or project replaces
 * the current one. The window uses a dialog; tests pass a stand-in that answers at once.
 */
@FunctionalInterface
public interface UnsavedChangesPrompt {

    /** The user's answer. */
    enum Choice { SAVE, DONT_SAVE, CANCEL }

    /** @param documentName the project or data file with the changes ("cc_general.csv") */
    Choice ask(String documentName);
}
