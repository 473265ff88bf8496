package org.segmentlab.app.help;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of plain-language explanations, read once from the class-path resource
 * {@value #RESOURCE} and immutable afterwards. Views and view models ask it by id ({@link #get}), so every
 * tooltip, chart note, learn-more pane and the glossary say the same thing. Plain Java (no JavaFX), so view
 * models can use it.
 */
public final class Explanations {

    /** Where the text lives, UTF-8 JSON: {"explanations": [ {id, title, summary, ...}, ... ]}. */
    public static final String RESOURCE = "/help/explanations.json";

    private final Map<String, Explanation> byId;
    private final List<Explanation> ordered;

    private Explanations(List<Explanation> entries) {
        Map<String, Explanation> m = new LinkedHashMap<>();
        for (Explanation e : entries) {
            check(e);
            if (m.put(e.id(), e) != null) {
                throw new IllegalStateException(RESOURCE + ": the id \"" + e.id() + "\" is used twice; ids must be unique");
            }
        }
        for (Explanation e : m.values()) {
            for (String r : e.related()) {
                if (!m.containsKey(r)) {
                    throw new IllegalStateException(RESOURCE + ": \"" + e.id() + "\" relates to \"" + r
                            + "\", which has no entry; add it or remove it from \"related\"");
                }
            }
        }
        this.byId = Map.copyOf(m);
        this.ordered = List.copyOf(m.values());
    }

    // Loaded on first use and kept: the text never changes while the app runs.
    private static final class Holder {
        static final Explanations CATALOGUE = load();
    }

    /** The catalogue shipped with the app. */
    public static Explanations catalogue() {
        return Holder.CATALOGUE;
    }

    /** Shorthand for {@code catalogue().get(id)}. */
    public static Explanation of(String id) {
        return catalogue().get(id);
    }

    /**
     * Reads a catalogue from JSON (the shipped one, or a test's).
     *
     * @throws IllegalStateException naming the entry when one lacks an id, a title, a summary or learn-more text
     */
    public static Explanations read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);
        JsonNode root = mapper.readTree(in);
        JsonNode list = root == null ? null : root.get("explanations");
        if (list == null || !list.isArray()) {
            throw new IllegalStateException(RESOURCE + ": expected an object with an \"explanations\" array");
        }
        List<Explanation> entries = new ArrayList<>();
        for (JsonNode n : list) {
            upperCaseDirection(n);
            entries.add(mapper.treeToValue(n, Explanation.class));
        }
        return new Explanations(entries);
    }

    private static Explanations load() {
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild the app");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " could not be read: " + e.getMessage(), e);
        }
    }

    private static void check(Explanation e) {
        String where = RESOURCE + ": entry \"" + (e.id() == null ? "?" : e.id()) + "\"";
        if (e.id() == null || !e.id().matches("[a-z0-9-]+")) {
            throw new IllegalStateException(where + " needs an id of lower-case letters, digits and '-'");
        }
        for (String[] f : new String[][] {{"title", e.title()}, {"summary", e.summary()}, {"learnMore", e.learnMore()}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalStateException(where + " has no " + f[0]);
            }
        }
    }

    /**
     * The entry for an id.
     *
     * @throws IllegalArgumentException naming the id and the resource when there is none (a view asking for
     *                                  an explanation that was never written fails at once, in tests)
     */
    public Explanation get(String id) {
        Explanation e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("No explanation \"" + id + "\" in " + RESOURCE + "; add one there");
        }
        return e;
    }

    public Optional<Explanation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Every entry, in the file's order. */
    public List<Explanation> all() {
        return ordered;
    }

    /**
     * Entries whose title, id, summary or keywords contain the query (case-insensitive), titles first; all
     * entries for a blank query.
     */
    public List<Explanation> search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return ordered;
        }
        List<Explanation> out = new ArrayList<>();
        for (Explanation e : ordered) {
            if (e.matches(q)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(e -> e.rank(q))); // stable: file order within a rank
        return List.copyOf(out);
    }

    /** The JSON says "higher"; the enum constant is HIGHER. */
    private static void upperCaseDirection(JsonNode n) {
        if (n instanceof ObjectNode o && o.get("direction") != null && o.get("direction").isTextual()) {
            o.put("direction", o.get("direction").asText().toUpperCase(Locale.ROOT));
        }
    }
}
