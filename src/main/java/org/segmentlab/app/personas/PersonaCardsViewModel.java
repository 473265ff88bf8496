package org.segmentlab.app.personas;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmentlab.io.ProjectFile.PersonaEntry;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.ClusterMatcher;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Persona;
import org.segmentlab.segment.PersonaDrafter;

/**
 * The Personas tab's state: one card per cluster, drafted by {@link PersonaDrafter}, edited by the user,
 * carried over to the matching clusters when the analysis runs again ({@link ClusterMatcher}), saved to
 * and restored from the project file, with undo and redo across every card edit. No JavaFX nodes: it is
 * tested without a window. Use it on the FX thread only (its lists and properties are observed by views).
 *
 * <p>Undo coalesces consecutive changes to one field of one card (the keystrokes of one word or
 * sentence) into one step; {@link #endEditGroup()} (called by the view when a field loses focus) closes
 * the step.
 */
public final class PersonaCardsViewModel {

    private final ObservableList<PersonaCardModel> cards = FXCollections.observableArrayList();
    private final ObservableList<PersonaCardModel> setAside = FXCollections.observableArrayList();
    private final ObservableList<PersonaCardModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ObservableList<PersonaCardModel> setAsideView = FXCollections.unmodifiableObservableList(setAside);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<List<String>> names = new ReadOnlyObjectWrapper<>(this, "names", List.of());
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty", false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);

    private final Deque<Command> undoStack = new ArrayDeque<>();
    private final Deque<Command> redoStack = new ArrayDeque<>();
    /** True while the top of the undo stack may still absorb keystrokes in its field. */
    private boolean groupOpen;
    /** True while undo, redo or a command sets text: those changes are not recorded again. */
    private boolean applying;
    private final Map<PersonaCardModel, List<Runnable>> detach = new HashMap<>();

    private List<ClusterProfile> profiles = List.of();
    private double[] centroids = new double[0];
    private int d;

    /** The three text fields of a card. */
    enum Field {
        NAME, DESCRIPTION, STRATEGIES;

        StringProperty of(PersonaCardModel c) {
            return switch (this) {
                case NAME -> c.nameProperty();
                case DESCRIPTION -> c.descriptionProperty();
                case STRATEGIES -> c.strategiesProperty();
            };
        }
    }

    /** An undoable step. */
    private interface Command {
        void undo();

        void redo();
    }

    /** One field's change (possibly many keystrokes). */
    private record FieldEdit(PersonaCardModel card, Field field, String before, String after) implements Command {
        @Override
        public void undo() {
            field.of(card).set(before);
        }

        @Override
        public void redo() {
            field.of(card).set(after);
        }
    }

    /** A whole card's text replaced at once (reset to draft, restore a card set aside). */
    private record TextSwap(PersonaCardModel card, String[] before, String[] after, Runnable undoExtra,
                            Runnable redoExtra) implements Command {
        @Override
        public void undo() {
            card.setText(before[0], before[1], before[2]);
            undoExtra.run();
        }

        @Override
        public void redo() {
            card.setText(after[0], after[1], after[2]);
            redoExtra.run();
        }
    }

    // ---------------------------------------------------------------------------------------------- input

    /** {@link #setClusters(List, double[], int)} with the chosen partition of an analysis. */
    public void setClusters(AnalysisResult result) {
        setClusters(result.profiles(), result.chosen().centroids(), result.chosen().d());
    }

    /**
     * Shows the clusters of a (new) analysis: drafts a persona per cluster and, when cards exist from a
     * previous run, moves every edited card's changed fields (name, description, strategies) to the cluster
     * that matches its old one; its unchanged fields take the new draft. Edited cards
     * whose cluster has no good match are kept aside (see {@link #setAside()}) and {@link #message()} says
     * so. Clears the undo history; does not change {@link #dirtyProperty()}.
     *
     * @param profiles  one per cluster, in cluster order
     * @param centroids row-major k x d, in the scaled space (not modified)
     * @param d         features per centroid
     */
    public void setClusters(List<ClusterProfile> profiles, double[] centroids, int d) {
        check(profiles, centroids, d);
        List<ClusterProfile> oldProfiles = this.profiles;
        double[] oldCentroids = this.centroids;
        int oldD = this.d;
        List<PersonaCardModel> edited = cards.stream().filter(PersonaCardModel::isEdited).toList();

        List<PersonaCardModel> fresh = draftCards(profiles, centroids, d);
        List<PersonaCardModel> aside = new ArrayList<>();
        int moved = 0;
        if (!edited.isEmpty()) {
            ClusterMatcher.Matching m;
            try {
                m = oldD == d && sameFeatures(oldProfiles, profiles)
                        ? ClusterMatcher.match(oldCentroids, oldProfiles.size(), centroids, profiles.size(), d)
                        : ClusterMatcher.matchByMeans(oldProfiles, profiles);
            } catch (IllegalArgumentException noSharedColumn) {
                m = null; // nothing to compare the runs by: every edited card goes aside, none is lost
            }
            for (PersonaCardModel old : edited) {
                int target = m == null ? -1 : m.newFor(old.cluster());
                if (target >= 0) {
                    carryEdits(old, fresh.get(target));
                    if (target != old.cluster()) {
                        moved++;
                    }
                } else {
                    aside.add(asideCopy(old));
                }
            }
        }
        this.profiles = List.copyOf(profiles);
        this.centroids = centroids.clone();
        this.d = d;
        replaceCards(fresh, aside, false);
        int kept = edited.size() - aside.size();
        if (!aside.isEmpty()) {
            message.set(cardsWord(aside.size()) + " kept aside: " + (aside.size() == 1 ? "its cluster" : "their clusters")
                    + " changed too much. Restore " + (aside.size() == 1 ? "it" : "them")
                    + " onto a cluster below, or discard.");
        } else if (kept > 0) {
            message.set("Your edits on " + cardsWord(kept) + " followed " + (kept == 1 ? "its cluster" : "their clusters")
                    + " into the new analysis" + (moved > 0 ? " (" + moved + " now under another number)." : "."));
        } else {
            message.set("");
        }
    }

