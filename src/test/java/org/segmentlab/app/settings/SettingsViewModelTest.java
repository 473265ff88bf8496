package org.segmentlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segmentlab.app.TestTables;
import org.segmentlab.app.table.LoadedData;
import org.segmentlab.app.table.CoreAdvisor;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Scaling;
import org.segmentlab.progress.CancellationToken;

class SettingsViewModelTest {

    private SettingsViewModel vm;

    @BeforeEach
    void load() {
        vm = new SettingsViewModel();
        vm.setData(data(TestTables.customers(null, 30, 5)));
    }

    private static LoadedData data(DataTable t) {
        return LoadedData.of(t, LoadOptions.defaults(), new CoreAdvisor(), CancellationToken.NONE);
    }

    private FeatureItem item(String name) {
        return vm.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void numericColumnsAreCheckedAndIdentifiersAndConstantsAreNot() {
        assertEquals(List.of("ID (id)", "SPEND", "VISITS", "FLAG (constant)"),
                vm.features().stream().map(FeatureItem::label).toList());
        assertFalse(item("ID").isChecked());
        assertFalse(item("FLAG").isChecked());
        assertEquals(List.of("SPEND", "VISITS"), vm.request().prep().features());
        assertEquals("30 rows · 4 cols", vm.dataSummaryProperty().get());
    }

    @Test
    void theRequestFollowsEveryControl() {
        item("VISITS").setChecked(false);
        item("FLAG").setChecked(true);
        item("SPEND").setLog1p(true);
        vm.imputationProperty().set(ImputeStrategy.MEDIAN);
        vm.scalingProperty().set(Scaling.ROBUST);
        vm.kMinProperty().set(2);
        vm.kMaxProperty().set(12);
        vm.autoKProperty().set(false);
        vm.chosenKProperty().set(5);
        vm.seedProperty().set(7);
        vm.nInitProperty().set(3);
        vm.derived().add(new DerivedColumn("RATIO", "SPEND / VISITS"));

        AnalysisRequest r = vm.request();
        assertNotNull(r);
        assertEquals(List.of("SPEND", "FLAG", "RATIO"), r.prep().features());
        assertEquals(Set.of("SPEND"), r.prep().log1p());
        assertEquals(ImputeStrategy.MEDIAN, r.prep().defaultImpute());
        assertEquals(Scaling.ROBUST, r.prep().scaling());
        assertEquals(List.of(new DerivedColumn("RATIO", "SPEND / VISITS")), r.prep().derived());
        assertEquals(2, r.kMin());
        assertEquals(12, r.kMax());
        assertEquals(5, r.chosenK());
        assertEquals(7L, r.seed());
        assertEquals(3, r.nInit());
        AnalysisRequest d = AnalysisRequest.defaults();
        assertEquals(d.maxIter(), r.maxIter());
        assertEquals(d.pcaComponents(), r.pcaComponents());

        vm.autoKProperty().set(true);
        assertNull(vm.request().chosenK(), "auto means the knee");
    }

    @Test
    void invalidCombinationsGiveNoRequestAndAnInlineMessage() {
        vm.kMinProperty().set(8);
        vm.kMaxProperty().set(4);
        assertNull(vm.request());
        assertTrue(vm.validationProperty().get().startsWith("The k range 8..4 is empty"), vm.validationProperty().get());
        vm.kMinProperty().set(2);
        assertNotNull(vm.request());
        assertEquals("", vm.validationProperty().get());

        vm.checkAll(false);
        assertNull(vm.request());
        assertEquals("Choose at least one feature to cluster on.", vm.validationProperty().get());
        vm.checkAll(true);
        assertEquals(List.of("SPEND", "VISITS"), vm.request().prep().features(), "All does not check identifiers");

        vm.autoKProperty().set(false);
        vm.chosenKProperty().set(9);
        assertNull(vm.request());
        assertTrue(vm.validationProperty().get().contains("The chosen k=9 is outside the range 2–4"), vm.validationProperty().get());
    }

    @Test
    void staleAfterASettingChangesButNotWhenAKIsPicked() {
        assertFalse(vm.isStale(), "nothing has run yet");
        vm.markRun(vm.request());
        assertFalse(vm.isStale());
        vm.selectK(3);
        assertFalse(vm.isStale(), "picking a k in a chart does not need a re-run");
        assertEquals(3, vm.request().chosenK());
        vm.scalingProperty().set(Scaling.MINMAX);
        assertTrue(vm.isStale());
        vm.scalingProperty().set(Scaling.ZSCORE);
        assertFalse(vm.isStale(), "back to what ran");
        item("SPEND").setLog1p(true);
        assertTrue(vm.isStale());
        vm.markRun(vm.request());
        assertFalse(vm.isStale());
        vm.kMaxProperty().set(0);
        assertTrue(vm.isStale(), "an invalid setting is not what ran either");
    }

    @Test
    void filteringShowsMatchingColumnsAndKeepsChoices() {
        item("VISITS").setChecked(false);
        vm.filterProperty().set("sp");
        assertEquals(List.of("SPEND"), vm.visibleFeatures().stream().map(FeatureItem::name).toList());
        vm.checkAll(false);
        vm.filterProperty().set("");
        assertEquals(4, vm.visibleFeatures().size());
        assertFalse(item("SPEND").isChecked());
        assertFalse(item("VISITS").isChecked());
    }

    @Test
    void log1pAllSkewedTouchesOnlyCheckedSkewedFeatures() {
        vm.log1pAllSkewed();
        assertTrue(item("SPEND").isLog1p());
        assertFalse(item("VISITS").isLog1p());
        assertEquals(Set.of("SPEND"), vm.request().prep().log1p());
    }

    @Test
    void reloadingTheSameColumnsKeepsTheUsersChoices() {
        item("VISITS").setChecked(false);
        item("SPEND").setLog1p(true);
        vm.setData(data(TestTables.customers(null, 50, 9)));
        assertFalse(item("VISITS").isChecked());
        assertTrue(item("SPEND").isLog1p());
        assertEquals("50 rows · 4 cols", vm.dataSummaryProperty().get());
    }

    @Test
    void settingsRoundTripAndBadValuesKeepDefaults() {
        vm.scalingProperty().set(Scaling.MINMAX);
        vm.imputationProperty().set(ImputeStrategy.DROP);
        vm.kMinProperty().set(3);
        vm.kMaxProperty().set(9);
        vm.seedProperty().set(1234);
        vm.nInitProperty().set(4);
        vm.selectK(6);
        AppSettings.AnalysisSettings saved = vm.toSettings();

        SettingsViewModel fresh = new SettingsViewModel();
        fresh.apply(saved);
        assertEquals(saved, fresh.toSettings());

        SettingsViewModel other = new SettingsViewModel();
        other.apply(new AppSettings.AnalysisSettings("cubic", "magic", 9, 3, 99, null, -5L, 0));
        assertEquals(new SettingsViewModel().toSettings(), other.toSettings());
    }
}
