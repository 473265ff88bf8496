package org.segmentlab.app.help;

import java.util.List;
import java.util.Locale;

/**
 * One entry of the explanation catalogue (immutable; the lists are copied).
 *
 * @param id        stable key the views use, e.g. "silhouette"
 * @param title     the name as the user sees it, e.g. "Silhouette (mean)"
 * @param summary   one plain sentence: what it is, for a tooltip or a chart note
 * @param direction which way is better, for arrows and notes
 * @param better    one sentence on how to read it ("Higher is better. ..."); may be empty
 * @param learnMore the longer text; paragraphs separated by a blank line
 * @param example   a worked example on customer data
 * @param formula   a short formula in plain Unicode text
 * @param related   ids of related entries ("see also")
 * @param keywords  other words people search for (synonyms, scikit-learn names)
 */
public record Explanation(String id, String title, String summary, Direction direction, String better,
        String learnMore, String example, String formula, List<String> related, List<String> keywords) {

    /** Which way of a measure is better. */
    public enum Direction {
        HIGHER("Higher is better"), LOWER("Lower is better"), BEND("Look for the bend"), NONE("");

        private final String phrase;

        Direction(String phrase) {
            this.phrase = phrase;
        }

        /** "Higher is better", "Lower is better", "Look for the bend", or "" for NONE. */
        public String phrase() {
            return phrase;
        }
    }

    public Explanation {
        related = related == null ? List.of() : List.copyOf(related);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        direction = direction == null ? Direction.NONE : direction;
        better = better == null ? "" : better;
        example = example == null ? "" : example;
        formula = formula == null ? "" : formula;
    }

    /** True when the (lower-case, trimmed) query appears in the title, id, summary or a keyword. */
    boolean matches(String lowerQuery) {
        if (lowerQuery.isEmpty()) {
            return true;
        }
        if (title.toLowerCase(Locale.ROOT).contains(lowerQuery) || id.contains(lowerQuery)
                || summary.toLowerCase(Locale.ROOT).contains(lowerQuery)) {
            return true;
        }
        for (String k : keywords) {
            if (k.toLowerCase(Locale.ROOT).contains(lowerQuery)) {
                return true;
            }
        }
        return false;
    }

    /** Search rank: 0 title or id, 1 keyword, 2 summary only (lower comes first). */
    int rank(String lowerQuery) {
        if (title.toLowerCase(Locale.ROOT).contains(lowerQuery) || id.contains(lowerQuery)) {
            return 0;
        }
        for (String k : keywords) {
            if (k.toLowerCase(Locale.ROOT).contains(lowerQuery)) {
                return 1;
            }
        }
        return 2;
    }
}
