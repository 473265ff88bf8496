package org.segmentlab.app.personas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.io.Fingerprint;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.io.ProjectFile.PersonaEntry;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterMatcher;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.PersonaDrafter;

/** The persona cards' view model on the real credit-card clusters, without a window. */
class PersonaCardsViewModelTest {

    private static AnalysisResult four;
    private static AnalysisResult five;
    private static AnalysisResult fiveSeed7;

    @BeforeAll
    static void analyse() throws Exception {
        DataTable table = new CsvLoader().load(Path.of("samples/cc_general.csv"));
        four = run(table, AnalysisRequest.defaults().withKRange(4, 4));
        five = run(table, AnalysisRequest.defaults().withKRange(5, 5));
        // another seed finds (nearly) the same five clusters: centroids move a little
        fiveSeed7 = run(table, AnalysisRequest.defaults().withKRange(5, 5).withSeed(7));
    }

    private static AnalysisResult run(DataTable table, AnalysisRequest request) throws Exception {
        return Pipeline.run(table, request, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static PersonaCardsViewModel showing(AnalysisResult r) {
        PersonaCardsViewModel vm = new PersonaCardsViewModel();
        vm.setClusters(r);
        return vm;
    }

    /** Types text one keystroke at a time, as a text field bound to the property does. */
    private static void type(javafx.beans.property.StringProperty p, String text) {
        StringBuilder sb = new StringBuilder();
        p.set("");
        for (char ch : text.toCharArray()) {
            sb.append(ch);
            p.set(sb.toString());
        }
    }

    /** The same clusters renumbered: new cluster i is old cluster order[i]. */
    private static List<ClusterProfile> permuted(List<ClusterProfile> ps, int... order) {
        List<ClusterProfile> out = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            ClusterProfile p = ps.get(order[i]);
            out.add(new ClusterProfile(i, p.size(), p.share(), p.means(), p.centroidScaled(), p.distinguishing()));
        }
        return out;
    }

    private static double[] permuted(double[] c, int d, int... order) {
        double[] out = new double[order.length * d];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(c, order[i] * d, out, i * d, d);
        }
        return out;
    }

    @Test
    void draftingGivesOneCardPerClusterWithDistinctNames() {
        PersonaCardsViewModel vm = showing(four);
        assertEquals(4, vm.cards().size());
        List<String> names = vm.names();
        assertEquals(4, new HashSet<>(names).size(), names.toString());
        assertEquals(PersonaDrafter.draft(four.profiles()).stream().map(p -> p.name()).toList(), names);
        for (PersonaCardModel c : vm.cards()) {
            assertEquals(c.cluster(), vm.cards().indexOf(c));
            assertFalse(c.isEdited());
            assertEquals("", c.nameWarningProperty().get());
            assertFalse(c.traits().isEmpty(), "key traits shown as bars");
            assertTrue(c.header().startsWith("cluster " + c.cluster() + " · "), c.header());
        }
        ClusterProfile p0 = four.profiles().get(0);
        assertEquals("cluster 0 · " + org.segmentlab.prep.Numbers.count(p0.size()) + " customers · "
                + org.segmentlab.prep.Numbers.percent(p0.share()), vm.cards().get(0).header());
        // the first bar is the most distinctive trait, with its raw-unit means
        ClusterProfile.Trait t = p0.distinguishing().get(0);
        PersonaCardModel.TraitBar bar = vm.cards().get(0).traits().get(0);
        assertEquals(t.feature(), bar.feature());
        assertEquals(t.z(), bar.z());
        assertEquals(org.segmentlab.prep.Numbers.sig3(t.clusterMean()) + " vs "
                + org.segmentlab.prep.Numbers.sig3(t.populationMean()), bar.values());
        assertFalse(vm.isDirty());
        assertEquals("", vm.message().get());
    }

