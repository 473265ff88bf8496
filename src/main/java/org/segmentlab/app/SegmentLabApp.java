package org.segmentlab.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.segmentlab.app.settings.AppSettings;
import org.segmentlab.io.AppLog;

/**
 * The JavaFX application: one main window. Restores the saved settings, opens the start file (the
 * command-line argument, the last file or the bundled sample) and saves the settings on close.
 */
public final class SegmentLabApp extends Application {

    private AppContext context;
    private MainWindow window;
    private AppSettings saved;

    public static void launchWith(String[] args) {
        Application.launch(SegmentLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> AppLog.error("Uncaught error on the FX thread", e));
        context = AppContext.create(AppLog.home());
        saved = context.store().load();
        window = open(stage, context, saved);
        stage.setOnHidden(e -> save());
        stage.show();
        StartupTimer.watch(stage, context.main());
        StartupFile.choose(getParameters().getRaw(), saved.lastFile(), Path.of("").toAbsolutePath(), AppLog.home())
                .ifPresent(context.main()::open);
    }

    /** Builds the window on {@code stage} and applies saved settings; used by the app and by UI tests. */
    public static MainWindow open(Stage stage, AppContext context, AppSettings saved) {
        MainViewModel vm = context.main();
        MainWindow w = new MainWindow(stage, vm);
        w.restore(saved);
        vm.settings().apply(saved.analysis());
        vm.setRecentFiles(saved.recentFiles().stream().map(Path::of).toList());
        return w;
    }

    /** The settings as they are now: window, splits, files and analysis settings. */
    public static AppSettings snapshot(MainWindow window, MainViewModel vm, AppSettings base) {
        // The next start reopens the project when one is open, else the data file.
        Path file = vm.projectPathProperty().get() != null ? vm.projectPathProperty().get() : vm.fileProperty().get();
        List<String> recent = vm.recentFiles().stream().map(Path::toString).toList();
        return window.capture(base)
                .withFiles(file == null ? base.lastFile() : file.toString(), recent)
                .withAnalysis(vm.settings().toSettings());
    }

    private void save() {
        if (context != null && window != null) {
            saved = snapshot(window, context.main(), saved);
            context.store().save(saved);
        }
    }

    @Override
    public void stop() {
        save();
        if (context != null) {
            context.close();
        }
    }
}
