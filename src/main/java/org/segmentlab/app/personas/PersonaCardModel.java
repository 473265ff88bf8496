package org.segmentlab.app.personas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.segmentlab.prep.Numbers;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Persona;

/**
 * One persona card: the cluster it describes, its draft, and the user's text (name, description and the
 * strategies, one per line). The text properties are what the view binds to; every change to them is
 * recorded by the owning {@link PersonaCardsViewModel} for undo. A card "set aside" keeps the text of a
 * cluster that has no good match in the current run.
 */
public final class PersonaCardModel {

    /** Trait bars shown on a card: the most distinctive features. */
    static final int TRAIT_BARS = 5;

    /**
     * One key trait as drawn: a bar for z (population sd from the mean) and the raw-unit text.
     *
     * @param values "2,060 vs 979": the cluster's mean against the population's, in raw units
     */
    public record TraitBar(String feature, double z, String values) {
    }

    private final int cluster;
    private final ClusterProfile profile;
    private final double[] centroid;
    private final Persona draft;
    private final boolean setAside;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty strategies = new SimpleStringProperty(this, "strategies", "");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper(this, "nameWarning", "");

    /**
     * @param cluster  the cluster this card describes (for a card set aside: its cluster in the run it came from)
     * @param profile  that cluster's profile, or null when unknown (a card restored from a project file)
     * @param centroid the cluster's centroid in the scaled space (copied), or null
     * @param draft    the drafted persona the card starts from and resets to
     */
    PersonaCardModel(int cluster, ClusterProfile profile, double[] centroid, Persona draft, boolean setAside) {
        this.cluster = cluster;
        this.profile = profile;
        this.centroid = centroid == null ? null : centroid.clone();
        this.draft = draft;
        this.setAside = setAside;
        setText(draft.name(), draft.description(), joinLines(draft.strategies()));
        edited.bind(Bindings.createBooleanBinding(
                () -> !name.get().equals(draft.name()) || !description.get().equals(draft.description())
                        || !splitLines(strategies.get()).equals(draft.strategies()),
                name, description, strategies));
    }

    final void setText(String n, String d, String s) {
        name.set(n);
        description.set(d);
        strategies.set(s);
    }

    /** The cluster number (0 = largest) this card describes. */
    public int cluster() {
        return cluster;
    }

    /** The cluster's profile, or null for a card restored without one. */
    public ClusterProfile profile() {
        return profile;
    }

    /** A copy of the centroid in the scaled space, or null. */
    public double[] centroid() {
        return centroid == null ? null : centroid.clone();
    }

    public Persona draft() {
        return draft;
    }

    /** True for a card kept aside because its cluster has no good match in the current run. */
    public boolean isSetAside() {
        return setAside;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The strategies as text, one bullet per line. */
    public StringProperty strategiesProperty() {
        return strategies;
    }

    /** True while the text differs from the draft. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public boolean isEdited() {
        return edited.get();
    }

    /** A warning about the name (a duplicate or a blank), or "" when the name is fine. */
    public ReadOnlyStringProperty nameWarningProperty() {
        return nameWarning.getReadOnlyProperty();
    }

    void setNameWarning(String w) {
        nameWarning.set(w);
    }

    /** The strategies, one per non-blank line, bullet marks removed. */
    public List<String> strategyList() {
        return splitLines(strategies.get());
    }

    /** The card's current text as a persona (the draft's basis kept). */
    public Persona persona() {
        return new Persona(name.get().strip(), description.get().strip(), strategyList(), draft.basis());
    }

    /** "cluster 2 · 3,976 customers · 44.4%" (or "was cluster 2" for a card without a profile). */
    public String header() {
        if (profile == null) {
            return "was cluster " + cluster;
        }
        String head = (setAside ? "was cluster " : "cluster ") + cluster + " · " + Numbers.count(profile.size())
                + (profile.size() == 1 ? " customer" : " customers") + " · " + Numbers.percent(profile.share());
        return head;
    }

    /** The most distinctive traits, |z| descending, with their raw-unit means. */
    public List<TraitBar> traits() {
        if (profile == null) {
            return List.of();
        }
        List<TraitBar> out = new ArrayList<>();
        for (ClusterProfile.Trait t : profile.distinguishing()) {
            if (out.size() == TRAIT_BARS || !Double.isFinite(t.z())) {
                break;
            }
            out.add(new TraitBar(t.feature(), t.z(),
                    Numbers.sig3(t.clusterMean()) + " vs " + Numbers.sig3(t.populationMean())));
        }
        return List.copyOf(out);
    }

    /** Strategy bullets to text, one per line. */
    static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }

    /** Text to strategy bullets: one per non-blank line, a leading "•", "-" or "*" removed. */
    static List<String> splitLines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .map(l -> l.replaceFirst("^[•\\-*]\\s*", ""))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "PersonaCard[" + header() + ": " + name.get() + (isEdited() ? " (edited)" : "") + "]";
    }
}
