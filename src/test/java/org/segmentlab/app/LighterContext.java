package org.segmentlab.app;

import java.nio.file.Path;
import org.segmentlab.app.analysis.AnalysisService;
import org.segmentlab.app.settings.SettingsStore;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.app.table.TableLoader;
import org.segmentlab.app.task.FxTaskRunner;
import org.segmentlab.metrics.SilhouetteMode;

/**
 * The app's real context for window tests, with a lighter analysis (a fifth of the restarts, silhouettes on a
 * 2,000-row sample) so that tests which run the credit-card sample stay quick; everything else is as shipped.
 */
public final class LighterContext {

    private LighterContext() {
    }

    public static AppContext create(Path settingsFile) {
        AnalysisService lighter = (table, request, progress, cancel) -> AnalysisService.PIPELINE.run(table,
                request.withNInit(Math.max(1, request.nInit() / 5)).withSilhouette(SilhouetteMode.sample(2000)),
                progress, cancel);
        return new AppContext(new FxTaskRunner(), TableLoader.csv(), new CoreAdvisor(), lighter,
                new SettingsStore(settingsFile));
    }
}
