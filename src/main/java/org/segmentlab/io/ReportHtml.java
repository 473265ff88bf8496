package org.segmentlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.DataTable;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.SweepEntry;
import org.segmentlab.pipeline.SweepResult;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.Numbers;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.segment.ClusterProfile;
import org.segmentlab.segment.Persona;

/**
 * The report: one self-contained HTML file (inline CSS, charts embedded as {@code data:} PNGs, no
 * script, no font or link to the network) with the data summary, the preparation, the choice of k, the
 * segments with their persona cards and raw means, and what it takes to reproduce the analysis. It
 * prints to PDF from a browser: each section starts a page, table rows and cards are not split.
 *
 * <p>Everything that came from the user or the data (file and column names, persona text, expressions)
 * is HTML-escaped. Numbers follow DESIGN.md through {@link Numbers}. Nothing passed in is modified.
 */
public final class ReportHtml {

    /** File name {@code analyze --out} and the app use. */
    public static final String FILE = "report.html";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * What the report says beyond the analysis itself.
     *
     * @param generated     when the report was made
     * @param fingerprint   the data file's size and SHA-256, or null when it could not be read
     * @param chartsMissing why the charts (or some of them: the report then says so beside those drawn) were not
     *                      drawn, or null when every chart was
     * @param version       SegmentLab's version, e.g. "0.1.0"
     */
    public record Details(LocalDateTime generated, Fingerprint fingerprint, String chartsMissing, String version) {
        public Details {
            Objects.requireNonNull(generated);
            version = version == null ? "" : version;
        }

        /** Now, with the data file's fingerprint when it can be read (it reads the whole file). */
        public static Details of(AnalysisResult r, String chartsMissing, String version) {
            Fingerprint f = null;
            Path source = r.table().source();
            if (source != null && Files.isRegularFile(source)) {
                try {
                    f = Fingerprint.of(source);
                } catch (IOException e) {
                    AppLog.warn("Could not fingerprint " + source + " for the report: " + e.getMessage());
                }
            }
            return new Details(LocalDateTime.now().withNano(0), f, chartsMissing, version);
        }
    }

    private ReportHtml() {
    }

