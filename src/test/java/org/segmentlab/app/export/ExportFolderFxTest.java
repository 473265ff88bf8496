package org.segmentlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.MainWindow;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.ChartRenderer;
import org.segmentlab.io.ReportHtml;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export ▸ Everything to a folder in the real window, headless: the ten files of {@code analyze --out}, the
 * chart images drawn from the window's charts (Monocle snapshots) and the report with the card's name; and the real
 * question: a folder holding an earlier kit is not written until the user says Replace; Cancel leaves a hand-edited file as it was, and Choose
 * another folder opens the chooser again. The folder chooser answers from a script; the question is the dialog
 * the user sees.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFolderFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private MainWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        context = org.segmentlab.app.LighterContext.create(dir.resolve("settings.json"));
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        window.setFileDialogs(dialogs);
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    private MenuItem everything(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i instanceof Menu sub) {
                    for (MenuItem j : sub.getItems()) {
                        if ("menuExportEverything".equals(j.getId())) {
                            return j;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no Everything to a folder item");
    }

    /** Fires the item without waiting: the question is modal and would hold the FX thread's task. */
    private DialogPane fireAndAwaitQuestion(FxRobot robot, MenuItem item) throws Exception {
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#overwriteDialog").tryQuery().isPresent());
        return robot.lookup("#overwriteDialog").queryAs(DialogPane.class);
    }

    private void answer(FxRobot robot, String buttonId) {
        Button b = robot.lookup("#" + buttonId).queryAs(Button.class);
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Set<String> listed(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** A chart image of the export size, of a plausible file size, and not blank. */
    private static void assertChart(Path png) throws IOException {
        long bytes = Files.size(png);
        assertTrue(bytes > 10_000 && bytes < 5_000_000, png + ": " + bytes + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode");
        assertEquals(1920, img.getWidth(), png.toString());
        assertEquals(1080, img.getHeight(), png.toString());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, png + " looks blank (" + colours.size() + " colours)");
    }

    @Test
    void anEarlierKitIsReplacedOnlyWhenTheUserSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLE));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && vm().outcomeProperty().get() != null
                && vm().segmentsModel().model() != null
                && vm().personas().cards().size() == vm().outcomeProperty().get().result().chosenK());
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem item = everything(robot);
        String named = "Our <b>best</b> customers";
        robot.interact(() -> vm().personas().cards().get(1).nameProperty().set(named));

        // A folder with nothing of the kit: written at once, no question, the ten files of analyze --out.
        Path kit = Files.createDirectories(dir.resolve("kit"));
        Files.writeString(kit.resolve("notes.txt"), "not the kit's");
        dialogs.folders.add(kit);
        robot.interact(item::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && Files.exists(kit.resolve(ReportHtml.FILE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#overwriteDialog").tryQuery().isEmpty());
        assertEquals("Exported 10 files to " + kit, vm().statusProperty().get());
        assertEquals(null, vm().problem(), "every chart was drawn");
        Set<String> expected = new TreeSet<>(AnalysisKit.fileNames(true));
        expected.add("notes.txt");
        assertEquals(expected, listed(kit));
        assertEquals(10, AnalysisKit.fileNames(true).size());
        for (String png : ChartRenderer.KIT_IMAGES) {
            assertChart(kit.resolve(png));
        }
        String html = Files.readString(kit.resolve(ReportHtml.FILE), StandardCharsets.UTF_8);
        assertTrue(html.contains("Our &lt;b&gt;best&lt;/b&gt; customers"), "the report carries the card's name");
        assertEquals(5, Pattern.compile("src=\"data:image/png;base64,").matcher(html).results().count(),
                "the report embeds the five charts");

        // The user edits the kit's CSV by hand, then exports there again and cancels.
        Path segments = kit.resolve(AnalysisKit.SEGMENTS);
        Files.writeString(segments, "edited by hand");
        String status = vm().statusProperty().get();
        dialogs.folders.add(kit);
        DialogPane question = fireAndAwaitQuestion(robot, item);
        assertEquals("10 files in " + kit + " will be replaced.", question.getHeaderText());
        assertTrue(question.getContentText().startsWith("segments.csv, segment_summary.csv, model.json, model.pmml,"
                + " analysis.segmentlab, elbow.png, silhouette.png, pca_scatter.png and 2 more"),
                question.getContentText());
        answer(robot, OverwritePrompt.CANCEL_ID);
        assertFalse(vm().isBusy());
        assertEquals("edited by hand", Files.readString(segments));
        assertEquals(status, vm().statusProperty().get(), "nothing was exported");

        // Choose another folder: the chooser opens again where the user was, and the new folder gets the kit.
        Path other = Files.createDirectories(dir.resolve("other"));
        dialogs.folders.add(kit);
        dialogs.folders.add(other);
        dialogs.startedAt.clear();
        fireAndAwaitQuestion(robot, item);
        answer(robot, OverwritePrompt.CHOOSE_ANOTHER_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && Files.exists(other.resolve(ReportHtml.FILE)));
        assertEquals(kit, dialogs.startedAt.get(1));
        assertEquals("edited by hand", Files.readString(segments));

        // Replace: the earlier kit is written over.
        dialogs.folders.add(kit);
        fireAndAwaitQuestion(robot, item);
        answer(robot, OverwritePrompt.REPLACE_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && !Files.readString(segments).equals("edited by hand"));
        assertTrue(Files.readString(segments).startsWith("CUST_ID,"));
        assertEquals("Exported 10 files to " + kit, vm().statusProperty().get());
        assertEquals("not the kit's", Files.readString(kit.resolve("notes.txt")));
        assertEquals(null, vm().problem());

        // Charts that cannot be drawn (here: a window that offers only the elbow) cost neither the other files nor the
        // report, and the banner names what is missing.
        ExportMenu onlyElbow = new ExportMenu(vm(), () -> dialogs, () -> dir, (f, e) -> OverwritePrompt.Answer.CANCEL,
                null, () -> java.util.Map.of("elbow.png", window.charts().get("elbow.png")),
                org.segmentlab.app.charts.ExportOptions::defaults);
        Path partial = dir.resolve("partial");
        robot.interact(() -> onlyElbow.exportAll(partial));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm().isBusy()
                && Files.exists(partial.resolve(ReportHtml.FILE)));
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> written = new TreeSet<>(AnalysisKit.fileNames(true));
        written.removeAll(List.of("silhouette.png", "pca_scatter.png", "profile.png"));
        assertEquals(written, listed(partial));
        assertChart(partial.resolve("elbow.png"));
        String problem = vm().problem().message();
        assertTrue(problem.startsWith("Exported 7 files to " + partial + ", but not every chart image: silhouette.png,"
                + " pca_scatter.png, report.html's per-customer silhouettes, profile.png: the window has no such"
                + " chart."), problem);
        assertTrue(Files.readString(partial.resolve(ReportHtml.FILE)).contains("Some charts were not rendered"));
    }
}
