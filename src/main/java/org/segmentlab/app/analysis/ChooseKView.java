package org.segmentlab.app.analysis;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.segmentlab.app.charts.MetricByKChart;
import org.segmentlab.app.help.HelpIcon;

/**
 * The Choose k tab: elbow, mean silhouette, Calinski-Harabasz and Davies-Bouldin against k in a 2x2
 * grid, each with a plain note below. The four charts share one chosen k; clicking a k in any of them
 * picks it ({@link ChooseKViewModel#choose}). Binds only.
 */
public final class ChooseKView extends StackPane {

    private final MetricByKChart elbow = MetricByKChart.elbow();
    private final MetricByKChart silhouette = MetricByKChart.silhouette();
    private final MetricByKChart calinskiHarabasz = MetricByKChart.calinskiHarabasz();
    private final MetricByKChart daviesBouldin = MetricByKChart.daviesBouldin();
    private final Label placeholder = new Label("Run an analysis to see the elbow, silhouette, Calinski–Harabasz and"
            + " Davies–Bouldin scores for each k.");

    public ChooseKView(ChooseKViewModel vm) {
        setId("chooseKView");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        // The elbow chart's own icon explains the elbow; the two words it rests on get theirs beside its note.
        grid.add(cell(elbow, vm.elbowProperty(), "elbowNote", HelpIcon.labelled("inertia", "inertia"),
                HelpIcon.labelled("knee", "knee")), 0, 0);
        grid.add(cell(silhouette, vm.silhouetteProperty(), "silhouetteNote"), 1, 0);
        grid.add(cell(calinskiHarabasz, vm.calinskiHarabaszProperty(), "chNote"), 0, 1);
        grid.add(cell(daviesBouldin, vm.daviesBouldinProperty(), "dbNote"), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        for (MetricByKChart m : List.of(silhouette, calinskiHarabasz, daviesBouldin)) {
            m.chosenKProperty().bindBidirectional(elbow.chosenKProperty());
        }
        elbow.chosenKProperty().set(vm.chosenKProperty().get());
        vm.chosenKProperty().addListener((o, a, k) -> elbow.chosenKProperty().set(k.intValue()));
        elbow.chosenKProperty().addListener((o, a, k) -> vm.choose(k.intValue()));
        vm.fitSecondsProperty().addListener((o, a, s) -> elbow.setFitTimes(s));
        elbow.setFitTimes(vm.fitSecondsProperty().get());

        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(460);
        placeholder.visibleProperty().bind(vm.elbowProperty().isNull());
        grid.visibleProperty().bind(vm.elbowProperty().isNotNull());
        getChildren().addAll(grid, placeholder);
    }

    private static VBox cell(MetricByKChart chart, ObservableValue<ChooseKViewModel.Metric> metric, String noteId,
            HelpIcon... help) {
        Label note = new Label();
        note.setId(noteId);
        note.getStyleClass().add("chart-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable apply = () -> {
            ChooseKViewModel.Metric m = metric.getValue();
            if (m != null) {
                chart.setData(m.ks(), m.values(), m.marked(), m.markLabel());
                note.setText(m.note());
            }
        };
        metric.addListener((o, a, b) -> apply.run());
        apply.run();
        chart.setMinSize(200, 150);
        chart.setPrefSize(400, 260);
        HBox noteRow = new HBox(4, note);
        HBox.setHgrow(note, Priority.ALWAYS);
        for (HelpIcon h : help) {
            h.setId(noteId + "-help-" + h.topicId());
            noteRow.getChildren().add(h);
        }
        VBox box = new VBox(4, chart, noteRow);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    public MetricByKChart elbow() {
        return elbow;
    }

    public MetricByKChart silhouette() {
        return silhouette;
    }

    public MetricByKChart calinskiHarabasz() {
        return calinskiHarabasz;
    }

    public MetricByKChart daviesBouldin() {
        return daviesBouldin;
    }
}