    /**
     * Writes the report to {@code file} atomically (UTF-8).
     *
     * @param personas one per cluster of the chosen k, in cluster order (missing ones read "Cluster n")
     * @param charts   chart name ({@link ChartRenderer#ELBOW}, ...) to PNG bytes; may be empty
     */
    public static void write(Path file, AnalysisResult r, List<Persona> personas, Map<String, byte[]> charts,
                             Details details) throws IOException {
        byte[] bytes = html(r, personas, charts, details).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The report as one HTML document (see {@link #write}). */
    public static String html(AnalysisResult r, List<Persona> personas, Map<String, byte[]> charts, Details details) {
        Objects.requireNonNull(r);
        Map<String, byte[]> images = charts == null ? Map.of() : new LinkedHashMap<>(charts);
        List<Persona> ps = personas == null ? List.of() : List.copyOf(personas);
        StringBuilder h = new StringBuilder(64 * 1024);
        String file = r.table().source() == null ? "(unsaved data)" : String.valueOf(r.table().source().getFileName());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>SegmentLab report: ").append(esc(file)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>Customer segments: ").append(esc(file))
                .append("</h1>\n<p class=\"lead\">").append(esc(headline(r))).append("</p>\n<p class=\"meta\">Made by SegmentLab")
                .append(details.version().isBlank() ? "" : " " + esc(details.version())).append(" on ")
                .append(esc(details.generated().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT))))
                .append(".</p>\n<nav><ol><li><a href=\"#data\">Data</a></li><li><a href=\"#preparation\">Preparation</a></li>")
                .append("<li><a href=\"#choice-of-k\">Choice of k</a></li><li><a href=\"#segments\">Segments</a></li>")
                .append("<li><a href=\"#reproduce\">Reproduce</a></li></ol></nav>\n</header>\n");
        if (images.isEmpty()) {
            h.append("<p class=\"note\" id=\"charts-missing\">The charts were not rendered")
                    .append(details.chartsMissing() == null ? "" : ": " + esc(details.chartsMissing()))
                    .append(". The tables below hold the same numbers.</p>\n");
        } else if (details.chartsMissing() != null) {
            // Some drawn, some not (one chart failed): the reader should know a figure is missing, and why.
            h.append("<p class=\"note\" id=\"charts-missing\">Some charts were not rendered: ")
                    .append(esc(details.chartsMissing())).append(". The tables below hold the same numbers.</p>\n");
        }
        data(h, r);
        preparation(h, r);
        choiceOfK(h, r, images);
        segments(h, r, ps, images);
        reproduce(h, r, details);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    // ---- sections ----------------------------------------------------------------------------------------

    private static void data(StringBuilder h, AnalysisResult r) {
        DataTable t = r.table();
        PreparedData p = r.prepared();
        h.append("<section id=\"data\">\n<h2>1. The data</h2>\n<dl>\n");
        dt(h, "File", t.source() == null ? "(unsaved data)" : t.source().toString());
        dt(h, "Rows", Numbers.count(t.rowCount()));
        int dropped = t.rowCount() - p.rows();
        dt(h, "Rows used", Numbers.count(p.rows()) + (dropped > 0 ? " (" + Numbers.count(dropped)
                + " left out for missing values)" : ""));
        if (t.skippedRows() > 0) {
            dt(h, "Rows skipped while reading", Numbers.count(t.skippedRows()) + " ragged rows");
        }
        dt(h, "Columns", Numbers.count(t.columnCount()));
        h.append("</dl>\n<table class=\"cols\">\n<thead><tr><th>Column</th><th>Type</th><th class=\"num\">Missing</th>")
                .append("<th class=\"num\">Share missing</th><th>Used</th></tr></thead>\n<tbody>\n");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (var f : p.fitted().features()) {
            used.add(f.source());
        }
        used.addAll(p.featureNames());
        for (Column c : t.columns()) {
            long missing = missing(c);
            String type = c.type().name().toLowerCase(Locale.ROOT);
            if (c.detectedType() != null && c.detectedType() != c.type()) {
                type += " (detected " + c.detectedType().name().toLowerCase(Locale.ROOT) + ")";
            }
            h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(type)).append("</td><td class=\"num\">")
                    .append(esc(Numbers.count(missing))).append("</td><td class=\"num\">")
                    .append(t.rowCount() == 0 ? "n/a" : esc(Numbers.percent(missing / (double) t.rowCount())))
                    .append("</td><td>").append(used.contains(c.name()) ? "yes" : "").append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        list(h, "Notes from reading the file", t.warnings());
        h.append("</section>\n");
    }

    private static void preparation(StringBuilder h, AnalysisResult r) {
        PrepOptions o = r.request().prep();
        PreparedData p = r.prepared();
        h.append("<section id=\"preparation\">\n<h2>2. The preparation</h2>\n<dl>\n");
        dt(h, "Features (" + p.cols() + ")", String.join(", ", p.featureNames()));
        StringBuilder imp = new StringBuilder(switch (o.defaultImpute()) {
            case MEDIAN -> "missing values filled with the column's median";
            case DROP -> "rows with a missing value left out";
            default -> "missing values filled with the column's mean";
        });
        for (Map.Entry<String, Imputation> e : new java.util.TreeMap<>(o.imputeOverrides()).entrySet()) {
            Imputation i = e.getValue();
            imp.append("; ").append(e.getKey()).append(": ").append(i.strategy() == ImputeStrategy.CONSTANT
                    ? "filled with " + Numbers.sig3(i.constant()) : i.strategy().cliName());
        }
        dt(h, "Missing values", imp.toString());
        if (!p.imputedValues().isEmpty()) {
            List<String> fills = new java.util.TreeMap<>(p.imputedValues()).entrySet().stream()
                    .map(e -> e.getKey() + " = " + Numbers.sig3(e.getValue())).toList();
            dt(h, "Values filled in", String.join(", ", fills));
        }
        dt(h, "log1p", o.log1pAll() ? "every numeric feature" : o.log1p().isEmpty() ? "none"
                : String.join(", ", o.log1p().stream().sorted().toList()));
        dt(h, "One-hot encoded", o.oneHot().isEmpty() ? "none" : String.join(", ", o.oneHot()));
        dt(h, "Scaling", switch (o.scaling()) {
            case ZSCORE -> "z-score (mean 0, standard deviation 1, as scikit-learn's StandardScaler)";
            case MINMAX -> "min-max (0 to 1)";
            case ROBUST -> "robust (median and interquartile range)";
            case NONE -> "none (raw values)";
        });
        dt(h, "Constant columns left out", p.droppedConstant().isEmpty() ? "none" : String.join(", ", p.droppedConstant()));
        h.append("</dl>\n");
        if (!o.derived().isEmpty()) {
            h.append("<h3>Derived columns</h3>\n<table>\n<thead><tr><th>Name</th><th>Expression</th></tr></thead>\n<tbody>\n");
            for (DerivedColumn d : o.derived()) {
                h.append("<tr><td>").append(esc(d.name())).append("</td><td><code>").append(esc(d.expression()))
                        .append("</code></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        } else {
            h.append("<p>No derived columns.</p>\n");
        }
        list(h, "What the preparation noticed", p.warnings());
        h.append("</section>\n");
    }

    private static void choiceOfK(StringBuilder h, AnalysisResult r, Map<String, byte[]> images) {
        SweepResult s = r.sweep();
        h.append("<section id=\"choice-of-k\">\n<h2>3. The choice of k</h2>\n<p>k-means++ was fitted for every k from ")
                .append(r.request().kMin()).append(" to ").append(r.request().kMax()).append(" and each k scored. ")
                .append("Inertia always falls as k grows: look for its bend (the knee). Silhouette and Calinski-Harabasz: ")
                .append("higher is better; Davies-Bouldin: lower is better.</p>\n<dl>\n");
        dt(h, "Knee of the elbow", s.kneeK().isPresent() ? "k = " + s.kneeK().getAsInt() : "no clear knee");
        dt(h, "Best silhouette", s.bestSilhouetteK().isPresent() ? "k = " + s.bestSilhouetteK().getAsInt() + " ("
                + Numbers.sig3(s.entry(s.bestSilhouetteK().getAsInt()).silhouette()) + ")" : "not computed");
        dt(h, "Chosen k", Integer.toString(r.chosenK()));
        if (s.silhouetteSampled()) {
            dt(h, "Silhouettes", "on a seeded sample of " + Numbers.count(s.silhouetteRows().length) + " customers");
        }
        h.append("</dl>\n<table class=\"sweep\">\n<thead><tr><th class=\"num\">k</th><th class=\"num\">Inertia</th>")
                .append("<th class=\"num\">Silhouette</th><th class=\"num\">Calinski-Harabasz</th>")
                .append("<th class=\"num\">Davies-Bouldin</th><th class=\"num\">Iterations</th><th></th></tr></thead>\n<tbody>\n");
        for (SweepEntry e : s.entries()) {
            List<String> marks = new ArrayList<>();
            if (s.kneeK().isPresent() && s.kneeK().getAsInt() == e.k()) {
                marks.add("knee");
            }
            if (s.bestSilhouetteK().isPresent() && s.bestSilhouetteK().getAsInt() == e.k()) {
                marks.add("best silhouette");
            }
            if (e.k() == r.chosenK()) {
                marks.add("chosen");
            }
            h.append(e.k() == r.chosenK() ? "<tr class=\"chosen\">" : "<tr>").append("<td class=\"num\">").append(e.k())
                    .append("</td><td class=\"num\">").append(esc(Numbers.sig3(e.inertia())))
                    .append("</td><td class=\"num\">").append(esc(Numbers.sig3(e.silhouette())))
                    .append("</td><td class=\"num\">").append(esc(Numbers.sig3(e.calinskiHarabasz())))
                    .append("</td><td class=\"num\">").append(esc(Numbers.sig3(e.daviesBouldin())))
                    .append("</td><td class=\"num\">").append(esc(Numbers.count(e.fit().iterations())))
                    .append("</td><td>").append(String.join(", ", marks)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"small\">Inertia is measured on the scaled data; n/a: not defined for k = 1"
                + " or not computed.</p>\n");
        figure(h, images, ChartRenderer.ELBOW, "The elbow: inertia against k");
        figure(h, images, ChartRenderer.SILHOUETTE_BY_K, "Mean silhouette against k");
        h.append("</section>\n");
    }

    private static void segments(StringBuilder h, AnalysisResult r, List<Persona> personas, Map<String, byte[]> images) {
        h.append("<section id=\"segments\">\n<h2>4. The segments</h2>\n<p>").append(r.chosenK())
                .append(" segments of ").append(esc(Numbers.count(r.prepared().rows()))).append(" customers");
        double sil = r.chosenSilhouetteMean();
        if (Double.isFinite(sil)) {
            h.append(", mean silhouette ").append(esc(Numbers.sig3(sil)));
        }
        if (r.pca() != null && r.pca().components() >= 2) {
            double[] ev = r.pca().explainedVarianceRatio();
            h.append("; the first two principal components explain ").append(esc(Numbers.percent(ev[0] + ev[1])))
                    .append(" of the variance");
        }
        h.append(".</p>\n<table class=\"sizes\">\n<thead><tr><th>Segment</th><th class=\"num\">Customers</th>")
                .append("<th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
        for (ClusterProfile p : r.profiles()) {
            h.append("<tr><td>").append(esc(nameOf(personas, p.id()))).append(" <span class=\"num-id\">(")
                    .append(p.id()).append(")</span></td><td class=\"num\">").append(esc(Numbers.count(p.size())))
                    .append("</td><td class=\"num\">").append(esc(Numbers.percent(p.share()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        figure(h, images, ChartRenderer.SCATTER, "Every customer on the first two principal components");
        figure(h, images, ChartRenderer.SILHOUETTES, "Silhouette of every customer, sorted within segments");
        figure(h, images, ChartRenderer.PROFILE, "Profiles: how far each segment sits from the average (blue below,"
                + " red above), raw means in the cells");

        Map<String, Double> overall = overallMeans(r);
        for (ClusterProfile p : r.profiles()) {
            Persona persona = p.id() < personas.size() ? personas.get(p.id()) : null;
            h.append("<article class=\"card\" id=\"segment-").append(p.id()).append("\">\n<h3>")
                    .append(esc(nameOf(personas, p.id()))).append(" <span class=\"num-id\">(segment ").append(p.id())
                    .append(")</span></h3>\n<p class=\"size\">").append(esc(Numbers.count(p.size()))).append(" customers, ")
                    .append(esc(Numbers.percent(p.share()))).append(" of those clustered</p>\n");
            if (persona != null && persona.description() != null && !persona.description().isBlank()) {
                h.append("<p>").append(esc(persona.description())).append("</p>\n");
            }
            if (persona != null) {
                list(h, "Traits", persona.basis());
                list(h, "Strategies", persona.strategies());
            }
            h.append("<table class=\"means\">\n<thead><tr><th>Column</th><th class=\"num\">Segment mean</th>")
                    .append("<th class=\"num\">All customers</th><th class=\"num\">Difference (sd)</th></tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Double> m : p.means().entrySet()) {
                ClusterProfile.Trait t = p.trait(m.getKey());
                h.append("<tr><td>").append(esc(m.getKey())).append("</td><td class=\"num\">").append(esc(Numbers.sig3(m.getValue())))
                        .append("</td><td class=\"num\">").append(esc(Numbers.sig3(overall.getOrDefault(m.getKey(), Double.NaN))))
                        .append("</td><td class=\"num\">")
                        .append(t == null || !Double.isFinite(t.z()) ? "" : String.format(Locale.ROOT, "%+.2f", t.z()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</article>\n");
        }
        h.append("<p class=\"small\">Means are in the data's own units over the clustered customers; the difference is"
                + " in population standard deviations of the prepared feature (features only).</p>\n</section>\n");
    }

    private static void reproduce(StringBuilder h, AnalysisResult r, Details d) {
        AnalysisRequest q = r.request();
        h.append("<section id=\"reproduce\">\n<h2>5. Reproducing it</h2>\n<p>The same data, settings and seed give the"
                + " same segments, numbered the same way, whatever the number of threads (threads only change the"
                + " speed).</p>\n<dl>\n");
        dt(h, "Seed", Long.toString(q.seed()));
        dt(h, "Restarts (n_init)", Integer.toString(q.nInit()));
        dt(h, "Iterations per restart (max_iter)", Integer.toString(q.maxIter()));
        dt(h, "Tolerance (tol)", Double.toString(q.tol()));
        dt(h, "k range", q.kMin() + " to " + q.kMax());
        dt(h, "Chosen k", Integer.toString(r.chosenK()));
        dt(h, "Silhouettes", q.silhouette().toString());
        dt(h, "Principal components", Integer.toString(q.pcaComponents()));
        if (d.fingerprint() != null) {
            dt(h, "Data fingerprint", Numbers.count(d.fingerprint().size()) + " bytes, SHA-256 " + d.fingerprint().sha256());
        } else {
            dt(h, "Data fingerprint", "not available (the file could not be read when the report was made)");
        }
        h.append("</dl>\n<p>The command line:</p>\n<pre class=\"cmd\">")
                .append(esc(ReproduceCommand.shellLine("segmentlab", ReproduceCommand.arguments(r))))
                .append("</pre>\n<p class=\"small\">With the jar, replace <code>segmentlab</code> by <code>java -jar segmentlab.jar</code>."
                        + " Add <code>--out DIR</code> for the kit of files, <code>--json FILE</code> for every number.</p>\n");
        List<String> notes = new ArrayList<>();
        List<String> bad = ReproduceCommand.unrepresentable(q);
        if (!bad.isEmpty()) {
            notes.add("These column names hold a comma or surrounding spaces, which the command line cannot pass: "
                    + String.join(", ", bad) + ". Rename them in the file, or use the project file.");
        }
        for (Column c : r.table().columns()) {
            if (c.detectedType() != null && c.detectedType() != c.type()) {
                notes.add(c.name() + " was treated as " + c.type().name().toLowerCase(Locale.ROOT) + " (detected "
                        + c.detectedType().name().toLowerCase(Locale.ROOT) + "); the command line keeps the detected type,"
                        + " so open the project in the app to reproduce that.");
            }
        }
        list(h, "Notes", notes);
        h.append("</section>\n");
    }

    // ---- pieces --------------------------------------------------------------------------------------------

    private static String headline(AnalysisResult r) {
        StringBuilder sb = new StringBuilder().append(r.chosenK()).append(" segments of ")
                .append(Numbers.count(r.prepared().rows())).append(" customers");
        double s = r.chosenSilhouetteMean();
        if (Double.isFinite(s)) {
            sb.append(" · mean silhouette ").append(Numbers.sig3(s));
        }
        if (r.pca() != null && r.pca().components() >= 2) {
            double[] ev = r.pca().explainedVarianceRatio();
            sb.append(" · PC1+PC2 ").append(Numbers.percent(ev[0] + ev[1]));
        }
        return sb.toString();
    }

    private static void figure(StringBuilder h, Map<String, byte[]> images, String name, String caption) {
        byte[] png = images.get(name);
        if (png == null) {
            return;
        }
        if (!isPng(png)) {
            AppLog.warn("Report: the chart " + name + " is not a PNG image; left out");
            return;
        }
        h.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static void dt(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static void list(StringBuilder h, String heading, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        h.append("<h4>").append(esc(heading)).append("</h4>\n<ul>\n");
        for (String s : items) {
            h.append("<li>").append(esc(s)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String nameOf(List<Persona> personas, int c) {
        Persona p = c < personas.size() ? personas.get(c) : null;
        return p == null || p.name() == null || p.name().isBlank() ? "Cluster " + c : p.name();
    }

    private static long missing(Column c) {
        ColumnStatistics s = c.statistics();
        if (s != null) {
            return s.missing();
        }
        long n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** Raw-unit mean of every profiled column over the clustered rows (missing cells ignored). */
    private static Map<String, Double> overallMeans(AnalysisResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r.profiles().isEmpty()) {
            return out;
        }
        int[] rows = r.prepared().sourceRows();
        for (String name : r.profiles().get(0).means().keySet()) {
            double[] v = r.table().column(name).filter(Column::isNumeric).map(Column::numbersView)
                    .orElseGet(() -> r.prepared().derivedColumn(name));
            if (v == null) {
                continue;
            }
            double sum = 0;
            long n = 0;
            for (int row : rows) {
                if (row < v.length && !Double.isNaN(v[row])) {
                    sum += v[row];
                    n++;
                }
            }
            out.put(name, n == 0 ? Double.NaN : sum / n);
        }
        return out;
    }

    /** Text as HTML text or attribute value: {@code & < > " '} escaped. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Screen and print styles; system fonts only. */
    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #222; margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; overflow-wrap: anywhere; }
            h2 { border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 2em; }
            h3 { margin-bottom: 0.3em; overflow-wrap: anywhere; }
            h4 { margin: 0.8em 0 0.2em; font-size: 1em; }
            .lead { font-size: 1.15em; margin-top: 0; }
            .meta, .small, .num-id { color: #666; font-size: 0.85em; }
            nav ol { display: flex; flex-wrap: wrap; gap: 0 1.5em; padding-left: 1.2em; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
            dt { font-weight: 600; }
            dd { margin: 0; overflow-wrap: anywhere; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.92em; }
            th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; }
            th { background: #f3f6f9; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.chosen td { background: #e8f1f8; font-weight: 600; }
            figure { margin: 1em 0; }
            figure img { width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { color: #555; font-size: 0.9em; }
            .card { border: 1px solid #ccd; border-radius: 6px; padding: 8px 16px; margin: 1em 0; }
            .note { background: #FFF4CE; border: 1px solid #E6C200; padding: 6px 10px; }
            pre.cmd { background: #f5f5f5; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap;
                      overflow-wrap: anywhere; font-size: 0.9em; }
            @page { size: A4; margin: 14mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              nav { display: none; }
              section { break-before: page; }
              section#data { break-before: auto; } /* the title page holds the data summary */
              h2, h3, h4 { break-after: avoid; }
              thead { display: table-header-group; }
              tr, figure, .card dl { break-inside: avoid; }
              figure img { max-height: 16cm; width: auto; max-width: 100%; }
              .card { break-inside: avoid-page; }
              td.num, th.num { white-space: normal; }
            }
            """;
}
