package org.segmentlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.segmentlab.data.Column;
import org.segmentlab.data.ColumnStatistics;
import org.segmentlab.data.ColumnType;
import org.segmentlab.data.DataTable;
import org.segmentlab.pca.Pca;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.progress.CancellationToken;

/**
 * Not a test: times {@link Preparer} (mean imputation + z-score) and {@link Pca} with 2 components on a
 * synthetic CSV (first column an id, the rest numbers), for {@code bench/pca.sh}. Prints one line:
 * {@code rows cols prep_s pca_first_s pca_s ratio1 ratio2}, where pca_s is a fit after one warm-up.
 *
 * <pre>java -cp ... org.segmentlab.bench.PcaBenchmark /tmp/synthetic_1m.csv [threads]</pre>
 */
public final class PcaBenchmark {

    private PcaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        DataTable table = read(file);
        int reps = 3;
        double prepS = Double.MAX_VALUE;
        PreparedData p = null;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            p = Preparer.prepare(table, PrepOptions.defaults());
            prepS = Math.min(prepS, (System.nanoTime() - t0) / 1e9);
        }
        long t1 = System.nanoTime();
        Pca.fit(p.scaledMatrix(), 2, threads, CancellationToken.NONE);
        double first = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        PcaResult r = Pca.fit(p.scaledMatrix(), 2, threads, CancellationToken.NONE);
        double warm = (System.nanoTime() - t2) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%d %d %.4f %.4f %.4f %.12f %.12f%n", p.rows(), p.cols(), prepS, first, warm,
                r.explainedVarianceRatio()[0], r.explainedVarianceRatio()[1]);
    }

    /** A plain fast reader: header, then an id and numbers per line; empty cells are missing. */
    static DataTable read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split(",", -1);
            int d = header.length - 1;
            int capacity = 1 << 16;
            double[][] cols = new double[d][capacity];
            int n = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                if (n == capacity) {
                    capacity *= 2;
                    for (int j = 0; j < d; j++) {
                        cols[j] = java.util.Arrays.copyOf(cols[j], capacity);
                    }
                }
                int start = line.indexOf(',') + 1;
                for (int j = 0; j < d; j++) {
                    int end = line.indexOf(',', start);
                    if (end < 0) {
                        end = line.length();
                    }
                    cols[j][n] = end == start ? Double.NaN : Double.parseDouble(line.substring(start, end));
                    start = end + 1;
                }
                n++;
            }
            ColumnStatistics none = new ColumnStatistics(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                columns.add(new Column(header[j + 1], ColumnType.NUMERIC, ColumnType.NUMERIC,
                        java.util.Arrays.copyOf(cols[j], n), null, null, none, 0, List.of()));
            }
            return new DataTable(file, null, columns, n, 0, List.of());
        }
    }
}
