package org.segmentlab.app.personas;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Manual look at the persona cards with the credit-card sample at k = 4. Arguments: optional window width
 * and height; {@code --aside} first runs k = 5 with an edited card per cluster, so the "Set aside" section
 * shows after the k = 4 run;
 * {@code --bottom} scrolls to the end.
 */
public final class PersonasDemo {

    private PersonasDemo() {
    }

    /** Not an Application subclass itself, so it runs from the class path without module flags. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            var params = getParameters().getUnnamed();
            boolean aside = params.contains("--aside");
            var sizes = params.stream().filter(s -> s.matches("\\d+")).map(Integer::parseInt).toList();
            double w = sizes.size() > 0 ? sizes.get(0) : 1260;
            double h = sizes.size() > 1 ? sizes.get(1) : 900;
            var table = new CsvLoader().load(Path.of("samples/cc_general.csv"));
            PersonaCardsViewModel vm = new PersonaCardsViewModel();
            if (aside) {
                AnalysisResult five = Pipeline.run(table, AnalysisRequest.defaults().withKRange(5, 5),
                        ProgressListener.NONE, CancellationToken.NONE);
                vm.setClusters(five);
                for (PersonaCardModel c : vm.cards()) {
                    c.nameProperty().set(c.nameProperty().get() + " (mine)");
                }
            }
            AnalysisResult r = Pipeline.run(table, AnalysisRequest.defaults().withKRange(4, 4),
                    ProgressListener.NONE, CancellationToken.NONE);
            vm.setClusters(r);
            vm.namesProperty().addListener((o, a, b) -> System.out.println("names: " + b));
            stage.setTitle("SegmentLab personas demo");
            PersonaCardsView view = new PersonaCardsView(vm);
            stage.setScene(new Scene(view, w, h));
            stage.show();
            if (params.contains("--bottom")) {
                // after the first layout passes, when the content's height is known
                var wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                wait.setOnFinished(e -> ((javafx.scene.control.ScrollPane) view.getCenter()).setVvalue(1));
                wait.play();
            }
            Platform.runLater(() -> System.out.println("SHOWN"));
        }
    }
}
