package org.segmentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataException;
import org.segmentlab.data.DataTable;
import org.segmentlab.data.LoadOptions;
import org.segmentlab.io.AnalysisJson;
import org.segmentlab.io.AnalysisKit;
import org.segmentlab.io.ProjectException;
import org.segmentlab.io.ProjectFile;
import org.segmentlab.io.JsonSupport;
import org.segmentlab.io.LabelsCsv;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.Pipeline;
import org.segmentlab.pipeline.SweepEntry;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepException;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterMatcher;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Persona;
import org.segmentlab.segment.PersonaDrafter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze --input FILE ...}: the whole segmentation pipeline, headless, as the window runs it. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segment a CSV file's customers: prepare the features, sweep k with k-means++, score every k,",
                "pick k (the knee unless --k), profile the clusters and run PCA.",
                "Progress goes to stderr; a summary to stdout."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "the CSV file to analyse (required unless --project)")
    Path input;

    @Option(names = "--project", paramLabel = "FILE.segmentlab",
            description = "take the data file and every setting from a saved project (instead of the options below)")
    Path project;

    @Option(names = "--save-project", paramLabel = "FILE.segmentlab",
            description = "save the data file, settings, chosen k and personas as a project the app reopens")
    Path saveProject;

    @ArgGroup(exclusive = true)
    FeatureChoice featureChoice;

    static final class FeatureChoice {
        @Option(names = "--features", split = ",", paramLabel = "A,B", description = "cluster on exactly these columns")
        List<String> features;

        @Option(names = "--exclude", split = ",", paramLabel = "A,B", description = "leave these columns out of the default features")
        List<String> exclude;
    }

    @Option(names = "--derive", paramLabel = "NAME=EXPR",
            description = "a derived column, e.g. 'RATIO=PURCHASES/(CASH_ADVANCE+1)' (repeatable)")
    List<String> derive = new ArrayList<>();

    @Option(names = "--impute", paramLabel = "mean|median|drop", defaultValue = "mean",
            description = "missing values: fill with the mean or median, or drop the row (default: ${DEFAULT-VALUE})")
    String impute;

    @Option(names = "--impute-column", paramLabel = "COL=STRATEGY",
            description = "per-column missing values: mean, median, mode, drop or a number (repeatable)")
    List<String> imputeColumns = new ArrayList<>();

    @Option(names = "--log1p", split = ",", paramLabel = "A,B|all", description = "log1p these columns before scaling")
    List<String> log1p = new ArrayList<>();

    @Option(names = "--one-hot", split = ",", paramLabel = "A,B", description = "one-hot encode these categorical columns")
    List<String> oneHot = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "zscore|minmax|robust|none", defaultValue = "zscore",
            description = "feature scaling (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--k", paramLabel = "N", description = "the chosen k (default: the knee of the elbow)")
    Integer k;

    @Option(names = "--k-min", paramLabel = "N", defaultValue = "1", description = "first k of the sweep (default: ${DEFAULT-VALUE})")
    int kMin;

    @Option(names = "--k-max", paramLabel = "N", defaultValue = "10", description = "last k of the sweep (default: ${DEFAULT-VALUE})")
    int kMax;

    @Option(names = "--n-init", paramLabel = "N", defaultValue = "10", description = "k-means++ restarts per k (default: ${DEFAULT-VALUE})")
    int nInit;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "300", description = "iterations per restart (default: ${DEFAULT-VALUE})")
    int maxIter;

    @Option(names = "--tol", paramLabel = "X", defaultValue = "1e-4", description = "relative tolerance (default: ${DEFAULT-VALUE})")
    double tol;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: up to 2); never changes the result")
    Integer threads;

    @Option(names = "--silhouette", paramLabel = "auto|exact|sample:N|off", defaultValue = "auto",
            description = "silhouettes: exact up to 20,000 rows then a 10,000-row sample (auto), exact, a sample, or off")
    String silhouette;

    @Option(names = "--pca", paramLabel = "N", defaultValue = "2", description = "principal components (0 = none; default: ${DEFAULT-VALUE})")
    int pca;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the full result as JSON")
    Path json;

    @Option(names = "--labels", paramLabel = "OUT.csv", description = "write each input row's cluster (identifier, cluster)")
    Path labels;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"write the kit: segments.csv, segment_summary.csv, model.json, model.pmml, analysis.segmentlab,",
                    "elbow.png, silhouette.png, pca_scatter.png, profile.png and report.html (no display needed)"})
    Path outDir;

    @Option(names = "--chart-size", paramLabel = "WxH", defaultValue = "1920x1080",
            description = "size of the --out chart images in pixels (default: ${DEFAULT-VALUE})")
    String chartSize;

    @Option(names = "--no-charts", description = "with --out: skip the chart images (faster; the report then has none)")
    boolean noCharts;

    @Option(names = "--svg", description = {"with --out: also write the charts as SVG (elbow.svg, silhouette.svg,",
            "pca_scatter.svg, profile.svg): vector shapes and text for slides and print"})
    boolean svg;

    @Option(names = "--skip-ragged", description = "load a file with ragged rows, skipping them")
    boolean skipRagged;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outDir != null) {
            chartSize(); // a bad size is a usage error before the analysis, not after it
        }
        if (svg && (outDir == null || noCharts)) {
            throw new UsageException(outDir == null ? "--svg writes the charts of --out DIR: give --out too"
                    : "--svg and --no-charts contradict each other: drop one");
        }
        ProjectFile saved = null;
        AnalysisRequest request;
        if (project != null) {
            saved = openProject(err);
            request = saved.request();
            input = saved.dataPath();
        } else if (input == null) {
            throw new UsageException("Missing --input FILE (or --project FILE.segmentlab)");
        } else {
            request = buildRequest();
        }
        ProgressListener progress = quiet ? ProgressListener.NONE : new StderrProgress(err);

        long t0 = System.nanoTime();
        LoadOptions loadOptions = LoadOptions.defaults().withSkipRaggedRows(skipRagged);
        DataTable table = new CsvLoader().load(input, loadOptions, progress.range(0, 0.1), CancellationToken.NONE);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        AnalysisResult result;
        try {
            result = Pipeline.run(table, request, progress.range(0.1, 1), CancellationToken.NONE);
        } catch (IllegalArgumentException e) {
            // k beyond the distinct rows and similar: a problem with this data and these settings.
            throw new PrepException(e.getMessage());
        }
        result = new AnalysisResult(result.request(), result.table(), result.prepared(), result.sweep(), result.chosenK(),
                result.chosen(), result.chosenSilhouettes(), result.profiles(), result.pca(),
                result.timings().withLoad(loadSeconds), result.warnings());
        if (!quiet) {
            err.println();
        }
        List<Persona> personas = personasFor(result, saved);
        printSummary(out, result, personas);
        if (json != null) {
            JsonSupport.write(json, AnalysisJson.toJson(result));
            out.println("Wrote " + json);
        }
        if (labels != null) {
            LabelsCsv.write(labels, table, result.prepared().sourceRows(), result.chosen().labels());
            out.println("Wrote " + labels);
        }
        if (outDir != null) {
            writeKit(out, err, result, personas);
        }
        if (saveProject != null) {
            projectOf(result, personas, saved).write(saveProject);
            out.println("Wrote " + saveProject);
        }
        return ExitCodes.OK;
    }

    /**
     * The kit. Charts that cannot be drawn here (no graphics toolkit) are skipped with a note on stderr and in the
     * report; every other file is still written and the exit code stays 0, because the analysis and its data
     * files are complete and the images only redraw numbers the kit already holds.
     */
    private void writeKit(PrintWriter out, PrintWriter err, AnalysisResult result, List<Persona> personas)
            throws java.io.IOException {
        int[] size = chartSize();
        for (Path p : AnalysisKit.write(outDir, result, personas)) {
            out.println("Wrote " + p);
        }
        AnalysisKit.Charts charts = noCharts ? AnalysisKit.Charts.skipped("--no-charts was given")
                : AnalysisKit.renderCharts(result, personas, org.segmentlab.io.ChartRenderer.find(), size[0], size[1]);
        if (charts.missing() != null && !noCharts) {
            err.println("Warning: skipped " + String.join(", ", org.segmentlab.io.ChartRenderer.KIT_IMAGES) + ": "
                    + charts.missing() + ". The other files were written; report.html has no charts.");
        }
        for (Path p : AnalysisKit.writeCharts(outDir, charts)) {
            out.println("Wrote " + p);
        }
        if (svg && charts.missing() == null) {
            try {
                for (Path p : AnalysisKit.writeSvgCharts(outDir, result, personas, org.segmentlab.io.ChartRenderer.find(),
                        size[0], size[1])) {
                    out.println("Wrote " + p);
                }
            } catch (org.segmentlab.io.ChartRenderer.UnavailableException e) {
                err.println("Warning: skipped the SVG charts: " + e.getMessage() + ".");
            }
        }
        out.println("Wrote " + AnalysisKit.writeReport(outDir, result, personas, charts, Version.version()));
    }

    private int[] chartSize() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*").matcher(chartSize);
        if (!m.matches()) {
            throw new UsageException("--chart-size must be written WIDTHxHEIGHT, e.g. 1920x1080, not '" + chartSize + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 100 || h < 100 || w > 16_384 || h > 16_384) {
            throw new UsageException("--chart-size: each side must be 100 to 16384 pixels, not " + chartSize);
        }
        return new int[] {w, h};
    }

    /** Reads --project; a moved or changed data file is bad data (exit 3) or a warning. */
    private ProjectFile openProject(PrintWriter err) throws DataException {
        ProjectFile p;
        try {
            p = ProjectFile.read(project);
        } catch (ProjectException e) {
            throw new DataException(project, 0, null, e.getMessage(), null);
        }
        switch (p.checkData()) {
            case MISSING -> throw new DataException(project, 0, null, "The project's data file " + p.dataPath()
                    + " is not there any more.", "Move it back, or open the project in the app and locate it.");
            case CHANGED -> err.println("Note: " + p.dataPath().getFileName()
                    + " changed since the project was saved (size or content): results may differ.");
            default -> { }
        }
        return p;
    }

    /**
     * Drafts for the new clusters; personas the user edited in a saved project stay on the cluster whose
     * centroid matches theirs.
     */
    static List<Persona> personasFor(AnalysisResult result, ProjectFile saved) {
        List<Persona> drafts = new ArrayList<>(PersonaDrafter.draft(result.profiles()));
        if (saved == null || saved.personas().isEmpty()) {
            return drafts;
        }
        int d = result.prepared().cols();
        List<ProjectFile.PersonaEntry> old = saved.personas();
        if (old.stream().anyMatch(e -> e.centroid().length != d)) {
            return drafts;
        }
        double[] oldCentroids = new double[old.size() * d];
        for (int i = 0; i < old.size(); i++) {
            System.arraycopy(old.get(i).centroid(), 0, oldCentroids, i * d, d);
        }
        ClusterMatcher.Matching m = ClusterMatcher.match(oldCentroids, old.size(), result.chosen().centroids(),
                result.chosenK(), d);
        for (int i = 0; i < old.size(); i++) {
            int c = m.newFor(i);
            if (c >= 0 && old.get(i).edited()) {
                drafts.set(c, old.get(i).persona());
            }
        }
        return drafts;
    }

    private static ProjectFile projectOf(AnalysisResult r, List<Persona> personas, ProjectFile saved)
            throws java.io.IOException {
        List<Boolean> edited = personas.stream().map(p -> saved != null
                && saved.personas().stream().anyMatch(e -> e.edited() && e.persona().equals(p))).toList();
        return ProjectFile.of(r, personas, edited);
    }

    AnalysisRequest buildRequest() {
        List<DerivedColumn> derived = new ArrayList<>();
        for (String d : derive) {
            derived.add(usage(() -> DerivedColumn.parse(d)));
        }
        ImputeStrategy defaultImpute = switch (impute.toLowerCase(Locale.ROOT)) {
            case "mean" -> ImputeStrategy.MEAN;
            case "median" -> ImputeStrategy.MEDIAN;
            case "drop" -> ImputeStrategy.DROP;
            default -> throw new UsageException("--impute must be mean, median or drop, not '" + impute + "'");
        };
        Map<String, Imputation> overrides = new LinkedHashMap<>();
        for (String s : imputeColumns) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0) {
                throw new UsageException("--impute-column must be written COL=STRATEGY, not '" + s + "'");
            }
            overrides.put(s.substring(0, eq).trim(), usage(() -> Imputation.parse(s.substring(eq + 1))));
        }
        boolean log1pAll = log1p.stream().anyMatch(s -> s.equalsIgnoreCase("all"));
        Set<String> log1pColumns = new LinkedHashSet<>();
        log1p.stream().map(String::trim).filter(s -> !s.equalsIgnoreCase("all")).forEach(log1pColumns::add);
        Scaling scaling = usage(() -> Scaling.parse(scale));
        List<String> features = featureChoice != null && featureChoice.features != null ? featureChoice.features : List.of();
        List<String> exclude = featureChoice != null && featureChoice.exclude != null ? featureChoice.exclude : List.of();
        PrepOptions prep = new PrepOptions(trim(features), trim(exclude), derived, defaultImpute, overrides, log1pColumns,
                log1pAll, trim(oneHot), scaling);
        SilhouetteMode mode = usage(() -> SilhouetteMode.parse(silhouette));
        int t = threads == null ? AnalysisRequest.DEFAULT_THREADS : threads;
        return usage(() -> new AnalysisRequest(prep, kMin, kMax, k, nInit, maxIter, tol, seed, t, mode, pca));
    }

    private static List<String> trim(List<String> names) {
        return names.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private interface Build<T> {
        T get();
    }

    /** Runs a builder whose IllegalArgumentException means the command line asks for the impossible. */
    private static <T> T usage(Build<T> b) {
        try {
            return b.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, AnalysisResult r, List<Persona> personas) {
        out.printf(Locale.ROOT, "%s: %,d rows, %,d used, %d features (%s)%n", r.table().source().getFileName(),
                r.table().rowCount(), r.prepared().rows(), r.prepared().cols(), String.join(", ", r.prepared().featureNames()));
        out.printf(Locale.ROOT, "%4s %14s %10s %12s %10s %6s%n", "k", "inertia", "silhouette", "CH", "DB", "iter");
        for (SweepEntry e : r.sweep().entries()) {
            out.printf(Locale.ROOT, "%4d %14.1f %10s %12s %10s %6d%s%n", e.k(), e.fit().inertia(), fmt(e.silhouette(), "%.3f"),
                    fmt(e.calinskiHarabasz(), "%.1f"), fmt(e.daviesBouldin(), "%.3f"), e.fit().iterations(),
                    e.k() == r.chosenK() ? "  <- chosen" : "");
        }
        out.printf(Locale.ROOT, "knee: %s, best silhouette: %s, chosen k = %d%s%n",
                r.sweep().kneeK().isPresent() ? "k=" + r.sweep().kneeK().getAsInt() : "none",
                r.sweep().bestSilhouetteK().isPresent() ? "k=" + r.sweep().bestSilhouetteK().getAsInt() : "n/a",
                r.chosenK(), r.sweep().silhouetteSampled() ? " (silhouettes on a sample)" : "");
        for (ClusterProfile p : r.profiles()) {
            StringBuilder traits = new StringBuilder();
            p.distinguishing().stream().limit(3).forEach(t -> traits.append(traits.length() == 0 ? "" : ", ")
                    .append(t.feature()).append(String.format(Locale.ROOT, " %+.2f sd", t.z())));
            out.printf(Locale.ROOT, "cluster %d, %s: %,d customers (%.1f%%): %s%n", p.id(), personas.get(p.id()).name(),
                    p.size(), 100 * p.share(), traits);
        }
        r.warnings().forEach(w -> out.println("note: " + w));
    }

    private static String fmt(double v, String pattern) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : "-";
    }

    /** A one-line progress display on stderr, updated at most every 100 ms. */
    private static final class StderrProgress implements ProgressListener {
        private final PrintWriter err;
        private long last;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(double fraction, String message) {
            long now = System.nanoTime();
            if (now - last < 100_000_000L && fraction < 1) {
                return;
            }
            last = now;
            String pct = fraction < 0 ? "    " : String.format(Locale.ROOT, "%3.0f%%", 100 * fraction);
            err.print("\r" + pct + " " + String.format(Locale.ROOT, "%-60s", message));
            err.flush();
        }
    }
}