    /**
     * Shows the clusters of a reopened project and applies its saved personas: every edited entry whose
     * centroid matches a current cluster puts its text on that cluster's card; edited entries without a
     * good match (or saved with another feature count) are kept aside. Unedited entries are drafted again.
     * Clears the undo history and the dirty flag.
     */
    public void restore(List<PersonaEntry> entries, List<ClusterProfile> profiles, double[] centroids, int d) {
        check(profiles, centroids, d);
        List<PersonaCardModel> fresh = draftCards(profiles, centroids, d);
        List<PersonaEntry> editedEntries = entries.stream().filter(PersonaEntry::edited).toList();
        List<PersonaEntry> comparable = editedEntries.stream().filter(e -> e.centroid().length == d).toList();
        List<PersonaCardModel> aside = new ArrayList<>();
        int[] target = new int[comparable.size()];
        Arrays.fill(target, -1);
        if (!comparable.isEmpty()) {
            // match the saved centroids among ALL saved clusters, so the threshold reads their spacing
            List<PersonaEntry> all = entries.stream().filter(e -> e.centroid().length == d).toList();
            double[] saved = new double[all.size() * d];
            for (int i = 0; i < all.size(); i++) {
                System.arraycopy(all.get(i).centroid(), 0, saved, i * d, d);
            }
            ClusterMatcher.Matching m = ClusterMatcher.match(saved, all.size(), centroids, profiles.size(), d);
            for (int i = 0; i < comparable.size(); i++) {
                target[i] = m.newFor(all.indexOf(comparable.get(i)));
            }
        }
        for (PersonaEntry e : editedEntries) {
            int i = comparable.indexOf(e);
            int t = i >= 0 ? target[i] : -1;
            Persona p = e.persona();
            if (t >= 0) {
                fresh.get(t).setText(p.name(), p.description(), PersonaCardModel.joinLines(p.strategies()));
            } else {
                PersonaCardModel a = new PersonaCardModel(e.cluster(), null, e.centroid(), p, true);
                aside.add(a);
            }
        }
        this.profiles = List.copyOf(profiles);
        this.centroids = centroids.clone();
        this.d = d;
        replaceCards(fresh, aside, true);
        message.set(aside.isEmpty() ? "" : cardsWord(aside.size()) + " from the project kept aside: "
                + (aside.size() == 1 ? "its cluster" : "their clusters") + " changed too much.");
        dirty.set(false);
    }

    /** The personas to save, one per cluster in cluster order (cards set aside are not saved). */
    public List<PersonaEntry> toEntries() {
        List<String> effective = names();
        List<PersonaEntry> out = new ArrayList<>();
        for (PersonaCardModel c : cards) {
            Persona p = c.persona();
            Persona saved = p.withName(effective.get(c.cluster()));
            out.add(new PersonaEntry(c.cluster(), c.centroid(), saved, c.isEdited()));
        }
        return List.copyOf(out);
    }

    // --------------------------------------------------------------------------------------------- output

    /** One card per cluster, in cluster order. Replaced (not edited) by {@link #setClusters}. */
    public ObservableList<PersonaCardModel> cards() {
        return cardsView;
    }

    /** Edited cards whose cluster has no good match in the current run. */
    public ObservableList<PersonaCardModel> setAside() {
        return setAsideView;
    }

    /** What happened to the user's cards on the last run ("2 cards kept aside: ..."), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Same as {@link #messageProperty()}. */
    public ReadOnlyStringProperty message() {
        return messageProperty();
    }

