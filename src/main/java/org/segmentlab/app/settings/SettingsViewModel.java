package org.segmentlab.app.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.segmentlab.app.table.Formats;
import org.segmentlab.app.table.LoadedData;
import org.segmentlab.data.Column;
import org.segmentlab.data.DataTable;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;

/**
 * The left settings panel's state: features, preparation, k range and the run parameters. It builds
 * an {@link AnalysisRequest} from them ({@link #requestProperty()}, null with a message in
 * {@link #validationProperty()} when the combination is invalid) and says when the settings differ
 * from the last run ({@link #staleProperty()}). The chosen k is kept apart: picking a k in a chart
 * ({@link #selectK}) never makes the analysis stale. FX thread only.
 */
public final class SettingsViewModel {

    public static final int K_LIMIT = 30;
    public static final List<ImputeStrategy> IMPUTATIONS = List.of(ImputeStrategy.MEAN, ImputeStrategy.MEDIAN,
            ImputeStrategy.DROP);

    private final ObservableList<FeatureItem> features =
            FXCollections.observableArrayList(f -> new Observable[] {f.checkedProperty(), f.log1pProperty()});
    private final FilteredList<FeatureItem> visibleFeatures = new FilteredList<>(features);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<ImputeStrategy> imputation = new SimpleObjectProperty<>(this, "imputation", ImputeStrategy.MEAN);
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.ZSCORE);
    private final ObservableList<DerivedColumn> derived = FXCollections.observableArrayList();
    private final IntegerProperty kMin = new SimpleIntegerProperty(this, "kMin", 1);
    private final IntegerProperty kMax = new SimpleIntegerProperty(this, "kMax", 10);
    private final IntegerProperty chosenK = new SimpleIntegerProperty(this, "chosenK", 4);
    private final BooleanProperty autoK = new SimpleBooleanProperty(this, "autoK", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final IntegerProperty nInit = new SimpleIntegerProperty(this, "nInit", 10);

    private final ReadOnlyObjectWrapper<AnalysisRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper(this, "validation", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper dataSummary = new ReadOnlyStringWrapper(this, "dataSummary", "No data loaded");

    /** Supplies what the panel does not show; a project's request replaces it ({@link #applyRequest}). */
    private AnalysisRequest base;
    private AnalysisRequest lastRun;
    /** The table changed under the last run (a column's type was overridden): its results are stale. */
    private boolean dataChanged;
    private boolean hasTable;
    private List<FeatureItem> tableItems = List.of();

    public SettingsViewModel() {
        this(AnalysisRequest.defaults());
    }

    /** @param base supplies what the panel does not show (max_iter, tol, threads, PCA, silhouette mode) */
    public SettingsViewModel(AnalysisRequest base) {
        this.base = base;
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            visibleFeatures.setPredicate(f.isEmpty() ? null : item -> item.name().toLowerCase(Locale.ROOT).contains(f));
        });
        features.addListener((javafx.collections.ListChangeListener<FeatureItem>) c -> rebuild());
        derived.addListener((javafx.collections.ListChangeListener<DerivedColumn>) c -> refreshFeatures());
        for (Observable o : List.of(imputation, scaling, kMin, kMax, chosenK, autoK, seed, nInit)) {
            o.addListener(x -> rebuild());
        }
        rebuild();
    }

    // ---- commands ----

    /** Shows the columns of a freshly loaded table; a reload of the same columns keeps the user's choices. */
    public void setData(LoadedData data) {
        DataTable table = data.table();
        hasTable = true;
        dataSummary.set(Formats.count(table.rowCount()) + " rows · " + Formats.count(table.columnCount()) + " cols");
        List<FeatureItem> items = new ArrayList<>();
        for (Column c : table.columns()) {
            FeatureItem.Kind kind = switch (c.type()) {
                case NUMERIC -> FeatureItem.Kind.NUMERIC;
                case IDENTIFIER -> FeatureItem.Kind.IDENTIFIER;
                case CONSTANT -> c.isNumeric() ? FeatureItem.Kind.CONSTANT : null;
                default -> null;
            };
            if (kind != null) {
                items.add(new FeatureItem(c.name(), kind, c.statistics().skewness()));
            }
        }
        tableItems = List.copyOf(items);
        refreshFeatures();
    }

    /** Rebuilds the checklist from the table's columns plus the derived ones, keeping existing choices. */
    private void refreshFeatures() {
        Map<String, FeatureItem> old = new HashMap<>();
        for (FeatureItem f : features) {
            old.put(f.name() + "/" + f.kind(), f);
        }
        List<FeatureItem> next = new ArrayList<>();
        for (FeatureItem f : tableItems) {
            next.add(old.getOrDefault(f.name() + "/" + f.kind(), f));
        }
        for (DerivedColumn d : derived) {
            FeatureItem fresh = new FeatureItem(d.name(), FeatureItem.Kind.DERIVED, Double.NaN);
            next.add(old.getOrDefault(d.name() + "/" + FeatureItem.Kind.DERIVED, fresh));
        }
        features.setAll(next);
    }

    /**
     * Takes the core advisor's suggested preparation for a fresh table: its excluded columns (numeric
     * identifiers the column types do not flag) are unchecked, so the panel shows what the default
     * analysis runs with.
     */
    public void applySuggestion(PrepOptions suggested) {
        for (FeatureItem f : features) {
            if (suggested.exclude().contains(f.name())) {
                f.setChecked(false);
            }
        }
    }

    public void checkAll(boolean on) {
        for (FeatureItem f : visibleFeatures) {
            if (f.kind() == FeatureItem.Kind.NUMERIC || f.kind() == FeatureItem.Kind.DERIVED || !on) {
                f.setChecked(on);
            }
        }
    }

    /** Turns log1p on for every checked feature whose |skewness| exceeds 1. */
    public void log1pAllSkewed() {
        for (FeatureItem f : features) {
            if (f.isChecked() && f.isSkewed()) {
                f.setLog1p(true);
            }
        }
    }

    /** A k picked in a chart: shown at once, no re-run, not stale. */
    public void selectK(int k) {
        autoK.set(false);
        chosenK.set(k);
    }

    /** Remembers the request an analysis was started with; later changes make it stale. */
    public void markRun(AnalysisRequest ran) {
        lastRun = ran;
        dataChanged = false;
        updateStale();
    }

    /** The open table changed (not the settings): a result computed before is stale until the next run. */
    public void markDataChanged() {
        if (lastRun != null) {
            dataChanged = true;
            updateStale();
        }
    }

    // ---- request building ----

    private void rebuild() {
        try {
            request.set(build());
            validation.set("");
        } catch (IllegalArgumentException e) {
            request.set(null);
            validation.set(sentence(e.getMessage()));
        }
        updateStale();
    }

    private AnalysisRequest build() {
        List<String> chosen = new ArrayList<>();
        Set<String> logs = new LinkedHashSet<>();
        for (FeatureItem f : features) {
            if (f.isChecked()) {
                chosen.add(f.name());
                if (f.isLog1p()) {
                    logs.add(f.name());
                }
            }
        }
        if (hasTable && chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one feature to cluster on");
        }
        if (kMax.get() > K_LIMIT) {
            throw new IllegalArgumentException("the largest k is " + K_LIMIT + "; " + kMax.get() + " is too many");
        }
        Integer k = autoK.get() ? null : chosenK.get();
        if (k != null && (k < kMin.get() || k > kMax.get())) {
            throw new IllegalArgumentException("the chosen k=" + k + " is outside the range " + kMin.get() + "–" + kMax.get());
        }
        PrepOptions prep = new PrepOptions(chosen, List.of(), List.copyOf(derived), imputation.get(), Map.of(),
                logs, false, List.of(), scaling.get());
        return new AnalysisRequest(prep, kMin.get(), kMax.get(), k, nInit.get(), base.maxIter(), base.tol(),
                seed.get(), base.threads(), base.silhouette(), base.pcaComponents());
    }

    private void updateStale() {
        AnalysisRequest now = request.get();
        stale.set(lastRun != null && (dataChanged || now == null
                || !now.withChosenK(null).equals(lastRun.withChosenK(null))));
    }

    private static String sentence(String s) {
        if (s == null || s.isEmpty()) {
            return "These settings are not valid.";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    /**
     * Shows a saved request (a project's): its features (checked, with log1p), derived columns,
     * imputation, scaling, k range, chosen k (fixed, or auto when it has none), seed and restarts; what
     * the panel does not show (max_iter, tol, threads, silhouette mode, PCA components) is taken as is.
     * Call after {@link #setData} so the features exist; features the table lacks are ignored. The
     * resulting {@link #request()} equals {@code r} when the table has its features in the same order.
     */
    public void applyRequest(AnalysisRequest r) {
        base = r;
        PrepOptions p = r.prep();
        derived.setAll(p.derived());
        Set<String> chosen = new LinkedHashSet<>(p.features());
        for (FeatureItem f : features) {
            boolean on = chosen.isEmpty() ? f.kind() == FeatureItem.Kind.NUMERIC && !p.exclude().contains(f.name())
                    : chosen.contains(f.name());
            f.setChecked(on);
            f.setLog1p(on && (p.log1pAll() || p.log1p().contains(f.name())));
        }
        if (IMPUTATIONS.contains(p.defaultImpute())) {
            imputation.set(p.defaultImpute());
        }
        scaling.set(p.scaling());
        int lo = Math.max(1, r.kMin());
        int hi = Math.min(K_LIMIT, Math.max(lo, r.kMax()));
        kMin.set(Math.min(kMin.get(), lo));
        kMax.set(hi);
        kMin.set(lo);
        if (r.chosenK() != null) {
            autoK.set(false);
            chosenK.set(r.chosenK());
        } else {
            autoK.set(true);
        }
        seed.set(r.seed());
        nInit.set(r.nInit());
        rebuild();
    }

    // ---- persistence ----

    public AppSettings.AnalysisSettings toSettings() {
        return new AppSettings.AnalysisSettings(scaling.get().cliName(), imputation.get().cliName(), kMin.get(),
                kMax.get(), chosenK.get(), autoK.get(), seed.get(), nInit.get());
    }

    /** Restores saved settings; unknown or out-of-range values keep the defaults. */
    public void apply(AppSettings.AnalysisSettings s) {
        if (s == null) {
            return;
        }
        try {
            if (s.scaling() != null) {
                scaling.set(Scaling.parse(s.scaling()));
            }
        } catch (IllegalArgumentException ignored) {
            // An unknown name from another version: keep the default.
        }
        if (s.imputation() != null) {
            IMPUTATIONS.stream().filter(i -> i.cliName().equalsIgnoreCase(s.imputation())).findFirst()
                    .ifPresent(imputation::set);
        }
        if (s.kMin() != null && s.kMax() != null && s.kMin() >= 1 && s.kMin() <= s.kMax() && s.kMax() <= K_LIMIT) {
            kMin.set(s.kMin());
            kMax.set(s.kMax());
        }
        if (s.chosenK() != null && s.chosenK() >= 1 && s.chosenK() <= K_LIMIT) {
            chosenK.set(s.chosenK());
        }
        if (s.autoK() != null) {
            autoK.set(s.autoK());
        }
        if (s.seed() != null && s.seed() >= 0) {
            seed.set(s.seed());
        }
        if (s.nInit() != null && s.nInit() >= 1) {
            nInit.set(s.nInit());
        }
    }

    // ---- properties ----

    public ObservableList<FeatureItem> features() {
        return features;
    }

    /** The checklist's items: {@link #features()} filtered by {@link #filterProperty()}. */
    public ObservableList<FeatureItem> visibleFeatures() {
        return visibleFeatures;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ImputeStrategy> imputationProperty() {
        return imputation;
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    public ObservableList<DerivedColumn> derived() {
        return derived;
    }

    public IntegerProperty kMinProperty() {
        return kMin;
    }

    public IntegerProperty kMaxProperty() {
        return kMax;
    }

    public IntegerProperty chosenKProperty() {
        return chosenK;
    }

    public BooleanProperty autoKProperty() {
        return autoK;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty nInitProperty() {
        return nInit;
    }

    /** The request the panel describes, or null when invalid (see {@link #validationProperty()}). */
    public ReadOnlyObjectProperty<AnalysisRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    public AnalysisRequest request() {
        return request.get();
    }

    /** "" when the settings are valid, else one sentence saying what to change. */
    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    public ReadOnlyStringProperty dataSummaryProperty() {
        return dataSummary.getReadOnlyProperty();
    }
}
