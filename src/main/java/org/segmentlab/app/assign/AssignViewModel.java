package org.segmentlab.app.assign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.segmentlab.app.task.BackgroundTask;
import org.segmentlab.app.task.TaskHandle;
import org.segmentlab.app.task.TaskListener;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.data.DataException;
import org.segmentlab.io.AppLog;
import org.segmentlab.io.AssignStream;
import org.segmentlab.io.ModelException;
import org.segmentlab.io.ModelJson;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.prep.Numbers;
import org.segmentlab.segment.ClusterModel;

/**
 * "Assign customers…", a file at a time: the model (the current analysis's, or a saved model.json),
 * the customers' CSV and how its columns meet the model, then a streaming run of
 * {@link AssignStream} in the background with progress and cancel, the first rows with their segment,
 * the count per segment, and saving the assigned file. The run writes to a temporary file first; Save
 * copies it where the user asks. One job at a time: a new one cancels the previous, and the results of
 * a superseded job are dropped. FX thread only; every file is read and written on the runner's workers.
 */
public final class AssignViewModel {

    /** Rows shown in the preview. */
    public static final int PREVIEW_ROWS = 100;

    /** How one column meets the model. */
    public enum MatchStatus { MATCHED, MATCHED_IGNORING_CASE, MISSING, EXTRA }

    /**
     * One line of the column matching.
     *
     * @param modelColumn the model's input column, or null for an extra file column
     * @param fileColumn  the file's column it was matched to, or null when missing
     * @param note        what happens to it, in words
     */
    public record ColumnMatch(String modelColumn, String fileColumn, MatchStatus status, String note) {
    }

