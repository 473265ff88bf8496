package org.segmentlab.app;

import java.nio.file.Path;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.data.AdviceSource;
import org.segmentlab.app.data.SimpleAdvisor;
import org.segmentlab.app.data.TableLoader;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.FxTaskRunner;
import org.segmentlab.app.task.TaskRunner;

/**
 * Wires the app's parts once: the task runner, the loader, the advisor, the analysis service, the
 * settings store and the view models. The seams the lead fills at merge are the two constructor
 * arguments of {@link #create}: the core advisor and the real pipeline.
 */
public final class AppContext implements AutoCloseable {

    private final TaskRunner runner;
    private final SettingsStore store;
    private final MainViewModel main;

    public AppContext(TaskRunner runner, TableLoader loader, AdviceSource advisor, AnalysisService analysis,
                      SettingsStore store) {
        this.runner = runner;
        this.store = store;
        this.main = new MainViewModel(runner, loader, advisor, analysis, new SettingsViewModel());
    }

    /** The production wiring, with settings in {@code home}. */
    public static AppContext create(Path home) {
        // Merge seam: replace SimpleAdvisor with an adapter over prep.PreparationAdvisor and
        // NOT_CONNECTED with an AnalysisService over pipeline.Pipeline.run.
        return new AppContext(new FxTaskRunner(), TableLoader.csv(), new SimpleAdvisor(),
                AnalysisService.NOT_CONNECTED, new SettingsStore(home.resolve("settings.json")));
    }

    public TaskRunner runner() {
        return runner;
    }

    public SettingsStore store() {
        return store;
    }

    public MainViewModel main() {
        return main;
    }

    @Override
    public void close() {
        if (runner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Workers are daemon threads; failing to stop them cannot keep the JVM alive.
            }
        }
    }
}
