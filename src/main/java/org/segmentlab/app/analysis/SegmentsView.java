package org.segmentlab.app.analysis;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.segmentlab.app.charts.PcaScatter;
import org.segmentlab.app.charts.ProfileHeatmap;
import org.segmentlab.app.charts.SilhouettePlot;
import org.segmentlab.app.help.HelpIcon;

/**
 * The Segments tab: the PCA scatter of every customer (large, left), the silhouette plot of the chosen
 * k (right) and the profile heatmap (below), in split panes whose positions the window remembers.
 * Clicking a silhouette band highlights that cluster's customers in the scatter. Binds only: each
 * chart gets its arrays once per new {@link SegmentsModel}.
 */
public final class SegmentsView extends StackPane {

    private final PcaScatter scatter = new PcaScatter();
    private final SilhouettePlot silhouette = new SilhouettePlot();
    private final ProfileHeatmap heatmap = new ProfileHeatmap();
    // Each chart sits under its info icons: what PCA axes, biplot arrows, silhouettes and heatmap colours mean.
    private final SplitPane top = new SplitPane(
            underHelp(scatter, "scatterHelp", HelpIcon.labelled("pca-explained-variance", "PCA axes"),
                    HelpIcon.labelled("pca-loadings", "biplot arrows")),
            withHelp(silhouette, "silhouetteHelp", HelpIcon.of("silhouette-per-customer")));
    private final SplitPane vertical = new SplitPane(top, withHelp(heatmap, "heatmapHelp", HelpIcon.of("profile-heatmap")));
    private final SegmentsViewModel vm;

    public SegmentsView(SegmentsViewModel vm) {
        this.vm = vm;
        setId("segmentsView");
        top.setId("segmentsTopSplit");
        top.setDividerPositions(0.64);
        vertical.setId("segmentsSplit");
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(top.getItems().get(1), false);
        scatter.setMinSize(300, 240);
        silhouette.setMinSize(200, 200);
        heatmap.setMinSize(300, 120);
        heatmap.setPrefSize(900, 260);
        // Both ways: the scatter clears its highlight itself when k shrinks, which a one-way binding forbids.
        scatter.highlightedClusterProperty().bindBidirectional(silhouette.selectedClusterProperty());
        // The axis lists hold long feature names; sized by their longest item the two boxes would push the
        // scatter's other tools out of its toolbar.
        for (String id : new String[] {"#xAxisChoice", "#yAxisChoice"}) {
            if (scatter.lookup(id) instanceof javafx.scene.control.ComboBox<?> box) {
                box.setPrefWidth(130);
                box.setMinWidth(90);
            }
        }

        Label placeholder = new Label("Run an analysis to see the segments: PCA scatter, silhouettes and profiles.");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(460);
        placeholder.visibleProperty().bind(vm.modelProperty().isNull());
        vertical.visibleProperty().bind(vm.modelProperty().isNotNull());
        getChildren().addAll(vertical, placeholder);

        vm.modelProperty().addListener((o, a, m) -> show(a, m));
        show(null, vm.model());
    }

    private void show(SegmentsModel before, SegmentsModel m) {
        if (m == null) {
            return;
        }
        boolean sameClusters = before != null && before.labels() == m.labels();
        boolean renamed = sameClusters && !java.util.Arrays.equals(before.personaNames(), m.personaNames());
        if (!sameClusters || renamed) {
            // Silhouettes first: they reset a selection beyond k before the scatter sees the new k.
            silhouette.setData(m.silhouette(), m.silhouetteCluster(), m.k(), shortNames(m, true), m.silhouetteSampled());
            heatmap.setData(shortNames(m, true), m.sizes(), m.features(), m.z(), m.rawMeans(), m.populationMeans());
            if (!sameClusters) {
                scatter.hiddenClusters().clear();
            }
            scatter.setClusterNames(m.names());
            scatter.setPointLabeler(m.hover());
        }
        SegmentsModel.Axes a = m.axes();
        scatter.setData(a.xs(), a.ys(), m.labels(), m.k(), a.xLabel(), a.yLabel());
        scatter.setCentroids(a.cx(), a.cy(), shortNames(m, false));
        scatter.setLoadings(a.loadingNames(), a.lx(), a.ly());
        scatter.setWarning(a.warning());
        boolean axesReset = before != null && a.xIndex() == 0 && a.yIndex() == 1
                && (before.axes().xIndex() != 0 || before.axes().yIndex() != 1);
        if (before == null || !before.axisChoices().equals(m.axisChoices()) || axesReset) {
            scatter.setAxisChoices(m.axisChoices(), vm::setAxes);
        }
    }

    /** The chart with a slim row of info icons beneath it, right-aligned (the scatter has no free corner). */
    private static VBox underHelp(Node chart, String barId, HelpIcon... icons) {
        HBox bar = new HBox(2, icons);
        bar.setId(barId);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(0, 6, 2, 6));
        bar.setStyle("-fx-background-color: white;");
        for (HelpIcon h : icons) {
            h.setId("help-" + h.topicId());
        }
        VBox host = new VBox(chart, bar);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return host;
    }

    /** The chart with its info icon laid over its top-right corner, beside the chart's title. */
    private static StackPane withHelp(Node chart, String barId, HelpIcon icon) {
        icon.setId("help-" + icon.topicId());
        HBox bar = new HBox(icon);
        bar.setId(barId);
        bar.setPickOnBounds(false);
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane host = new StackPane(chart, bar);
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        StackPane.setMargin(bar, new Insets(4, 6, 4, 6));
        return host;
    }

    /** Longest persona name shown where space is tight (centroid labels, silhouette bands). */
    static final int SHORT_NAME = 26;

    /** Names cut to {@link #SHORT_NAME} characters (a generic draft can be long), optionally with the number. */
    static String[] shortNames(SegmentsModel m, boolean withNumber) {
        String[] out = new String[m.k()];
        for (int c = 0; c < out.length; c++) {
            String n = m.personaNames()[c];
            String cut = n.length() <= SHORT_NAME ? n : n.substring(0, SHORT_NAME - 1).stripTrailing() + "…";
            out[c] = withNumber ? cut + " (" + c + ")" : cut;
        }
        return out;
    }

    public PcaScatter scatter() {
        return scatter;
    }

    public SilhouettePlot silhouette() {
        return silhouette;
    }

    public ProfileHeatmap heatmap() {
        return heatmap;
    }

    /** Scatter | silhouette. */
    public SplitPane topSplit() {
        return top;
    }

    /** (scatter | silhouette) over heatmap. */
    public SplitPane verticalSplit() {
        return vertical;
    }
}
