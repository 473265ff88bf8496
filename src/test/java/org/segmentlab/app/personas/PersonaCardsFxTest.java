package org.segmentlab.app.personas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/** Drives the persona cards headless (Monocle): typing renames the cluster everywhere; Ctrl+Z undoes it. */
@ExtendWith(ApplicationExtension.class)
class PersonaCardsFxTest {

    private static AnalysisResult four;
    private PersonaCardsViewModel vm;

    @BeforeAll
    static void analyse() throws Exception {
        four = Pipeline.run(new CsvLoader().load(Path.of("samples/cc_general.csv")),
                AnalysisRequest.defaults().withKRange(4, 4), ProgressListener.NONE, CancellationToken.NONE);
    }

    @Start
    void start(Stage stage) {
        vm = new PersonaCardsViewModel();
        vm.setClusters(four);
        // the Monocle headless screen is 1280 x 800
        stage.setScene(new Scene(new PersonaCardsView(vm), 1200, 760));
        stage.show();
    }

    @Test
    void typingANameRenamesTheClusterAndCtrlZUndoesIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String draft = vm.names().get(1);
        TextField name = robot.lookup("#persona-name-1").queryAs(TextField.class);
        assertEquals(draft, name.getText());
        focusAndSelectAll(robot, name);
        robot.write("Steady", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Steady", vm.names().get(1));
        assertTrue(vm.isDirty());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(draft, vm.names().get(1), "one Ctrl+Z undoes the whole typed name");
        assertEquals(draft, name.getText());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z).release(KeyCode.SHIFT)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Steady", vm.names().get(1));
    }

    @Test
    void aDuplicateNameShowsAWarningOnTheCard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label warning = robot.lookup("#persona-warning-2").queryAs(Label.class);
        assertFalse(warning.isVisible());
        TextField name = robot.lookup("#persona-name-2").queryAs(TextField.class);
        focusAndSelectAll(robot, name);
        robot.write(vm.names().get(0), 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("already called"), warning.getText());
    }

    @Test
    void strategiesShowAsBulletsAndEditAsLines(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#persona-strategies-0").tryQuery().isEmpty(), "bullets first, no text area yet");
        Hyperlink edit = robot.lookup("#persona-edit-strategies-0").queryAs(Hyperlink.class);
        robot.interact(edit::fire);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea area = robot.lookup("#persona-strategies-0").queryAs(TextArea.class);
        assertTrue(area.isVisible());
        assertTrue(area.isFocused());
        robot.interact(() -> area.positionCaret(area.getLength()));
        robot.type(KeyCode.ENTER);
        robot.write("Call them", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Call them", last(vm.cards().get(0).strategyList()));
        robot.interact(() -> robot.lookup("#persona-name-0").query().requestFocus()); // focus leaves: bullets again
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(area.isVisible());
        Node card = robot.lookup("#persona-card-0").query();
        assertTrue(robot.from(card).lookup((Label l) -> "Call them".equals(l.getText())).tryQuery().isPresent(),
                "the new strategy shows as a bullet");
        robot.interact(edit::fire); // a second edit reuses the same text area
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(area.isVisible());
        assertEquals(1, robot.lookup("#persona-strategies-0").queryAll().size());
    }

    /** Focus by code, not by a mouse trip: the robot's mouse moves in slow steps. */
    private static void focusAndSelectAll(FxRobot robot, TextField field) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    private static String last(java.util.List<String> l) {
        return l.get(l.size() - 1);
    }
}
