package org.segmentlab.app;

import java.nio.file.Path;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.table.AdviceSource;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.settings.SettingsViewModel;
import org.segmentlab.app.task.FxTaskRunner;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.pipeline.AnalysisRequest;

/**
 * Wires the app's parts once: the task runner, the loader, the advisor, the analysis service, the
 * settings store and the view models. {@link #create} wires the core advisor and the real pipeline;
 * tests pass their own runner, advisor or service.
 */
public final class AppContext implements AutoCloseable {

    private final TaskRunner runner;
    private final SettingsStore store;
    private final MainViewModel main;

    public AppContext(TaskRunner runner, TableLoader loader, AdviceSource advisor, AnalysisService analysis,
                      SettingsStore store) {
        this.runner = runner;
        this.store = store;
        this.main = new MainViewModel(runner, loader, advisor, analysis, new SettingsViewModel(baseRequest()));
    }

    /** The production wiring, with settings in {@code home}. */
    public static AppContext create(Path home) {
        return new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(), AnalysisService.PIPELINE,
                new SettingsStore(home.resolve("settings.json")));
    }

    /**
     * What the settings panel does not show: the engine's defaults, with 5 principal components (the
     * pipeline keeps min(d, 5)) so the scatter can switch to PC3..PC5.
     */
    public static AnalysisRequest baseRequest() {
        AnalysisRequest d = AnalysisRequest.defaults();
        return new AnalysisRequest(d.prep(), d.kMin(), d.kMax(), d.chosenK(), d.nInit(), d.maxIter(), d.tol(), d.seed(),
                d.threads(), d.silhouette(), 5);
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