    /**
     * The name of every cluster, by cluster number, for legends and titles elsewhere. Always distinct and
     * never blank: a blank name reads "Cluster n" and a repeated name gets " (cluster n)" after its first use.
     */
    public List<String> names() {
        return names.get();
    }

    /** {@link #names()} as an observable value: it changes (to a new list) whenever a name changes. */
    public ReadOnlyObjectProperty<List<String>> namesProperty() {
        return names.getReadOnlyProperty();
    }

    /** The name of one cluster, or "Cluster n" when out of range. */
    public String nameOf(int cluster) {
        List<String> n = names.get();
        return cluster >= 0 && cluster < n.size() ? n.get(cluster) : "Cluster " + cluster;
    }

    /** True after any edit (including undo and redo) until {@link #markSaved()}. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The project was saved: the cards are no longer dirty. */
    public void markSaved() {
        dirty.set(false);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------- commands

    /** Undoes the last edit step, if any. */
    public void undo() {
        Command c = undoStack.poll();
        if (c == null) {
            return;
        }
        apply(c::undo);
        redoStack.push(c);
        groupOpen = false;
        changed();
    }

    /** Redoes the last undone step, if any. */
    public void redo() {
        Command c = redoStack.poll();
        if (c == null) {
            return;
        }
        apply(c::redo);
        undoStack.push(c);
        groupOpen = false;
        changed();
    }

    /** Ends the current typing step: the next keystroke starts a new undo step. */
    public void endEditGroup() {
        groupOpen = false;
    }

    /** Puts a card back to its draft (one undo step). */
    public void resetToDraft(PersonaCardModel card) {
        if (!cards.contains(card) || !card.isEdited()) {
            return;
        }
        Persona draft = card.draft();
        String[] after = {draft.name(), draft.description(), PersonaCardModel.joinLines(draft.strategies())};
        execute(new TextSwap(card, text(card), after, () -> { }, () -> { }));
    }

    /**
     * Puts a card set aside onto a current cluster's card (replacing its text) and removes it from the set
     * aside (one undo step).
     */
    public void restoreOnto(PersonaCardModel asideCard, int cluster) {
        int index = setAside.indexOf(asideCard);
        if (index < 0 || cluster < 0 || cluster >= cards.size()) {
            return;
        }
        PersonaCardModel target = cards.get(cluster);
        execute(new TextSwap(target, text(target), text(asideCard),
                () -> setAside.add(Math.min(index, setAside.size()), asideCard),
                () -> setAside.remove(asideCard)));
        updateAsideMessage();
    }

    /** Drops a card set aside (one undo step). */
    public void discard(PersonaCardModel asideCard) {
        int index = setAside.indexOf(asideCard);
        if (index < 0) {
            return;
        }
        String[] t = text(asideCard);
        execute(new TextSwap(asideCard, t, t, () -> setAside.add(Math.min(index, setAside.size()), asideCard),
                () -> setAside.remove(asideCard)));
        updateAsideMessage();
    }

    // ------------------------------------------------------------------------------------------- internals

    private void updateAsideMessage() {
        if (setAside.isEmpty()) {
            message.set("");
        }
    }

    private static String[] text(PersonaCardModel c) {
        return new String[] {c.nameProperty().get(), c.descriptionProperty().get(), c.strategiesProperty().get()};
    }

    private void execute(Command c) {
        apply(c::redo);
        undoStack.push(c);
        redoStack.clear();
        groupOpen = false;
        changed();
    }

    private void apply(Runnable r) {
        applying = true;
        try {
            r.run();
        } finally {
            applying = false;
        }
    }

    /** Bookkeeping after any change of text or of the set-aside list. */
    private void changed() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        dirty.set(true);
        refreshNames();
    }

    /** Records a keystroke-level change of one field, merging it into the open step of the same field. */
    private void recordEdit(PersonaCardModel card, Field field, String before, String after) {
        if (applying) {
            return;
        }
        Command top = undoStack.peek();
        if (groupOpen && top instanceof FieldEdit fe && fe.card() == card && fe.field() == field) {
            undoStack.pop();
            if (!fe.before().equals(after)) {
                undoStack.push(new FieldEdit(card, field, fe.before(), after));
            } else {
                groupOpen = false; // typed back to where the step began: nothing left to undo in it
            }
        } else {
            undoStack.push(new FieldEdit(card, field, before, after));
            groupOpen = true;
        }
        redoStack.clear();
        changed();
    }

    private List<PersonaCardModel> draftCards(List<ClusterProfile> profiles, double[] centroids, int d) {
        List<Persona> drafts = PersonaDrafter.draft(profiles);
        List<PersonaCardModel> out = new ArrayList<>();
        for (int c = 0; c < profiles.size(); c++) {
            out.add(new PersonaCardModel(c, profiles.get(c), Arrays.copyOfRange(centroids, c * d, (c + 1) * d),
                    drafts.get(c), false));
        }
        return out;
    }

