package org.segmentlab.prep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Close-match suggestions for names the user typed ("did you mean ..."). Stateless. */
public final class Names {

    private Names() {
    }

    /**
     * Up to three candidates close to {@code name}: same name ignoring case, one containing the other,
     * or within an edit distance of a third of the name's length (at least 2). Closest first.
     */
    public static List<String> closeMatches(String name, Collection<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int score) { }
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String l = c.toLowerCase(Locale.ROOT);
            int d = editDistance(n, l);
            if (l.equals(n)) {
                scored.add(new Scored(c, 0));
            } else if (d <= Math.max(2, n.length() / 3) && d < Math.max(n.length(), l.length())) {
                scored.add(new Scored(c, d));
            } else if (n.length() >= 3 && l.length() >= 3 && (l.contains(n) || n.contains(l))) {
                scored.add(new Scored(c, 1000 + Math.abs(l.length() - n.length())));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return scored.stream().limit(3).map(Scored::name).toList();
    }

    /** " (did you mean A, B?)" or "" when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> m = closeMatches(name, candidates);
        return m.isEmpty() ? "" : " (did you mean " + String.join(", ", m) + "?)";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
