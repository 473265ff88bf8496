package org.segmentlab.testdata;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The credit-card sample ({@code samples/cc_general.csv}), or any CSV, prepared as scikit-learn's reference
 * pipeline does (see src/test/resources/golden/README.md): CUST_ID dropped, missing values filled with
 * the column mean, z-scored with the population standard deviation. Read with Commons CSV directly so
 * the engine tests do not depend on the application's loader.
 */
public final class CreditCardFixture {

    public static final Path CSV = Path.of("samples", "cc_general.csv");

    /** Row-major n x d standardized data. */
    public final double[] x;
    public final int n;
    public final int d;
    public final List<String> features;

    private static CreditCardFixture cached;

    private CreditCardFixture(double[] x, int n, int d, List<String> features) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.features = features;
    }

    /** Loaded once per JVM; callers must not modify {@link #x} (copy it first). */
    public static synchronized CreditCardFixture load() {
        if (cached == null) {
            cached = read(CSV);
        }
        return cached;
    }

    public double[] copy() {
        return x.clone();
    }

    public static CreditCardFixture read(Path csv) {
        return read(csv, java.util.Set.of());
    }

    /** Reads any CSV the same way, first dropping the named columns (the script's --drop). */
    public static CreditCardFixture read(Path csv, java.util.Set<String> drop) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = new ArrayList<>(p.getHeaderNames());
            // Like the reference script: drop columns that are not numeric (CUST_ID here), judged on the
            // first 1,000 records so large files can be streamed.
            java.util.Iterator<CSVRecord> it = p.iterator();
            List<String[]> head = new ArrayList<>();
            while (it.hasNext() && head.size() < 1000) {
                head.add(it.next().values());
            }
            List<Integer> keep = new ArrayList<>();
            List<String> features = new ArrayList<>();
            for (int f = 0; f < header.size(); f++) {
                if (!drop.contains(header.get(f)) && numeric(head, f)) {
                    keep.add(f);
                    features.add(header.get(f));
                }
            }
            header = features;
            int d = header.size();
            List<double[]> rows = new ArrayList<>();
            for (String[] rec : head) {
                rows.add(parse(rec, keep, d));
            }
            while (it.hasNext()) {
                rows.add(parse(it.next().values(), keep, d));
            }
            int n = rows.size();
            double[] x = new double[n * d];
            for (int f = 0; f < d; f++) {
                double sum = 0;
                int cnt = 0;
                for (double[] row : rows) {
                    if (!Double.isNaN(row[f])) {
                        sum += row[f];
                        cnt++;
                    }
                }
                double mean = sum / cnt;
                for (int i = 0; i < n; i++) {
                    double v = rows.get(i)[f];
                    x[i * d + f] = Double.isNaN(v) ? mean : v;
                }
                double m2 = 0;
                for (int i = 0; i < n; i++) {
                    m2 += x[i * d + f];
                }
                m2 /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double t = x[i * d + f] - m2;
                    ss += t * t;
                }
                double sd = Math.sqrt(ss / n);
                for (int i = 0; i < n; i++) {
                    x[i * d + f] = sd == 0 ? 0.0 : (x[i * d + f] - m2) / sd;
                }
            }
            return new CreditCardFixture(x, n, d, List.copyOf(header));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + csv.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static double[] parse(String[] rec, List<Integer> keep, int d) {
        double[] row = new double[d];
        for (int f = 0; f < d; f++) {
            String s = rec[keep.get(f)].trim();
            row[f] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
        return row;
    }

    private static boolean numeric(List<String[]> raw, int f) {
        for (String[] rec : raw) {
            String s = rec[f].trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