    @Test
    void editedTextFollowsItsClusterWhenTheRunNumbersThemDifferently() {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel cash = vm.cards().get(2);
        String draftOf2 = cash.nameProperty().get();
        type(cash.nameProperty(), "Cash-Strapped Borrowers");
        cash.descriptionProperty().set("They live on cash advances.");
        int d = four.chosen().d();
        int[] order = {3, 2, 0, 1}; // old cluster 2 becomes new cluster 1
        vm.setClusters(permuted(four.profiles(), order), permuted(four.chosen().centroids(), d, order), d);

        assertEquals("Cash-Strapped Borrowers", vm.cards().get(1).nameProperty().get());
        assertEquals("They live on cash advances.", vm.cards().get(1).descriptionProperty().get());
        assertTrue(vm.cards().get(1).isEdited());
        assertEquals("Cash-Strapped Borrowers", vm.names().get(1));
        // the unedited cards are fresh drafts of their (renumbered) clusters
        assertFalse(vm.names().contains(draftOf2), "the draft name of the edited cluster is gone: " + vm.names());
        for (int i : new int[] {0, 2, 3}) {
            assertFalse(vm.cards().get(i).isEdited());
        }
        // strategies were not touched: they are the new draft's
        assertEquals(vm.cards().get(1).draft().strategies(), vm.cards().get(1).strategyList());
        assertEquals(List.of(), vm.setAside());
        assertTrue(vm.message().get().contains("followed"), vm.message().get());
        assertFalse(vm.canUndoProperty().get(), "a new run starts a new history");
    }

