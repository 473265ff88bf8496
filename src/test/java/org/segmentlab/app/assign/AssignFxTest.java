package org.segmentlab.app.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.CancellingDialogs;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.MainWindow;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.ClusterModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exports and "Assign customers…" in the real window, headless, on the credit-card sample: the
 * segmented CSV from File ▸ Export (a planted formula inert, the card's name in the segment column);
 * a customer typed into the form gets the segment and distances ClusterModel gives; the sample
 * assigned as a file gets back the analysis's own labels. The analysis is lightened as in the other
 * window tests; the file choosers answer without dialogs.
 */
@ExtendWith(ApplicationExtension.class)
class AssignFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private MainWindow window;
    private Path saveAnswer;
    private Path chooseAnswer;

    @Start
    void start(Stage stage) {
        context = org.segmentlab.app.LighterContext.create(dir.resolve("settings.json"));
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        window.setFileDialogs(new CancellingDialogs() {
            @Override
            public Path saveFile(Path near, String title, String suggestedName, String filterName, String pattern) {
                return saveAnswer;
            }

            @Override
            public Path chooseFile(Path near, String title, String filterName, String... patterns) {
                return chooseAnswer;
            }
        });
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    private void openAndWait(FxRobot robot, Path file) throws TimeoutException {
        AnalysisOutcome before = vm().outcomeProperty().get();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && (vm().problem() != null
                || (vm().outcomeProperty().get() != before && vm().personas().cards().size()
                == vm().outcomeProperty().get().result().chosenK())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, vm().problem());
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            MenuItem found = find(m, id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem find(Menu menu, String id) {
        for (MenuItem i : menu.getItems()) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu sub) {
                MenuItem f = find(sub, id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static List<CSVRecord> read(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            return p.getRecords();
        }
    }

    /**
     * One analysis for the whole walk (the window tests are the slow ones): the sample with a formula
     * planted in its text column (CUST_ID of the first customer, which the model does not read).
     */
    @Test
    void exportsTheFormAndTheFileOnOneAnalysis(FxRobot robot) throws Exception {
        MenuItem segments = menuItem(robot, "menuExportSegments");
        assertTrue(segments.isDisable(), "no result, nothing to export");
        List<String> lines = Files.readAllLines(SAMPLE);
        lines.set(1, "=1+1" + lines.get(1).substring(lines.get(1).indexOf(',')));
        Path planted = dir.resolve("planted.csv");
        Files.write(planted, lines);
        openAndWait(robot, planted);
        segmentedDataFromTheExportMenu(robot, segments);
        theFormAndTheFileAssignAsTheAnalysis(robot, planted);
    }

    private void segmentedDataFromTheExportMenu(FxRobot robot, MenuItem segments) throws Exception {
        robot.interact(() -> vm().personas().cards().get(0).nameProperty().set("Big Spenders"));
        assertFalse(segments.isDisable());

        saveAnswer = dir.resolve("out").resolve("segments.csv");
        robot.interact(segments::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy() && Files.exists(saveAnswer));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Exported the segmented data to " + saveAnswer, vm().statusProperty().get());

        List<CSVRecord> rows = read(saveAnswer);
        assertEquals(8951, rows.size());
        List<String> header = rows.get(0).toList();
        assertEquals(21, header.size());
        assertEquals("CUST_ID", header.get(0));
        assertEquals(List.of("cluster", "segment", "silhouette"), header.subList(18, 21));
        assertEquals("'=1+1", rows.get(1).get(0), "the planted formula is inert");
        AnalysisResult r = vm().outcomeProperty().get().result();
        int[] labels = r.chosen().labels();
        int[] source = r.prepared().sourceRows();
        for (int i = 0; i < source.length; i += 50) {
            CSVRecord row = rows.get(source[i] + 1);
            assertEquals(Integer.toString(labels[i]), row.get(18));
            assertEquals(vm().personas().nameOf(labels[i]), row.get(19));
        }
        assertTrue(rows.stream().skip(1).anyMatch(x -> x.get(19).equals("Big Spenders")));

        // A target that cannot be written: the banner names it, the analysis stays.
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "x");
        saveAnswer = blocker.resolve("segments.csv");
        AnalysisOutcome shown = vm().outcomeProperty().get();
        robot.interact(segments::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy() && vm().problem() != null);
        assertTrue(vm().problem().message().startsWith("Could not write segments.csv to " + blocker),
                vm().problem().message());
        assertEquals(shown, vm().outcomeProperty().get());
    }

    private AssignWindow assignWindow() {
        return Window.getWindows().stream().filter(w -> w.getUserData() instanceof AssignWindow)
                .map(w -> (AssignWindow) w.getUserData()).findFirst().orElseThrow();
    }

    private void type(FxRobot robot, String fieldId, String text) {
        TextField f = robot.lookup("#" + fieldId).queryAs(TextField.class);
        robot.clickOn(f); // focuses the assign window, which then receives the keys
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void theFormAndTheFileAssignAsTheAnalysis(FxRobot robot, Path data) throws Exception {
        robot.interact(vm()::dismissProblem);
        robot.interact(() -> vm().personas().cards().get(1).nameProperty().set("Cash Lovers"));
        robot.interact(menuItem(robot, "menuAssign")::fire);
        WaitForAsyncUtils.waitForFxEvents();
        AssignWindow aw = assignWindow();
        assertTrue(aw.stage().isShowing());
        TabPane tabs = robot.lookup("#assignTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();

        // One customer typed by hand: a big cash-advance user.
        type(robot, "form-BALANCE", "4500");
        type(robot, "form-CASH_ADVANCE", "6000");
        type(robot, "form-CASH_ADVANCE_FREQUENCY", "0.6");
        type(robot, "form-PURCHASES", "50");
        ClusterModel model = aw.viewModel().model();
        Map<String, Object> raw = new HashMap<>();
        for (CustomerFormViewModel.Field f : aw.form().fields()) {
            raw.put(f.column(), Double.parseDouble(f.textProperty().get()));
        }
        assertEquals(4500.0, raw.get("BALANCE"));
        ClusterModel.Assignment expected = model.assign(raw);
        String segment = robot.lookup("#formSegment").queryAs(Label.class).getText();
        assertEquals(vm().personas().nameOf(expected.cluster()), segment);
        double[] d = expected.distances();
        int nearest = 0;
        for (int c = 0; c < d.length; c++) {
            assertEquals(org.segmentlab.prep.Numbers.sig3(d[c]),
                    robot.lookup("#formDistance-" + c).queryAs(Label.class).getText());
            if (d[c] < d[nearest]) {
                nearest = c;
            }
        }
        assertEquals(expected.cluster(), nearest);
        assertTrue(robot.lookup("#formDistanceRow-" + nearest).queryAs(HBox.class).getStyleClass().contains("nearest"));

        // Text where a number belongs is marked, and there is no segment until it is fixed.
        type(robot, "form-PURCHASES", "fifty");
        assertEquals("—", robot.lookup("#formSegment").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#form-PURCHASES").queryAs(TextField.class).getStyleClass().contains("invalid"));
        type(robot, "form-PURCHASES", "50");
        assertEquals(segment, robot.lookup("#formSegment").queryAs(Label.class).getText());

        // The sample as a file: every row gets its analysis label back.
        robot.interact(() -> tabs.getSelectionModel().select(0));
        chooseAnswer = data;
        robot.clickOn("#assignChooseFile");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> aw.viewModel().planProperty().get() != null
                || !aw.viewModel().errorProperty().get().isEmpty());
        assertEquals("", aw.viewModel().errorProperty().get());
        robot.clickOn("#assignRun");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !aw.viewModel().isRunning()
                && (aw.viewModel().resultProperty().get() != null || !aw.viewModel().errorProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        AssignViewModel.RunResult result = aw.viewModel().resultProperty().get();
        assertNotNull(result, aw.viewModel().errorProperty().get());
        AnalysisResult r = vm().outcomeProperty().get().result();
        int[] labels = r.chosen().labels();
        int[] source = r.prepared().sourceRows();
        List<CSVRecord> rows = read(result.output());
        assertEquals(8951, rows.size());
        int cluster = rows.get(0).toList().indexOf("cluster");
        int seg = rows.get(0).toList().indexOf("segment");
        int differ = 0;
        for (int i = 0; i < source.length; i++) {
            CSVRecord row = rows.get(source[i] + 1);
            if (!row.get(cluster).equals(Integer.toString(labels[i]))) {
                differ++;
            }
        }
        assertEquals(0, differ, "rows whose assigned cluster is not their analysis label");
        assertTrue(rows.stream().skip(1).anyMatch(x -> x.get(seg).equals("Cash Lovers")));
        assertEquals(8950, aw.viewModel().counts().stream().mapToLong(AssignViewModel.SegmentCount::count).sum());
        assertEquals(AssignViewModel.PREVIEW_ROWS, robot.lookup("#assignPreview").queryTableView().getItems().size());
        System.gc(); // the counts shown must not depend on a listener the collector can take
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(r.chosenK(), robot.lookup("#assignCounts").queryAs(javafx.scene.layout.VBox.class).getChildren().size());
        long ofCluster1 = java.util.Arrays.stream(labels).filter(l -> l == 1).count();
        assertTrue(robot.lookup("#assignCount-1").queryAs(Label.class).getText()
                .startsWith(org.segmentlab.prep.Numbers.count(ofCluster1) + " · "));

        saveAnswer = dir.resolve("assigned.csv");
        robot.clickOn("#assignSave");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(saveAnswer) && !aw.viewModel().isRunning());
        assertEquals(Files.readAllLines(result.output()), Files.readAllLines(saveAnswer));
        robot.interact(() -> aw.stage().hide());
    }
}
