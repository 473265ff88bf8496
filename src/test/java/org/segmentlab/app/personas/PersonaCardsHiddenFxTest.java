package org.segmentlab.app.personas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cards for a result that arrives behind another tab are not built all in one pulse: they come one per pulse in
 * the background, and showing the tab builds whatever is left at once.
 */
@ExtendWith(ApplicationExtension.class)
class PersonaCardsHiddenFxTest {

    private static AnalysisResult six;
    private PersonaCardsViewModel vm;
    private PersonaCardsView view;
    private TabPane tabs;

    @BeforeAll
    static void analyse() throws Exception {
        six = Pipeline.run(new CsvLoader().load(Path.of("samples/cc_general.csv")),
                AnalysisRequest.defaults().withKRange(6, 6), ProgressListener.NONE, CancellationToken.NONE);
    }

    @Start
    void start(Stage stage) {
        vm = new PersonaCardsViewModel();
        view = new PersonaCardsView(vm);
        tabs = new TabPane(new Tab("other", new Label("another tab")), new Tab("cards", view));
        stage.setScene(new Scene(tabs, 1200, 760));
        stage.show();
    }

    private long cards() {
        return view.lookupAll(".persona-card").size();
    }

    @Test
    void hiddenCardsComeOnePerPulseAndShowingBuildsTheRest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long[] rightAfter = new long[1];
        robot.interact(() -> {
            vm.setClusters(six);
            rightAfter[0] = cards();
        });
        assertEquals(6, vm.cards().size());
        assertEquals(0, rightAfter[0], "none built in the pulse the result arrives");
        long[] whenShown = new long[1];
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            whenShown[0] = cards();
        });
        assertEquals(6, whenShown[0], "showing the tab builds the rest at once");
        assertTrue(robot.lookup("#persona-name-5").tryQuery().isPresent());
        assertTrue(robot.lookup("#persona-description-5").tryQuery().isPresent(), "whole cards, descriptions too");
        assertEquals(6, view.lookupAll(".titled-pane").size(), "and each card's \"Why this draft?\"");
    }

    @Test
    void hiddenCardsAreBuiltInTheBackground(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.setClusters(six));
        // a card comes in steps (the card, its description, its "Why this draft?"): wait for the last
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.lookupAll(".titled-pane").size() == 6);
        assertEquals(6, cards());
        assertEquals(6, view.lookupAll(".text-area").size(), "one description each; the strategies' waits for Edit");
        Node first = view.lookup("#persona-name-0");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertEquals(6, cards());
        assertTrue(first == view.lookup("#persona-name-0"), "showing keeps the cards built meanwhile");
    }
}
