package org.segmentlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class SegmentLabApp extends Application {

    public static void launchWith(String[] args) {
        Application.launch(SegmentLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SegmentLab");
        stage.setScene(new Scene(new Label("SegmentLab"), 800, 600));
        stage.show();
    }
}
