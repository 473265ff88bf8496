package org.segmentlab.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.data.Column;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.pca.Pca;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.prep.Scaling;
import org.segmentlab.progress.CancellationToken;

/**
 * Fitted clusterings for the model tests: the credit-card sample ({@code samples/cc_general.csv}, in
 * the repository) and a small generated table with a category, derived columns and log1p. k-means is
 * a small seeded Lloyd here (cluster.KMeans is written in another branch); its labels are, by
 * construction, each row's nearest final centroid, which is what a model must reproduce.
 */
public final class ModelFixtures {

    /** A prepared table with its clustering and PCA. */
    public record Fitted(DataTable table, PreparedData prepared, KMeansResult fit, PcaResult pca) {
        public ClusterModel model(List<String> names) {
            return ClusterModel.of(prepared, fit, pca, names);
        }

        /** Training row r's label, or -1 when the row was dropped by the preparation. */
        public int[] labelsByTableRow() {
            int[] out = new int[table.rowCount()];
            java.util.Arrays.fill(out, -1);
            int[] src = prepared.sourceRows();
            int[] labels = fit.labels();
            for (int r = 0; r < src.length; r++) {
                out[src[r]] = labels[r];
            }
            return out;
        }
    }

    private static Fitted creditCard;

    private ModelFixtures() {
    }

    /**
     * The credit-card sample with a derived ratio (missing when MINIMUM_PAYMENTS is), log1p on three
     * skewed amounts, and CREDIT_LIMIT's one missing row dropped; k = 4.
     */
    public static synchronized Fitted creditCard() throws Exception {
        if (creditCard == null) {
            DataTable t = new CsvLoader().load(Path.of("samples/cc_general.csv"));
            PrepOptions o = new PrepOptions(List.of(), List.of(),
                    List.of(new DerivedColumn("PAY_RATIO", "PAYMENTS / MINIMUM_PAYMENTS")), ImputeStrategy.MEAN,
                    Map.of("CREDIT_LIMIT", Imputation.of(ImputeStrategy.DROP)),
                    Set.of("BALANCE", "PURCHASES", "CASH_ADVANCE"), false, List.of(), Scaling.ZSCORE);
            creditCard = fit(t, o, 4, 42);
        }
        return creditCard;
    }

    /**
     * A generated table of 300 customers: REGION (one-hot, some missing), INCOME (log1p, a few
     * missing), SPEND, VISITS (0 for some: log(VISITS) is missing there) and two derived columns,
     * one with divisions by zero; k = 3, median imputation, robust scaling.
     */
    public static Fitted mixed(Path dir) throws Exception {
        Path file = dir.resolve("mixed.csv");
        writeMixed(file, 300, 7);
        DataTable t = new CsvLoader().load(file);
        PrepOptions o = new PrepOptions(List.of("INCOME", "SPEND", "SPEND_SHARE", "LOG_VISITS", "REGION"),
                List.of(), List.of(new DerivedColumn("SPEND_SHARE", "SPEND / (INCOME - 1000)"),
                        new DerivedColumn("LOG_VISITS", "-log(VISITS) + max(SPEND_SHARE, 0.5) * 2")),
                ImputeStrategy.MEDIAN, Map.of(), Set.of("INCOME"), false, List.of("REGION"), Scaling.ROBUST);
        return fit(t, o, 3, 1);
    }

    /** Writes the mixed table: ID, REGION, INCOME, SPEND, VISITS. */
    public static void writeMixed(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] regions = {"North", "South", "East"};
        StringBuilder sb = new StringBuilder("ID,REGION,INCOME,SPEND,VISITS\n");
        for (int i = 0; i < rows; i++) {
            int g = rnd.nextInt(3);
            String region = rnd.nextInt(20) == 0 ? "" : regions[g];
            // INCOME of exactly 1000 makes SPEND / (INCOME - 1000) a division by zero.
            String income = rnd.nextInt(25) == 0 ? "" : rnd.nextInt(15) == 0 ? "1000"
                    : String.valueOf(Math.round((20000 + 30000 * g + rnd.nextDouble() * 10000) * 100) / 100.0);
            String spend = String.valueOf(Math.round((500 + 2000 * g + rnd.nextDouble() * 800) * 100) / 100.0);
            String visits = String.valueOf(rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(5 + 10 * g));
            sb.append("M").append(i).append(',').append(region).append(',').append(income).append(',')
                    .append(spend).append(',').append(visits).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    public static Fitted fit(DataTable t, PrepOptions o, int k, long seed) throws Exception {
        PreparedData p = Preparer.prepare(t, o);
        KMeansResult fit = lloyd(p.scaled(), p.rows(), p.cols(), k, seed);
        PcaResult pca = Pca.fit(p.scaled(), p.rows(), p.cols(), 2, 1, CancellationToken.NONE);
        return new Fitted(t, p, fit, pca);
    }

    /** Seeded Lloyd iterations until no label changes; labels are the nearest final centroid. */
    public static KMeansResult lloyd(double[] x, int n, int d, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] c = new double[k * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(x, rnd.nextInt(n) * d, c, j * d, d);
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        int it = 0;
        while (true) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int f = 0; f < d; f++) {
                        double t = x[i * d + f] - c[j * d + f];
                        s += t * t;
                    }
                    if (s < bestD) {
                        bestD = s;
                        best = j;
                    }
                }
                if (labels[i] != best) {
                    labels[i] = best;
                    changed = true;
                }
            }
            if (!changed || it++ > 300) {
                break;
            }
            double[] sum = new double[k * d];
            int[] cnt = new int[k];
            for (int i = 0; i < n; i++) {
                cnt[labels[i]]++;
                for (int f = 0; f < d; f++) {
                    sum[labels[i] * d + f] += x[i * d + f];
                }
            }
            for (int j = 0; j < k; j++) {
                if (cnt[j] > 0) {
                    for (int f = 0; f < d; f++) {
                        c[j * d + f] = sum[j * d + f] / cnt[j];
                    }
                }
            }
        }
        int[] sizes = new int[k];
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            sizes[labels[i]]++;
        }
        return new KMeansResult(k, d, labels, c, inertia, it, sizes, 0, 0);
    }

    /** Row r of a table as the raw map a model takes: Doubles (NaN = missing) and Strings (null = missing). */
    public static Map<String, Object> rawRow(DataTable t, int r) {
        Map<String, Object> raw = new HashMap<>();
        for (Column c : t.columns()) {
            if (c.isNumeric()) {
                raw.put(c.name(), c.numbersView()[r]);
            } else {
                int code = c.codesView()[r];
                raw.put(c.name(), code < 0 ? null : c.dictionaryText(code));
            }
        }
        return raw;
    }
}
