package org.segmentlab.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Export ▸ Report (HTML)… in the real window, headless: the report carries the live charts and the card
 * text as typed (escaped), and it runs as the window's job, which Cancel stops. The real pipeline, lightened as in the
 * other window tests.
 */
@ExtendWith(ApplicationExtension.class)
class ReportExportFxTest {

    private static final Path SAMPLE = Path.of("samples", "cc_general.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        context = org.segmentlab.app.LighterContext.create(dir.resolve("settings.json"));
        window = SegmentLabApp.open(stage, context, AppSettings.empty());
        stage.show();
    }

    @Stop
    void stop() {
        context.close();
    }

    private MainViewModel vm() {
        return context.main();
    }

    @Test
    void theReportHoldsTheLiveChartsAndTheCardsText(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLE));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm().isBusy() && vm().outcomeProperty().get() != null
                && vm().segmentsModel().model() != null && !vm().personas().cards().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#menuBar").query().isDisabled());

        // The user renames a card, markup and all.
        TabPane tabs = window.tabs();
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("personasTab")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#persona-name-1").queryAs(TextField.class);
        String typed = "<b>Our & \"VIPs\"</b>";
        robot.interact(() -> field.setText(typed));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> typed.equals(vm().personas().nameOf(1)));

        Path file = dir.resolve("out/report.html");
        AtomicReference<CompletableFuture<Path>> done = new AtomicReference<>();
        robot.interact(() -> done.set(window.exportReport(file)));
        assertEquals(file, done.get().get(120, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().statusProperty().get().startsWith("Report written"));

        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(html.contains(typed));
        assertTrue(html.contains("&lt;b&gt;Our &amp; &quot;VIPs&quot;&lt;/b&gt;"), "the card's name, escaped");
        int k = vm().outcomeProperty().get().result().chosenK();
        assertEquals(k, html.split("<article class=\"card\"", -1).length - 1);
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<int[]> sizes = new ArrayList<>();
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img);
            sizes.add(new int[] {img.getWidth(), img.getHeight()});
        }
        assertEquals(5, sizes.size(), "elbow, silhouette by k, scatter, silhouettes, profile");
        sizes.forEach(s -> assertEquals(1920, s[0]));
        sizes.forEach(s -> assertEquals(1080, s[1]));

        // The report is the window's job: Cancel in the status bar stops it (between charts) and writes no file.
        Path cancelled = dir.resolve("out/cancelled.html");
        AtomicReference<Boolean> busy = new AtomicReference<>();
        robot.interact(() -> {
            done.set(window.exportReport(cancelled));
            busy.set(vm().isBusy());
            vm().cancel();
        });
        assertTrue(busy.get(), "progress and Cancel are in the status bar while the report is written");
        assertThrows(CancellationException.class, () -> done.get().get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm().isBusy());
        assertFalse(Files.exists(cancelled));
        assertEquals("Cancelled", vm().statusProperty().get());
    }
}
