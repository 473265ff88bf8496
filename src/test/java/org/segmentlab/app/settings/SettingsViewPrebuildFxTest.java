package org.segmentlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.LoadedData;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.progress.CancellationToken;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The feature list's pre-build (blank features in the first idle pulses) ends with the model's own list shown. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewPrebuildFxTest {

    private final SettingsViewModel vm = new SettingsViewModel();
    private final AtomicInteger mostItems = new AtomicInteger();
    private ListView<FeatureItem> list;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        SettingsView view = new SettingsView(vm, () -> { }, new SimpleBooleanProperty(false));
        stage.setScene(new Scene(view, 320, 800));
        stage.show();
        view.applyCss();
        list = (ListView<FeatureItem>) view.lookup("#featureList");
        list.itemsProperty().addListener((o, a, b) -> mostItems.accumulateAndGet(b.size(), Math::max));
    }

    @Test
    void theBlankFeaturesGoAndAFileFillsTheModelsList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mostItems.get() == 24
                && list.getItems() == vm.visibleFeatures()
                && robot.lookup((ImageView i) -> true).tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.getItems().isEmpty(), "no blank feature stays");

        LoadedData d = LoadedData.of(new CsvLoader().load(Path.of("samples/cc_general.csv")), LoadOptions.defaults(),
                new CoreAdvisor(), CancellationToken.NONE);
        robot.interact(() -> vm.setData(d));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(vm.visibleFeatures(), list.getItems());
        assertEquals(18, list.getItems().size());
        assertEquals("CUST_ID", list.getItems().get(0).name());
    }
}
