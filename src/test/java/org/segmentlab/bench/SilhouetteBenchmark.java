package org.segmentlab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.metrics.Silhouette;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;

/**
 * The shared silhouette pass ({@link Silhouette#samplesForSweep}) against one pass per k, on the
 * credit-card data with the k = 2..10 labels of a seeded fit; wall time and this thread's CPU time,
 * median of the given rounds. Not a test.
 *
 * <pre>java -cp ... org.segmentlab.bench.SilhouetteBenchmark [csv] [threads] [rounds]</pre>
 */
public final class SilhouetteBenchmark {

    private SilhouetteBenchmark() {
    }

    public static void main(String[] args) {
        CreditCardFixture data = CreditCardFixture.read(Path.of(args.length > 0 ? args[0] : "samples/cc_general.csv"));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[][] labels = new int[9][];
        int[] ks = new int[9];
        for (int k = 2; k <= 10; k++) {
            ks[k - 2] = k;
            labels[k - 2] = KMeans.fit(data.x, data.n, data.d, new KMeansOptions(k, 3, 300, 1e-4, 42, threads),
                    ProgressListener.NONE, CancellationToken.NONE).labels();
        }
        int[] rows = Silhouette.allRows(data.n);
        double[] shared = new double[rounds];
        double[] separate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            Silhouette.samplesForSweep(data.x, data.n, data.d, rows, labels, ks, threads, CancellationToken.NONE);
            long t1 = System.nanoTime();
            for (int l = 0; l < 9; l++) {
                Silhouette.samples(data.x, data.n, data.d, rows, labels[l], ks[l], threads, CancellationToken.NONE);
            }
            long t2 = System.nanoTime();
            shared[r] = (t1 - t0) / 1e9;
            separate[r] = (t2 - t1) / 1e9;
        }
        Arrays.sort(shared);
        Arrays.sort(separate);
        System.out.printf(Locale.ROOT, "%d rows x %d, k = 2..10, %d threads, median of %d: shared pass %.3f s, "
                        + "one pass per k %.3f s (load average %.2f)%n", data.n, data.d, threads, rounds,
                shared[rounds / 2], separate[rounds / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
