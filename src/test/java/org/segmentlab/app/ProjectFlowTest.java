package org.segmentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.personas.PersonaCardModel;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.DirectTaskRunner;
import org.segmentlab.io.ProjectFile;

/**
 * Projects through the view models, without a window: the real loader and pipeline on a small seeded
 * CSV written per test. Save, reopen, damaged files, moved data, unsaved changes and autosave.
 */
class ProjectFlowTest {

    @TempDir
    Path dir;
    private Path csv;
    /** The autosave the view model scheduled last (fired by hand). */
    private Runnable scheduled;

    /** Four separated groups of different sizes in 3 features, plus an identifier column. */
    @BeforeEach
    void data() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] centres = {{0, 0, 0}, {8, 1, 0}, {0, 9, 2}, {5, 5, 9}};
        int[] sizes = {70, 50, 35, 25};
        StringBuilder sb = new StringBuilder("ID,SPEND,VISITS,RETURNS\n");
        int id = 1;
        for (int g = 0; g < centres.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                sb.append(String.format(Locale.ROOT, "C%04d,%.4f,%.4f,%.4f%n", id++,
                        centres[g][0] + rnd.nextGaussian(), centres[g][1] + rnd.nextGaussian(),
                        centres[g][2] + rnd.nextGaussian()));
            }
        }
        csv = Files.writeString(dir.resolve("shop.csv"), sb.toString());
    }

    private MainViewModel vm() {
        SettingsViewModel settings = new SettingsViewModel(AppContext.baseRequest());
        settings.kMaxProperty().set(6);
        MainViewModel vm = new MainViewModel(new DirectTaskRunner(), TableLoader.csv(), new CoreAdvisor(),
                AnalysisService.PIPELINE, settings);
        vm.setAutosaveTimer(action -> scheduled = action);
        return vm;
    }

    private static int[] labels(MainViewModel vm) {
        return vm.outcomeProperty().get().result().chosen().labels();
    }

    private static List<String> texts(MainViewModel vm) {
        List<String> out = new ArrayList<>();
        for (PersonaCardModel c : vm.personas().cards()) {
            out.add(c.nameProperty().get() + "|" + c.descriptionProperty().get() + "|" + c.strategiesProperty().get());
        }
        return out;
    }

    @Test
    void aSavedProjectReopensWithTheSameChosenKLabelsAndPersonas() {
        MainViewModel first = vm();
        first.open(csv);
        assertNotNull(first.outcomeProperty().get(), "the default analysis ran");
        first.chooseK(3);
        assertEquals(3, first.outcomeProperty().get().result().chosenK());
        first.settings().seedProperty().set(11);
        first.run();
        first.personas().cards().get(1).nameProperty().set("Weekend Browsers");
        first.personas().cards().get(0).descriptionProperty().set("Our largest group.");
        assertEquals("Weekend Browsers", first.personas().nameOf(1));
        Path project = dir.resolve("shop.segmentlab");
        assertTrue(first.saveProject(project));
        int[] labels = labels(first);
        List<String> texts = texts(first);

        MainViewModel second = vm();
        second.open(project);
        AnalysisOutcome o = second.outcomeProperty().get();
        assertNotNull(o);
        assertEquals(3, o.result().chosenK());
        assertArrayEquals(labels, labels(second), "same numbering as when saved");
        assertEquals(texts, texts(second));
        assertEquals(11, second.settings().seedProperty().get());
        assertFalse(second.settings().autoKProperty().get());
        assertFalse(second.isDirty());
        assertEquals("SegmentLab: shop.segmentlab", second.titleProperty().get());
        assertNull(second.problem());
        assertEquals(project.toAbsolutePath().normalize(), second.recentFiles().get(0), "recent as a project");
    }

    @Test
    void theSegmentsViewNamesClustersAfterThePersonasAtOnce() {
        MainViewModel vm = vm();
        vm.open(csv);
        assertNotNull(vm.segmentsModel().model());
        assertEquals(vm.personas().names(), List.of(vm.segmentsModel().model().personaNames()));
        vm.personas().cards().get(0).nameProperty().set("Core Shoppers");
        assertEquals("Core Shoppers", vm.segmentsModel().model().personaNames()[0]);
        assertEquals("Core Shoppers (0)", vm.segmentsModel().model().names()[0]);
        int first = -1;
        for (int i = 0; i < labels(vm).length && first < 0; i++) {
            first = labels(vm)[i] == 0 ? i : -1;
        }
        assertTrue(vm.segmentsModel().model().hover().apply(first).contains("Core Shoppers (cluster 0)"));
    }

    @Test
    void aDamagedProjectLeavesTheOpenDataAndSaysWhy() throws IOException {
        MainViewModel vm = vm();
        vm.open(csv);
        AnalysisOutcome before = vm.outcomeProperty().get();
        Path good = dir.resolve("good.segmentlab");
        assertTrue(vm.saveProject(good));
        String json = Files.readString(good);
        Path half = Files.writeString(dir.resolve("half.segmentlab"), json.substring(0, json.length() / 2));
        vm.open(half);
        assertNotNull(vm.problem());
        assertTrue(vm.problem().message().contains("half.segmentlab is damaged"), vm.problem().message());
        assertSame(before, vm.outcomeProperty().get());
        assertEquals(good, vm.projectPathProperty().get());
        assertEquals(csv.toAbsolutePath().normalize(), vm.fileProperty().get());
    }

    @Test
    void movedDataIsLocatedAndTheProjectOpensThere() throws Exception {
        MainViewModel first = vm();
        first.open(csv);
        first.personas().cards().get(2).nameProperty().set("Returners");
        Path project = dir.resolve("p.segmentlab");
        assertTrue(first.saveProject(project));
        List<String> names = first.personas().names();
        Path moved = Files.move(csv, dir.resolve("moved.csv"));

        MainViewModel second = vm();
        second.open(project);
        assertNotNull(second.awaitingDataProperty().get(), "asks to locate the data");
        assertTrue(second.problem().message().contains("Locate"), second.problem().message());
        assertNull(second.data());

        second.locateData(moved);
        assertNull(second.awaitingDataProperty().get());
        assertEquals(moved.toAbsolutePath().normalize(), second.fileProperty().get());
        assertEquals(names, second.personas().names());
        assertNull(second.problem(), "same content: no warning");
        assertEquals(moved.toAbsolutePath().normalize(), ProjectFile.read(project).dataPath(),
                "the project now points at the located data");
        assertFalse(second.isDirty());
    }

    @Test
    void changedDataWarnsThatResultsMayDiffer() throws IOException {
        MainViewModel first = vm();
        first.open(csv);
        Path project = dir.resolve("p.segmentlab");
        assertTrue(first.saveProject(project));
        Files.writeString(csv, Files.readString(csv) + "C9999,0.1,0.2,0.3\n");

        MainViewModel second = vm();
        second.open(project);
        assertNotNull(second.outcomeProperty().get());
        assertTrue(second.problem().message().contains("the results may differ"), second.problem().message());
    }

    @Test
    void unsavedChangesMarkTheTitleAndAutosaveWritesThem() throws Exception {
        MainViewModel vm = vm();
        vm.open(csv);
        assertEquals("SegmentLab: shop.csv", vm.titleProperty().get());
        assertFalse(vm.isDirty());
        vm.personas().cards().get(0).nameProperty().set("Regulars");
        assertTrue(vm.isDirty());
        assertEquals("SegmentLab: shop.csv ●", vm.titleProperty().get());
        assertNull(scheduled, "no project file yet: nothing to autosave");

        Path project = dir.resolve("shop.segmentlab");
        assertTrue(vm.saveProject(project));
        assertFalse(vm.isDirty());
        assertEquals("SegmentLab: shop.segmentlab", vm.titleProperty().get());

        vm.settings().nInitProperty().set(3);
        assertTrue(vm.isDirty());
        assertEquals("SegmentLab: shop.segmentlab ●", vm.titleProperty().get());
        assertNotNull(scheduled, "a settings change schedules an autosave");
        scheduled.run();
        assertFalse(vm.isDirty());
        assertEquals(3, ProjectFile.read(project).request().nInit());
        assertEquals("Regulars", ProjectFile.read(project).personas().get(0).persona().name());

        vm.settings().nInitProperty().set(10);
        assertTrue(vm.isDirty());
        vm.settings().nInitProperty().set(3);
        assertFalse(vm.isDirty(), "back to the saved settings");
    }
}
