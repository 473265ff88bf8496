package org.segmentlab.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.segmentlab.app.TestTables;
import org.segmentlab.app.analysis.AnalysisOutcome;
import org.segmentlab.cluster.KMeansStepper;
import org.segmentlab.data.ToyData;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/** The Learn tab's view model without a window: sources, axes, click-to-place, stepping. */
class LearnViewModelTest {

    private static AnalysisOutcome outcome() throws Exception {
        AnalysisResult r = Pipeline.run(TestTables.customers(null, 400, 5),
                AnalysisRequest.defaults().withKRange(2, 3).withNInit(1), ProgressListener.NONE, CancellationToken.NONE);
        return AnalysisOutcome.of(r);
    }

    @Test
    void withoutAnAnalysisTheToySetsAreOfferedAndTheFirstIsShown() {
        LearnViewModel vm = new LearnViewModel(new SimpleObjectProperty<>());
        assertEquals(ToyData.Kind.values().length, vm.sources().size());
        assertEquals(ToyData.Kind.BLOBS, vm.sourceProperty().get().toy());
        assertEquals(600, vm.dataProperty().get().size());
        assertEquals(KMeansStepper.Phase.START, vm.stateProperty().get().phase());
        vm.step();
        vm.step();
        assertEquals(2, vm.stateProperty().get().iteration());
        vm.seedProperty().set(9);
        assertEquals(0, vm.stateProperty().get().iteration(), "another seed starts a new run");
    }

    @Test
    void anAnalysisBecomesTheSourceWithItsComponentsAndFeaturesAsAxes() throws Exception {
        SimpleObjectProperty<AnalysisOutcome> o = new SimpleObjectProperty<>();
        LearnViewModel vm = new LearnViewModel(o);
        AnalysisOutcome first = outcome();
        o.set(first);
        assertEquals(LearnViewModel.Source.ANALYSIS, vm.sourceProperty().get());
        assertTrue(vm.axisNames().get(0).startsWith("PC1 ("), vm.axisNames().toString());
        assertTrue(vm.axisNames().contains("VISITS (scaled)"), vm.axisNames().toString());
        LearnData d = vm.dataProperty().get();
        assertEquals(first.result().prepared().rows(), d.size());
        assertEquals(first.result().pca().score(3, 1), d.ys()[3], 0.0, "y is PC2 of row 3");
        assertTrue(d.note().startsWith("All " + d.size() + " customers"), d.note());

        int visits = vm.axisNames().indexOf("VISITS (scaled)");
        vm.xAxisProperty().set(visits);
        double[] scaled = first.result().prepared().scaled();
        int cols = first.result().prepared().cols();
        int f = first.result().prepared().featureNames().indexOf("VISITS");
        assertEquals(scaled[5 * cols + f], vm.dataProperty().get().xs()[5], 0.0);
        assertEquals("VISITS (scaled)", vm.dataProperty().get().xLabel());

        vm.step();
        KMeansStepper.State s = vm.stateProperty().get();
        o.set(first.withResult(first.result()));
        assertEquals(s, vm.stateProperty().get(), "the same points: the student's run is kept");
        o.set(null);
        assertFalse(vm.sources().contains(LearnViewModel.Source.ANALYSIS));
        assertEquals(ToyData.Kind.BLOBS, vm.sourceProperty().get().toy());
    }

    @Test
    void whileTheTabIsHiddenANewAnalysisWaitsUntilItIsShown() throws Exception {
        SimpleObjectProperty<AnalysisOutcome> o = new SimpleObjectProperty<>();
        LearnViewModel vm = new LearnViewModel(o);
        LearnData toy = vm.dataProperty().get();
        vm.activeProperty().set(false);
        AnalysisOutcome first = outcome();
        o.set(first);
        assertFalse(vm.sources().contains(LearnViewModel.Source.ANALYSIS), "not even offered while hidden");
        assertEquals(toy, vm.dataProperty().get(), "nor sampled and stepped");
        o.set(outcome());
        o.set(first); // several results while hidden: the tab catches up with the last one only
        vm.activeProperty().set(true);
        assertEquals(LearnViewModel.Source.ANALYSIS, vm.sourceProperty().get(), "offered when shown");
        assertEquals(first.result().prepared().rows(), vm.dataProperty().get().size());
        assertEquals(KMeansStepper.Phase.START, vm.stateProperty().get().phase());
    }

    @Test
    void clickingPlacesTheStartingCentroidsAndTheKthStartsTheRun() {
        LearnViewModel vm = new LearnViewModel(new SimpleObjectProperty<>());
        vm.kProperty().set(2);
        vm.startModeProperty().set(LearnViewModel.StartMode.CLICK);
        assertNull(vm.stateProperty().get());
        vm.place(-5, -5);
        assertEquals(1, vm.placedCountProperty().get());
        assertTrue(vm.messageProperty().get().contains("1 more"), vm.messageProperty().get());
        vm.back();
        assertEquals(0, vm.placedCountProperty().get(), "Back takes the click back");
        vm.place(-5, -5);
        vm.place(5, 5);
        KMeansStepper.State s = vm.stateProperty().get();
        assertArrayEquals(new double[] {-5, -5, 5, 5}, s.centroids());
        vm.assign();
        vm.moveCentroids();
        vm.reset();
        assertArrayEquals(new double[] {-5, -5, 5, 5}, vm.stateProperty().get().centroids(), "reset keeps the clicks");
    }

    @Test
    void aLargeAnalysisIsSampledToTenThousandDistinctRowsTheSameEachTime() {
        int[] a = LearnData.sample(50_000, LearnData.MAX_POINTS, LearnData.SAMPLE_SEED);
        int[] b = LearnData.sample(50_000, LearnData.MAX_POINTS, LearnData.SAMPLE_SEED);
        assertEquals(LearnData.MAX_POINTS, a.length);
        assertArrayEquals(a, b);
        assertEquals(a.length, Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1] && a[i] < 50_000);
        }
        assertEquals(500, LearnData.sample(500, LearnData.MAX_POINTS, 1).length);
    }
}
