package org.segmentlab.app.analysis;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.segmentlab.app.task.TaskHandle;
import org.segmentlab.app.task.TaskListener;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.io.AppLog;
import org.segmentlab.pipeline.AnalysisResult;

/**
 * The Segments tab's state: a {@link SegmentsModel} built on a worker (through the one
 * {@link TaskRunner}) whenever the shown analysis or the scatter's axes change. A model for an
 * outcome that was replaced meanwhile is dropped. FX thread only.
 */
public final class SegmentsViewModel {

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<SegmentsModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private AnalysisResult shown;
    /** The result {@link #model} was built from (differs from {@link #shown} while a new model is built). */
    private AnalysisResult modelResult;
    /** The persona names by cluster, or empty: they replace the drafted names when their count is k. */
    private java.util.List<String> names = java.util.List.of();
    private int xIndex = 0;
    private int yIndex = 1;
    private TaskHandle building = TaskHandle.NONE;
    private long generation;

    public SegmentsViewModel(ObservableValue<AnalysisOutcome> outcome, TaskRunner runner) {
        this.runner = runner;
        outcome.addListener((o, a, b) -> show(b == null ? null : b.result()));
        AnalysisOutcome now = outcome.getValue();
        show(now == null ? null : now.result());
    }

    private void show(AnalysisResult r) {
        building.cancel();
        long gen = ++generation;
        if (r == null) {
            shown = null;
            modelResult = null;
            model.set(null);
            return;
        }
        // A new analysis starts on PC1/PC2; another k of the same analysis keeps the axes chosen.
        if (shown == null || shown.prepared() != r.prepared()) {
            xIndex = 0;
            yIndex = 1;
        }
        shown = r;
        int xi = xIndex;
        int yi = yIndex;
        submit(gen, r, "segments view", (p, cancel) -> SegmentsModel.build(r, xi, yi));
    }

    /**
     * Names the clusters (the persona cards' names, by cluster number): the shown model is renamed at
     * once, without a re-run, and later models take the names when their k matches.
     */
    public void setNames(java.util.List<String> byCluster) {
        names = byCluster == null ? java.util.List.of() : java.util.List.copyOf(byCluster);
        SegmentsModel m = model.get();
        if (m != null && modelResult != null) {
            model.set(m.withNames(modelResult, names));
        }
    }

    /** Shows other axes (indices into {@link SegmentsModel#axisChoices()}). */
    public void setAxes(int x, int y) {
        SegmentsModel m = model.get();
        if (m == null || (x == m.axes().xIndex() && y == m.axes().yIndex())) {
            return;
        }
        xIndex = x;
        yIndex = y;
        building.cancel();
        long gen = ++generation;
        AnalysisResult r = shown;
        submit(gen, r, "scatter axes", (p, cancel) -> m.withAxes(r, x, y));
    }

    private void submit(long gen, AnalysisResult r, String name,
                        org.segmentlab.app.task.BackgroundTask<SegmentsModel> task) {
        TaskHandle h = runner.submit(name, task, new TaskListener<SegmentsModel>() {
            @Override
            public void succeeded(SegmentsModel m) {
                if (gen == generation) {
                    modelResult = r;
                    model.set(m.withNames(r, names));
                }
            }

            @Override
            public void failed(Throwable error) {
                AppLog.error("Could not prepare the segments view", error);
            }
        });
        if (gen == generation) {
            building = h;
        }
    }

    /** What the tab draws now, or null without a result. */
    public ReadOnlyObjectProperty<SegmentsModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public SegmentsModel model() {
        return model.get();
    }
}
