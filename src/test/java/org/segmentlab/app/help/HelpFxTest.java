package org.segmentlab.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.AppContext;
import org.segmentlab.app.MainViewModel;
import org.segmentlab.app.SegmentLabApp;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explanations in the real window, headless: the silhouette chart's info icon opens its learn-more text in a
 * PopOver, "Open in Help" opens the glossary there, and searching "Davies" finds its one entry; every measure on
 * screen has a keyboard-reachable icon. Runs on a small seeded file (three groups of customers) so the default
 * analysis is quick.
 */
@ExtendWith(ApplicationExtension.class)
class HelpFxTest {

    @TempDir
    Path dir;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(), AnalysisService.PIPELINE,
                new SettingsStore(dir.resolve("settings.json")));
        SegmentLabApp.open(stage, context, AppSettings.empty());
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    /** 300 customers in three seeded groups: spend, visits, tenure. */
    private Path customers() throws IOException {
        SplittableRandom rnd = new SplittableRandom(8);
        StringBuilder b = new StringBuilder("CUST_ID,SPEND,VISITS,TENURE\n");
        double[][] centres = {{200, 2, 12}, {1500, 10, 6}, {4000, 4, 24}};
        for (int i = 0; i < 300; i++) {
            double[] c = centres[i % 3];
            b.append(String.format(Locale.ROOT, "C%04d,%.2f,%.1f,%.0f%n", i, c[0] * (0.8 + 0.4 * rnd.nextDouble()),
                    c[1] + rnd.nextDouble() * 2, c[2] + rnd.nextInt(3)));
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, b);
        return f;
    }

    private void openAndAnalyse(FxRobot robot) throws IOException, TimeoutException {
        Path file = customers();
        robot.interact(() -> vm().open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && (vm().problem() != null
                || (vm().segmentsModel().model() != null && vm().chooseKModel().elbowProperty().get() != null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm().problem());
    }

    private void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals(id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSilhouetteInfoIconOpensItsLearnMoreTextAndTheGlossaryFindsDavies(FxRobot robot)
            throws IOException, TimeoutException {
        openAndAnalyse(robot);
        selectTab(robot, "chooseKTab");
        Explanation silhouette = Explanations.of("silhouette");
        Label note = robot.lookup("#silhouetteNote").queryAs(Label.class);
        assertTrue(note.getText().startsWith(silhouette.summary() + " Higher is better"), note.getText());

        HelpIcon icon = robot.lookup("#silhouetteChartInfo").queryAs(HelpIcon.class);
        assertEquals("silhouette", icon.topicId());
        assertEquals("About Silhouette (mean)", icon.getAccessibleText());
        assertTrue(icon.getTooltip().getText().startsWith(silhouette.summary()));
        robot.clickOn(icon);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, icon::isLearnMoreShowing);
        WaitForAsyncUtils.waitForFxEvents();

        Node root = icon.popOver().getRoot();
        assertEquals("Silhouette (mean)", ((Label) root.lookup("#learnMoreTitle")).getText());
        VBox text = (VBox) root.lookup("#learnMoreText");
        String shown = text.getChildren().stream().map(n -> ((Label) n).getText()).collect(Collectors.joining("\n\n"));
        assertEquals(silhouette.learnMore(), shown, "the learn-more text, paragraph by paragraph");
        assertTrue(shown.contains("(b − a)"), shown);
        assertEquals(silhouette.example(), ((Label) root.lookup("#learnMoreExample")).getText());
        assertEquals(silhouette.formula(), ((Label) root.lookup("#learnMoreFormula")).getText());

        // the link is at the end of the pane: scroll down to it as a reader would
        robot.interact(() -> ((javafx.scene.control.ScrollPane) root.lookup(".learn-more-scroll")).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(root.lookup("#openInHelp"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> GlossaryWindow.of(stage) != null
                && GlossaryWindow.of(stage).isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(icon.isLearnMoreShowing(), "the PopOver makes way for the glossary");
        GlossaryView glossary = (GlossaryView) GlossaryWindow.of(stage).getScene().getRoot();
        assertEquals("silhouette", glossary.selected().id());
        assertEquals(Explanations.catalogue().all().size(), glossary.shown().size(), "every entry is listed");

        robot.clickOn("#glossarySearch").write("Davies");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("davies-bouldin"), glossary.shown().stream().map(Explanation::id).toList());
        assertEquals("davies-bouldin", glossary.selected().id());
        assertEquals("Davies-Bouldin index", ((Label) glossary.detailPane().lookup("#learnMoreTitle")).getText());

        // "See also" moves within the glossary, clearing a search that hides the target
        robot.clickOn(glossary.detailPane().lookup("#seeAlso-silhouette"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("silhouette", glossary.selected().id());
        assertEquals("", glossary.searchField().getText());
    }

    @Test
    void everyMeasureOnScreenHasAKeyboardReachableInfoIcon(FxRobot robot) throws IOException, TimeoutException {
        openAndAnalyse(robot);
        List<HelpIcon> icons = stage.getScene().getRoot().lookupAll(".help-icon").stream()
                .map(HelpIcon.class::cast).toList();
        Set<String> shown = icons.stream().map(HelpIcon::topicId).collect(Collectors.toCollection(TreeSet::new));
        // z-score, min-max and robust are reached from the scaling entry's "see also" (one icon beside "scale")
        Set<String> expected = new HashSet<>(ExplanationsTest.MEASURES_SHOWN);
        List<String> viaScaling = Arrays.asList("zscore", "minmax", "robust");
        expected.removeAll(viaScaling);
        assertTrue(shown.containsAll(expected), "icons on screen: " + shown + ", expected at least " + expected);
        assertTrue(Explanations.of("scaling").related().containsAll(viaScaling));
        for (HelpIcon i : icons) {
            assertTrue(i.isFocusTraversable(), i.getId());
            assertTrue(i.getAccessibleText().startsWith("About "), i.getId());
        }

        // keyboard: Tab-focus the icon beside "scale", Space opens its pane, Escape closes it
        HelpIcon scaling = robot.lookup("#help-scaling").queryAs(HelpIcon.class);
        robot.interact(scaling::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, scaling::isLearnMoreShowing);
        assertNotNull(scaling.popOver().getRoot().lookup("#seeAlso-zscore"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !scaling.isLearnMoreShowing());

        // Help > Glossary from the menu
        robot.clickOn("Help");
        robot.clickOn("Glossary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> GlossaryWindow.of(stage) != null
                && GlossaryWindow.of(stage).isShowing());
    }
}
