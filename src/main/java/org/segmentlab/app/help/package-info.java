/**
 * Plain-language explanations of every measure and preparation step the app shows: one catalogue
 * ({@link org.segmentlab.app.help.Explanations}, read once from {@code /help/explanations.json}), the small info
 * icon that shows an explanation next to a label or chart ({@link org.segmentlab.app.help.HelpIcon}), its
 * "learn more" pane, and Help ▸ Glossary ({@link org.segmentlab.app.help.GlossaryWindow}). Views and view models
 * take their wording from the catalogue; none keeps its own copy.
 */
package org.segmentlab.app.help;