    @Test
    void editedTextFollowsItsClusterToAnotherSeedsRun() {
        PersonaCardsViewModel vm = showing(five);
        for (PersonaCardModel c : vm.cards()) {
            c.nameProperty().set("Mine " + c.cluster());
        }
        vm.setClusters(fiveSeed7);
        // oracle: the new cluster whose centroid is nearest to each old one (the runs differ only a little)
        int d = five.chosen().d();
        double[] a = five.chosen().centroids();
        double[] b = fiveSeed7.chosen().centroids();
        for (int old = 0; old < 5; old++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int n = 0; n < 5; n++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += Math.pow(a[old * d + j] - b[n * d + j], 2);
                }
                if (s < best) {
                    best = s;
                    nearest = n;
                }
            }
            PersonaCardModel card = vm.cards().get(nearest);
            assertEquals("Mine " + old, card.nameProperty().get());
            // only the name was edited: the description is the new draft's, with the new run's sizes
            assertEquals(card.draft().description(), card.descriptionProperty().get());
            assertTrue(card.descriptionProperty().get().startsWith(
                    org.segmentlab.prep.Numbers.count(fiveSeed7.profiles().get(nearest).size()) + " customers"));
        }
        assertEquals(List.of(), vm.setAside());
    }

    @Test
    void aClusterThatVanishedPutsItsCardAsideWithAMessage() {
        PersonaCardsViewModel vm = showing(five);
        for (PersonaCardModel c : vm.cards()) {
            c.nameProperty().set("Mine " + c.cluster());
        }
        vm.setClusters(four);
        ClusterMatcher.Matching m = ClusterMatcher.match(five.profiles(), four.profiles());
        List<Integer> gone = m.unmatchedOld();
        assertFalse(gone.isEmpty(), "five clusters cannot all match four: " + m);
        assertEquals(gone, vm.setAside().stream().map(PersonaCardModel::cluster).toList());
        for (PersonaCardModel a : vm.setAside()) {
            assertEquals("Mine " + a.cluster(), a.nameProperty().get());
            assertTrue(a.isSetAside());
            assertTrue(a.header().startsWith("was cluster "), a.header());
        }
        for (int old = 0; old < 5; old++) {
            if (m.newFor(old) >= 0) {
                assertEquals("Mine " + old, vm.cards().get(m.newFor(old)).nameProperty().get());
            }
        }
        String expected = gone.size() + (gone.size() == 1 ? " card kept aside: its cluster" : " cards kept aside: their clusters")
                + " changed too much";
        assertTrue(vm.message().get().startsWith(expected), vm.message().get());

        // restore the first card set aside onto a cluster, then undo it
        PersonaCardModel aside = vm.setAside().get(0);
        int target = m.unmatchedNew().isEmpty() ? 0 : m.unmatchedNew().get(0);
        String before = vm.cards().get(target).nameProperty().get();
        vm.restoreOnto(aside, target);
        assertEquals(aside.nameProperty().get(), vm.names().get(target));
        assertFalse(vm.setAside().contains(aside));
        vm.undo();
        assertEquals(before, vm.names().get(target));
        assertTrue(vm.setAside().contains(aside));
    }

    @Test
    void uneditedCardsAreNeverSetAside() {
        PersonaCardsViewModel vm = showing(five);
        vm.setClusters(four);
        assertEquals(List.of(), vm.setAside());
        assertEquals("", vm.message().get());
        assertEquals(PersonaDrafter.draft(four.profiles()).stream().map(p -> p.name()).toList(), vm.names());
    }

    @Test
    void undoAndRedoCoverNameDescriptionAndStrategies() {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel c = vm.cards().get(1);
        String name0 = c.nameProperty().get();
        String desc0 = c.descriptionProperty().get();
        String strat0 = c.strategiesProperty().get();

        type(c.nameProperty(), "Steady Shoppers"); // 16 keystrokes (and a clear): one step
        vm.endEditGroup();
        type(c.descriptionProperty(), "Small and often.");
        vm.endEditGroup();
        c.strategiesProperty().set("Cashback\nAutopay");
        assertEquals(List.of("Cashback", "Autopay"), c.strategyList());

        vm.undo();
        assertEquals(strat0, c.strategiesProperty().get());
        assertEquals("Small and often.", c.descriptionProperty().get());
        vm.undo();
        assertEquals(desc0, c.descriptionProperty().get());
        assertEquals("Steady Shoppers", c.nameProperty().get());
        vm.undo();
        assertEquals(name0, c.nameProperty().get());
        assertFalse(vm.canUndoProperty().get());
        assertEquals(name0, vm.names().get(1), "names follow undo");

        vm.redo();
        assertEquals("Steady Shoppers", c.nameProperty().get());
        assertEquals("Steady Shoppers", vm.names().get(1));
        vm.redo();
        vm.redo();
        assertEquals("Cashback\nAutopay", c.strategiesProperty().get());
        assertFalse(vm.canRedoProperty().get());

        // a new edit after undo drops the redo history
        vm.undo();
        c.descriptionProperty().set("Changed my mind.");
        assertFalse(vm.canRedoProperty().get());
    }

    @Test
    void keystrokesInOneFieldMergeUntilTheGroupEnds() {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel c = vm.cards().get(0);
        String name0 = c.nameProperty().get();
        c.nameProperty().set(name0 + " A");
        c.nameProperty().set(name0 + " AB");
        vm.endEditGroup();
        c.nameProperty().set(name0 + " ABC");
        vm.undo();
        assertEquals(name0 + " AB", c.nameProperty().get());
        vm.undo();
        assertEquals(name0, c.nameProperty().get());
        // typing in another field between keystrokes splits the steps too
        c.nameProperty().set("X");
        vm.cards().get(1).nameProperty().set("Y");
        c.nameProperty().set("XZ");
        vm.undo();
        assertEquals("X", c.nameProperty().get());
        assertEquals("Y", vm.cards().get(1).nameProperty().get());
    }

    @Test
    void resetToDraftIsOneUndoableStep() {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel c = vm.cards().get(3);
        String draftName = c.draft().name();
        c.nameProperty().set("Premium");
        vm.endEditGroup();
        c.strategiesProperty().set("Call them");
        assertTrue(c.isEdited());
        vm.resetToDraft(c);
        assertFalse(c.isEdited());
        assertEquals(draftName, c.nameProperty().get());
        assertEquals(c.draft().strategies(), c.strategyList());
        vm.undo();
        assertEquals("Premium", c.nameProperty().get());
        assertEquals("Call them", c.strategiesProperty().get());
    }

    @Test
    void dirtyIsSetByEditsAndClearedBySaving() {
        PersonaCardsViewModel vm = showing(four);
        assertFalse(vm.isDirty());
        vm.cards().get(0).descriptionProperty().set("x");
        assertTrue(vm.isDirty());
        vm.markSaved();
        assertFalse(vm.isDirty());
        vm.undo();
        assertTrue(vm.isDirty(), "undo changes what would be saved");
    }

    @Test
    void entriesRoundTripThroughAProjectFile(@TempDir Path dir) throws Exception {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel c = vm.cards().get(1);
        c.nameProperty().set("Steady Shoppers");
        c.descriptionProperty().set("Small and often.");
        c.strategiesProperty().set("• Cashback\n\n- Autopay  ");
        List<PersonaEntry> entries = vm.toEntries();
        assertEquals(4, entries.size());
        assertEquals(List.of(false, true, false, false), entries.stream().map(PersonaEntry::edited).toList());
        assertEquals(List.of("Cashback", "Autopay"), entries.get(1).persona().strategies());
        int d = four.chosen().d();
        assertArrayEquals(java.util.Arrays.copyOfRange(four.chosen().centroids(), d, 2 * d), entries.get(1).centroid());

        Path csv = Path.of("samples/cc_general.csv");
        Path file = dir.resolve("p.segmentlab");
        new ProjectFile(csv.toAbsolutePath(), new Fingerprint(1, "x"), four.request(), 4, entries).write(file);
        List<PersonaEntry> read = ProjectFile.read(file).personas();

        PersonaCardsViewModel reopened = new PersonaCardsViewModel();
        reopened.restore(read, four.profiles(), four.chosen().centroids(), d);
        assertEquals(vm.names(), reopened.names());
        PersonaCardModel r = reopened.cards().get(1);
        assertEquals("Small and often.", r.descriptionProperty().get());
        assertEquals(List.of("Cashback", "Autopay"), r.strategyList());
        assertTrue(r.isEdited());
        assertFalse(reopened.cards().get(0).isEdited());
        assertFalse(reopened.isDirty());
        assertEquals(List.of(), reopened.setAside());
        assertEquals(vm.toEntries().stream().map(e -> e.persona()).toList(),
                reopened.toEntries().stream().map(e -> e.persona()).toList());
    }

    @Test
    void savedEntriesWithoutAMatchingClusterAreSetAsideOnRestore() {
        PersonaCardsViewModel vm = showing(five);
        for (PersonaCardModel c : vm.cards()) {
            c.nameProperty().set("Mine " + c.cluster());
        }
        List<PersonaEntry> saved = vm.toEntries();
        PersonaCardsViewModel reopened = new PersonaCardsViewModel();
        reopened.restore(saved, four.profiles(), four.chosen().centroids(), four.chosen().d());
        Map<Boolean, List<String>> placed = new HashSet<>(reopened.names()).stream()
                .collect(Collectors.partitioningBy(n -> n.startsWith("Mine ")));
        int aside = reopened.setAside().size();
        assertTrue(aside >= 1, "five saved clusters cannot all land on four");
        assertEquals(5, placed.get(true).size() + aside, "every saved card is placed or set aside");
        assertTrue(reopened.message().get().contains("kept aside"), reopened.message().get());
    }

    @Test
    void aDuplicateNameWarnsOnTheCardButTypingGoesOn() {
        PersonaCardsViewModel vm = showing(four);
        PersonaCardModel first = vm.cards().get(0);
        PersonaCardModel second = vm.cards().get(2);
        String taken = first.nameProperty().get();
        List<List<String>> seen = new ArrayList<>();
        vm.namesProperty().addListener((o, a, b) -> seen.add(b));
        type(second.nameProperty(), taken.toUpperCase());
        assertEquals(taken.toUpperCase(), second.nameProperty().get(), "typing is not blocked");
        assertTrue(second.nameWarningProperty().get().contains("already called"), second.nameWarningProperty().get());
        assertFalse(first.nameWarningProperty().get().isEmpty(), "both cards say why");
        assertEquals(4, new HashSet<>(vm.names()).size(), "names stay distinct elsewhere: " + vm.names());
        assertEquals(taken.toUpperCase() + " (cluster 2)", vm.names().get(2));
        assertFalse(seen.isEmpty(), "listeners heard the renames");

        type(second.nameProperty(), "Borrowers");
        assertEquals("", second.nameWarningProperty().get());
        assertEquals("", first.nameWarningProperty().get());
        assertEquals("Borrowers", vm.names().get(2));

        second.nameProperty().set("  ");
        assertNotEquals("", second.nameWarningProperty().get());
        assertEquals("Cluster 2", vm.names().get(2));
    }
}