    /** The first rows of the assigned file, as written (every input column, then the appended ones). */
    public record Preview(List<String> header, List<List<String>> rows) {
        public Preview {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Rows given one segment. */
    public record SegmentCount(int cluster, String segment, long count, double share) {
    }

    /** What a finished run leaves: the summary, the temporary output and its first rows. */
    public record RunResult(AssignStream.Summary summary, Path output, Preview preview) {
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<ClusterModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelSource = new ReadOnlyStringWrapper(this, "modelSource", "");
    private final ReadOnlyObjectWrapper<Path> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<AssignStream.Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<ColumnMatch> matches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<SegmentCount> counts = FXCollections.observableArrayList();
    // One read-only view of each list, kept: a view listens to its list weakly, so a fresh view per
    // call would lose its listeners when collected.
    private final ObservableList<ColumnMatch> matchesView = FXCollections.unmodifiableObservableList(matches);
    private final ObservableList<SegmentCount> countsView = FXCollections.unmodifiableObservableList(counts);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper(this, "matchSummary", "");

    private TaskHandle current = TaskHandle.NONE;
    private long generation;

    public AssignViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * Uses {@code m} to assign (null: none). {@code source} says where it came from ("the current
     * analysis", a file name). Results of the previous model are cleared; a chosen file is matched again.
     */
    public void setModel(ClusterModel m, String source) {
        cancel();
        model.set(m);
        modelSource.set(m == null ? "" : source);
        clearResult();
        error.set("");
        if (m != null && input.get() != null) {
            chooseInput(input.get());
        } else {
            plan.set(null);
            matches.clear();
            matchSummary.set("");
        }
    }

    /** Reads a saved model.json in the background; a bad file leaves the current model and says why. */
    public void openModel(Path file) {
        submit("Reading " + file.getFileName() + "…", "read model " + file.getFileName(),
                (p, cancel) -> ModelJson.read(file),
                m -> {
                    setModel(m, file.getFileName().toString());
                    status.set("Model " + file.getFileName() + ": k = " + m.k() + ", "
                            + m.inputColumns().size() + " input columns");
                },
                e -> error.set(e instanceof ModelException ? e.getMessage()
                        : "Could not read " + file.getFileName() + ": " + e.getMessage() + ". Choose another model file."));
    }

    /** Reads the file's header and matches its columns to the model (in the background). */
    public void chooseInput(Path file) {
        ClusterModel m = model.get();
        input.set(file);
        clearResult();
        plan.set(null);
        matches.clear();
        matchSummary.set("");
        error.set("");
        if (m == null) {
            error.set("Run an analysis or open a model.json first.");
            return;
        }
        submit("Reading the columns of " + file.getFileName() + "…", "plan " + file.getFileName(),
                (p, cancel) -> AssignStream.plan(m, file, AssignStream.Options.defaults()),
                pl -> {
                    plan.set(pl);
                    matches.setAll(matches(m, pl));
                    matchSummary.set(summary(m, pl));
                    status.set("");
                },
                e -> error.set(message(file, e)));
    }

    /** Assigns every row of the chosen file (streaming, in the background) into a temporary file. */
    public void run() {
        ClusterModel m = model.get();
        AssignStream.Plan pl = plan.get();
        if (m == null || pl == null) {
            return;
        }
        clearResult();
        error.set("");
        Path in = pl.input();
        submit("Assigning " + in.getFileName() + "…", "assign " + in.getFileName(), (p, cancel) -> {
            Path out = Files.createTempFile("segmentlab-assigned-", ".csv");
            try {
                AssignStream.Summary s = AssignStream.run(m, pl, out, AssignStream.Options.defaults(), p, cancel);
                return new RunResult(s, out, preview(out, PREVIEW_ROWS));
            } catch (Exception | Error e) {
                Files.deleteIfExists(out);
                throw e;
            }
        }, r -> {
            result.set(r);
            counts.setAll(counts(m, r.summary()));
            AssignStream.Summary s = r.summary();
            status.set(String.format(Locale.ROOT, "%s rows, %s assigned%s (%.1f s)", Numbers.count(s.rows()),
                    Numbers.count(s.assigned()), s.unassigned() == 0 ? ""
                            : ", " + Numbers.count(s.unassigned()) + " without a segment (see the problem column)",
                    s.seconds()));
        }, e -> error.set(message(in, e)));
    }

    /** Copies the assigned rows to {@code target} (through a temporary file beside it). */
    public void save(Path target) {
        RunResult r = result.get();
        if (r == null) {
            return;
        }
        Path to = target.toAbsolutePath();
        if (input.get() != null && to.equals(input.get().toAbsolutePath())) {
            error.set("Choose another file name: saving over " + to.getFileName() + " would replace the customers' file.");
            return;
        }
        error.set("");
        submit("Saving " + to.getFileName() + "…", "save " + to.getFileName(), (p, cancel) -> {
            copyAtomically(r.output(), to);
            return to;
        }, saved -> status.set("Saved the assigned customers to " + saved),
                e -> error.set("Could not write " + to + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ". Choose another folder, or close the file if a spreadsheet has it open."));
    }

    /** Stops the running job (its output is not kept). */
    public void cancel() {
        if (running.get()) {
            current.cancel();
            generation++;
            running.set(false);
            progress.set(0);
            status.set("Cancelled");
        }
    }

    /** The window closes: stops the job and deletes the temporary output. */
    public void dispose() {
        cancel();
        clearResult();
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** How the file's columns meet the model: each model column (found or imputed), then the file's extra ones. */
    public static List<ColumnMatch> matches(ClusterModel m, AssignStream.Plan pl) {
        List<ColumnMatch> out = new ArrayList<>();
        for (String c : m.inputColumns()) {
            Integer at = pl.columnIndex().get(c);
            if (at != null) {
                String h = pl.header().get(at);
                boolean ci = pl.caseInsensitive().containsKey(c);
                out.add(new ColumnMatch(c, h, ci ? MatchStatus.MATCHED_IGNORING_CASE : MatchStatus.MATCHED,
                        ci ? "matched ignoring case" : "matched"));
            } else {
                out.add(new ColumnMatch(c, null, MatchStatus.MISSING, missingNote(m, c)));
            }
        }
        for (String e : pl.extraColumns()) {
            out.add(new ColumnMatch(null, e, MatchStatus.EXTRA, "not used by the model: ignored (copied to the output)"));
        }
        // What needs the user's eye first: missing columns, then loose matches, extras, and exact matches.
        List<MatchStatus> order = List.of(MatchStatus.MISSING, MatchStatus.MATCHED_IGNORING_CASE, MatchStatus.EXTRA,
                MatchStatus.MATCHED);
        out.sort(java.util.Comparator.comparingInt(x -> order.indexOf(x.status())));
        return out;
    }

    /** "16 of 17 model columns found · 1 imputed (MINIMUM_PAYMENTS) · 1 ignored (CUST_ID)". */
    static String summary(ClusterModel m, AssignStream.Plan pl) {
        int missing = pl.missingColumns().size();
        StringBuilder sb = new StringBuilder().append(m.inputColumns().size() - missing).append(" of ")
                .append(m.inputColumns().size()).append(" model columns found");
        if (missing > 0) {
            sb.append(" · ").append(missing).append(" imputed (").append(String.join(", ", pl.missingColumns())).append(')');
        }
        if (!pl.caseInsensitive().isEmpty()) {
            sb.append(" · ").append(pl.caseInsensitive().size()).append(" matched ignoring case");
        }
        if (!pl.extraColumns().isEmpty()) {
            sb.append(" · ").append(pl.extraColumns().size()).append(" ignored (")
                    .append(String.join(", ", pl.extraColumns())).append(')');
        }
        return sb.toString();
    }

    /** What a column absent from the file becomes: every row gets the training fill value. */
    static String missingNote(ClusterModel m, String column) {
        for (FittedPreparation.Feature f : m.preparation().features()) {
            if (f.source().equals(column) && !f.isOneHot() && Double.isFinite(f.fill())) {
                return "not in the file: imputed with the training value " + Numbers.sig3(f.fill());
            }
            if (f.source().equals(column) && f.isOneHot()) {
                return "not in the file: counted as missing (no category) for every row";
            }
        }
        return "not in the file: the values computed from it are imputed with their training values";
    }

    static List<SegmentCount> counts(ClusterModel m, AssignStream.Summary s) {
        long[] per = s.perCluster();
        List<SegmentCount> out = new ArrayList<>();
        for (int c = 0; c < m.k(); c++) {
            out.add(new SegmentCount(c, m.segmentName(c), per[c], s.rows() == 0 ? 0 : per[c] / (double) s.rows()));
        }
        return out;
    }

    /** The first {@code rows} data rows of an assigned file (read with the CSV format AssignStream writes). */
    static Preview preview(Path file, int rows) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            List<String> header = null;
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                if (header == null) {
                    header = rec.toList();
                } else if (out.size() < rows) {
                    out.add(rec.toList());
                } else {
                    break;
                }
            }
            return new Preview(header == null ? List.of() : header, out);
        }
    }

    private static void copyAtomically(Path from, Path target) throws IOException {
        org.segmentlab.io.AtomicFiles.writeVia(target, tmp -> Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    /** The loader's sentence for a bad file (DataException names file, line and column), else a plain one. */
    static String message(Path file, Throwable e) {
        if (e instanceof DataException || e instanceof ModelException) {
            return e.getMessage();
        }
        AppLog.error("Assigning " + file + " failed", e);
        return "Could not assign " + file.getFileName() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()) + ". The log file has the details.";
    }

    private void clearResult() {
        RunResult r = result.get();
        if (r != null) {
            try {
                Files.deleteIfExists(r.output());
            } catch (IOException e) {
                AppLog.info("Could not delete the temporary file " + r.output() + ": " + e.getMessage());
            }
        }
        result.set(null);
        counts.clear();
    }

    private interface Then<T> {
        void accept(T t);
    }

    private <T> void submit(String what, String name, BackgroundTask<T> task, Then<T> ok, Then<Throwable> failed) {
        current.cancel();
        long gen = ++generation;
        running.set(true);
        progress.set(-1);
        status.set(what);
        TaskHandle h = runner.submit(name, task, new TaskListener<T>() {
            @Override
            public void progress(double fraction, String message) {
                if (gen == generation) {
                    progress.set(fraction);
                    if (message != null && !message.isBlank()) {
                        status.set(message);
                    }
                }
            }

            @Override
            public void succeeded(T value) {
                if (gen == generation) {
                    done();
                    ok.accept(value);
                } else if (value instanceof RunResult r) {
                    // A superseded run's file is nobody's: delete it.
                    r.output().toFile().delete();
                }
            }

            @Override
            public void failed(Throwable e) {
                if (gen == generation) {
                    done();
                    status.set("");
                    failed.accept(e);
                }
            }

            @Override
            public void cancelled() {
                if (gen == generation) {
                    done();
                    status.set("Cancelled");
                }
            }
        });
        if (gen == generation && running.get()) {
            current = h;
        }
    }

    private void done() {
        running.set(false);
        progress.set(0);
        current = TaskHandle.NONE;
    }

    // ------------------------------------------------------------------------------------------- state

    public ReadOnlyObjectProperty<ClusterModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ClusterModel model() {
        return model.get();
    }

    /** Where the model came from: "the current analysis" or a file name. */
    public ReadOnlyStringProperty modelSourceProperty() {
        return modelSource.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AssignStream.Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ObservableList<ColumnMatch> matches() {
        return matchesView;
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** One line on how the chosen file's columns meet the model ("" before a file is matched). */
    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    public ObservableList<SegmentCount> counts() {
        return countsView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The running job's fraction done, negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last step failed ("" when it did not): file, line or column, and what to do. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