    /**
     * Moves the fields the user changed onto the new cluster's card; fields still as drafted take the new
     * draft, whose sizes and numbers describe the new cluster.
     */
    private static void carryEdits(PersonaCardModel old, PersonaCardModel card) {
        Persona oldDraft = old.draft();
        String n = old.nameProperty().get();
        String d = old.descriptionProperty().get();
        String s = old.strategiesProperty().get();
        card.setText(n.equals(oldDraft.name()) ? card.nameProperty().get() : n,
                d.equals(oldDraft.description()) ? card.descriptionProperty().get() : d,
                PersonaCardModel.splitLines(s).equals(oldDraft.strategies()) ? card.strategiesProperty().get() : s);
    }

    private static PersonaCardModel asideCopy(PersonaCardModel old) {
        PersonaCardModel a = new PersonaCardModel(old.cluster(), old.profile(), old.centroid(), old.draft(), true);
        a.setText(old.nameProperty().get(), old.descriptionProperty().get(), old.strategiesProperty().get());
        return a;
    }

    private void replaceCards(List<PersonaCardModel> fresh, List<PersonaCardModel> newAside, boolean dropOldAside) {
        for (List<Runnable> rs : detach.values()) {
            rs.forEach(Runnable::run);
        }
        detach.clear();
        for (PersonaCardModel c : fresh) {
            List<Runnable> rs = new ArrayList<>();
            for (Field f : Field.values()) {
                ChangeListener<String> l = (obs, before, after) -> {
                    recordEdit(c, f, before == null ? "" : before, after == null ? "" : after);
                    if (f == Field.NAME) {
                        refreshNames();
                    }
                };
                f.of(c).addListener(l);
                rs.add(() -> f.of(c).removeListener(l));
            }
            detach.put(c, rs);
        }
        undoStack.clear();
        redoStack.clear();
        groupOpen = false;
        canUndo.set(false);
        canRedo.set(false);
        cards.setAll(fresh);
        List<PersonaCardModel> aside = new ArrayList<>(dropOldAside ? List.of() : setAside);
        aside.addAll(newAside);
        setAside.setAll(aside);
        refreshNames();
    }

    /** Recomputes the effective names and every card's name warning. */
    private void refreshNames() {
        Map<String, PersonaCardModel> firstUse = new HashMap<>();
        List<String> effective = new ArrayList<>();
        for (PersonaCardModel c : cards) {
            String typed = c.nameProperty().get() == null ? "" : c.nameProperty().get().strip();
            String key = typed.toLowerCase(Locale.ROOT);
            if (typed.isEmpty()) {
                c.setNameWarning("No name: other views will call it \u201cCluster " + c.cluster() + "\u201d.");
                effective.add("Cluster " + c.cluster());
            } else if (firstUse.containsKey(key)) {
                c.setNameWarning("Cluster " + firstUse.get(key).cluster() + " is already called \u201c" + typed
                        + "\u201d: pick another name.");
                effective.add(typed + " (cluster " + c.cluster() + ")");
            } else {
                firstUse.put(key, c);
                c.setNameWarning("");
                effective.add(typed);
            }
        }
        // the first user of a repeated name is warned too, so both cards show why
        for (PersonaCardModel c : cards) {
            String key = c.nameProperty().get() == null ? "" : c.nameProperty().get().strip().toLowerCase(Locale.ROOT);
            PersonaCardModel first = firstUse.get(key);
            if (first == c && c.nameWarningProperty().get().isEmpty()) {
                cards.stream().filter(o -> o != c && o.nameProperty().get().strip().toLowerCase(Locale.ROOT).equals(key))
                        .findFirst()
                        .ifPresent(o -> c.setNameWarning("Cluster " + o.cluster() + " has the same name: pick another."));
            }
        }
        List<String> list = List.copyOf(effective);
        if (!list.equals(names.get())) {
            names.set(list);
        }
    }

    private static boolean sameFeatures(List<ClusterProfile> a, List<ClusterProfile> b) {
        return !a.isEmpty() && !b.isEmpty()
                && List.copyOf(a.get(0).centroidScaled().keySet()).equals(List.copyOf(b.get(0).centroidScaled().keySet()));
    }

    private static void check(List<ClusterProfile> profiles, double[] centroids, int d) {
        if (d < 1 || centroids.length != profiles.size() * d) {
            throw new IllegalArgumentException(centroids.length + " centroid values for " + profiles.size()
                    + " clusters of " + d + " features");
        }
    }

    private static String cardsWord(int n) {
        return n + (n == 1 ? " card" : " cards");
    }
}
