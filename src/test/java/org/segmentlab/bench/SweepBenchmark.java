package org.segmentlab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.data.Matrix;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.KSweep;
import org.segmentlab.pipeline.SweepEntry;
import org.segmentlab.pipeline.SweepResult;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;

/**
 * Side-by-side benchmark main (see bench/engine.sh): loads a CSV as the scikit-learn reference script
 * does, runs {@link KSweep} and prints JSON with the same keys as {@code sklearn_reference.py}
 * ({@code sweep_fit_s}, {@code silhouette_total_s}, per-k inertia and scores), plus process CPU seconds of
 * the fits and of the silhouette pass (with CH/DB) for the first sweep (cold JVM) and the last one
 * ({@code --warmup N} sweeps before it; warm). The data are laid out as the app lays out its prepared matrix
 * ({@code Matrix.copyOf}: one array up to 8 MB, blocks of rows beyond); {@code --layout flat} keeps one array.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.segmentlab.bench.SweepBenchmark \
 *     --input samples/cc_general.csv --k-min 1 --k-max 10 --n-init 10 --seed 42 --threads 2 \
 *     [--silhouette exact|sample:10000|off] [--warmup 0] [--labels-out DIR] [--layout blocks|flat]
 * </pre>
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String input = "samples/cc_general.csv";
        int kMin = 1;
        int kMax = 10;
        int nInit = 10;
        long seed = 42;
        int threads = 2;
        int warmup = 0;
        SilhouetteMode mode = SilhouetteMode.EXACT;
        Path labelsOut = null;
        java.util.Set<String> drop = java.util.Set.of();
        boolean flat = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--input" -> { input = v; i++; }
                case "--k-min" -> { kMin = Integer.parseInt(v); i++; }
                case "--k-max" -> { kMax = Integer.parseInt(v); i++; }
                case "--n-init" -> { nInit = Integer.parseInt(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--threads" -> { threads = Integer.parseInt(v); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                case "--silhouette" -> { mode = SilhouetteMode.parse(v); i++; }
                case "--labels-out" -> { labelsOut = Path.of(v); i++; }
                case "--drop" -> { drop = java.util.Set.of(v.split(",")); i++; }
                case "--layout" -> { flat = v.equals("flat"); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        CreditCardFixture data = CreditCardFixture.read(Path.of(input), drop);
        Matrix x = flat ? Matrix.wrap(data.x, data.n, data.d) : Matrix.copyOf(data.x, data.n, data.d);
        double loadS = (System.nanoTime() - t0) / 1e9;
        KMeansOptions base = new KMeansOptions(kMin, nInit, 300, 1e-4, seed, threads);
        // Process CPU time (all threads, JIT compiler and GC included) of the fits (until the sweep
        // announces its silhouette pass) and of the rest, for the first (cold) and the last sweep.
        double[][] cpu = new double[warmup + 1][2];
        SweepResult r = null;
        for (int w = 0; w <= warmup; w++) {
            double[] mark = {Double.NaN};
            double c0 = processCpu();
            r = KSweep.run(x, kMin, kMax, base, mode, (f, m) -> {
                if (Double.isNaN(mark[0]) && m.startsWith("Silhouettes")) {
                    mark[0] = processCpu();
                }
            }, CancellationToken.NONE);
            double c1 = processCpu();
            double m0 = Double.isNaN(mark[0]) ? c1 : mark[0];
            cpu[w][0] = m0 - c0;
            cpu[w][1] = c1 - m0;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\n \"tool\": \"SegmentLab\",\n \"threads\": ").append(threads)
                .append(",\n \"rows\": ").append(data.n).append(",\n \"features\": ").append(data.d)
                .append(",\n \"matrix_blocks\": ").append(x.blockCount())
                .append(",\n \"load_s\": ").append(fmt(loadS)).append(",\n \"warmup_sweeps\": ").append(warmup)
                .append(",\n \"silhouette_rows\": ").append(r.silhouetteRows().length)
                .append(",\n \"sweep\": [\n");
        for (int i = 0; i < r.entries().size(); i++) {
            SweepEntry e = r.entries().get(i);
            sb.append("  {\"k\": ").append(e.k()).append(", \"inertia\": ").append(fmt(e.inertia()))
                    .append(", \"iterations\": ").append(e.fit().iterations())
                    .append(", \"fit_s\": ").append(fmt(e.fit().fitSeconds()))
                    .append(", \"empty_refilled\": ").append(e.fit().emptyRefilled())
                    .append(", \"sizes\": ").append(java.util.Arrays.toString(e.sizes()));
            if (e.k() >= 2) {
                sb.append(", \"silhouette\": ").append(fmt(e.silhouette()))
                        .append(", \"calinski_harabasz\": ").append(fmt(e.calinskiHarabasz()))
                        .append(", \"davies_bouldin\": ").append(fmt(e.daviesBouldin()));
            }
            sb.append(i + 1 < r.entries().size() ? "},\n" : "}\n");
        }
        sb.append(" ],\n \"knee_k\": ").append(r.kneeK().isPresent() ? r.kneeK().getAsInt() : "null")
                .append(",\n \"best_silhouette_k\": ")
                .append(r.bestSilhouetteK().isPresent() ? r.bestSilhouetteK().getAsInt() : "null")
                .append(",\n \"sweep_fit_s\": ").append(fmt(r.fitSeconds()))
                .append(",\n \"silhouette_total_s\": ").append(fmt(r.silhouetteSeconds()))
                .append(",\n \"cold_fit_cpu_s\": ").append(fmt(cpu[0][0]))
                .append(",\n \"cold_silhouette_cpu_s\": ").append(fmt(cpu[0][1]))
                .append(",\n \"fit_cpu_s\": ").append(fmt(cpu[warmup][0]))
                .append(",\n \"silhouette_cpu_s\": ").append(fmt(cpu[warmup][1])).append("\n}");
        System.out.println(sb);
        if (labelsOut != null) {
            Files.createDirectories(labelsOut);
            for (SweepEntry e : r.entries()) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(labelsOut.resolve("labels_k" + e.k() + ".csv")))) {
                    for (int l : e.labels()) {
                        w.println(l);
                    }
                }
            }
        }
    }

    private static double processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(t -> t.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.17g", v) : "null";
    }
}
