package org.segmentlab.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;

/**
 * The {@code analyze} command line that reproduces an analysis: every setting of its request, with the
 * chosen k made explicit (a knee found once is then asked for by number). Threads are left out: they
 * never change the result. Stateless.
 */
public final class ReproduceCommand {

    /** Arguments the shell needs no quotes for. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ReproduceCommand() {
    }

    /**
     * The arguments after the program name: {@code analyze --input FILE ...}.
     *
     * @param r the analysis (its request and its data file); not modified
     */
    public static List<String> arguments(AnalysisResult r) {
        Path source = r.table().source();
        return arguments(r.request(), r.chosenK(), source == null ? "DATA.csv" : source.toString(),
                r.table().skippedRows() > 0);
    }

    /**
     * @param input      the data file as the user will type it
     * @param skipRagged true when the data was loaded skipping ragged rows
     */
    public static List<String> arguments(AnalysisRequest q, int chosenK, String input, boolean skipRagged) {
        List<String> a = new ArrayList<>();
        a.add("analyze");
        a.add("--input");
        a.add(input);
        PrepOptions p = q.prep();
        if (!p.features().isEmpty()) {
            a.add("--features");
            a.add(String.join(",", p.features()));
        } else if (!p.exclude().isEmpty()) {
            a.add("--exclude");
            a.add(String.join(",", p.exclude()));
        }
        for (DerivedColumn d : p.derived()) {
            a.add("--derive");
            a.add(d.name() + "=" + d.expression());
        }
        a.add("--impute");
        a.add(p.defaultImpute().cliName());
        // sorted, so the same settings always give the same line
        for (Map.Entry<String, Imputation> e : new TreeMap<>(p.imputeOverrides()).entrySet()) {
            a.add("--impute-column");
            a.add(e.getKey() + "=" + imputation(e.getValue()));
        }
        if (p.log1pAll()) {
            a.add("--log1p");
            a.add("all");
        } else if (!p.log1p().isEmpty()) {
            a.add("--log1p");
            a.add(String.join(",", p.log1p().stream().sorted().toList()));
        }
        if (!p.oneHot().isEmpty()) {
            a.add("--one-hot");
            a.add(String.join(",", p.oneHot()));
        }
        a.add("--scale");
        a.add(p.scaling().cliName());
        add(a, "--k-min", q.kMin());
        add(a, "--k-max", q.kMax());
        add(a, "--k", chosenK);
        add(a, "--n-init", q.nInit());
        add(a, "--max-iter", q.maxIter());
        a.add("--tol");
        a.add(Double.toString(q.tol()));
        a.add("--seed");
        a.add(Long.toString(q.seed()));
        a.add("--silhouette");
        a.add(q.silhouette().toString());
        add(a, "--pca", q.pcaComponents());
        if (skipRagged) {
            a.add("--skip-ragged");
        }
        return List.copyOf(a);
    }

    /**
     * Column names the command line cannot carry: {@code --features}, {@code --exclude}, {@code --log1p}
     * and {@code --one-hot} split on commas, so a name with a comma would be read as two. Empty when the
     * line reproduces the analysis exactly.
     */
    public static List<String> unrepresentable(AnalysisRequest q) {
        PrepOptions p = q.prep();
        List<String> out = new ArrayList<>();
        for (List<String> names : List.of(p.features(), p.exclude(), List.copyOf(p.log1p()), p.oneHot())) {
            names.stream().filter(n -> n.contains(",") || !n.equals(n.trim())).forEach(out::add);
        }
        return out.stream().distinct().toList();
    }

    /** The arguments as one POSIX shell line after {@code program}, quoted where needed. */
    public static String shellLine(String program, List<String> args) {
        StringBuilder sb = new StringBuilder(program);
        for (String s : args) {
            sb.append(' ').append(quote(s));
        }
        return sb.toString();
    }

    /** One shell word: as it is when plain, else in single quotes (a quote inside becomes '\''). */
    public static String quote(String s) {
        if (!s.isEmpty() && PLAIN.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String imputation(Imputation i) {
        return i.strategy() == ImputeStrategy.CONSTANT ? Double.toString(i.constant()) : i.strategy().cliName();
    }

    private static void add(List<String> a, String option, int value) {
        a.add(option);
        a.add(Integer.toString(value));
    }
}
