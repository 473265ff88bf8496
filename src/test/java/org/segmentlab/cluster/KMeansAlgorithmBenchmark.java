package org.segmentlab.cluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;

/**
 * Plain Lloyd against Hamerly-bounded Lloyd on one thread, alternating, measured in thread CPU time
 * (the machine is shared, so wall time is noisy). Checks both give identical labels. Not a test.
 *
 * <pre>java -cp ... org.segmentlab.cluster.KMeansAlgorithmBenchmark CSV [kMax] [nInit] [rounds]</pre>
 */
public final class KMeansAlgorithmBenchmark {

    private KMeansAlgorithmBenchmark() {
    }

    public static void main(String[] args) {
        CreditCardFixture data = CreditCardFixture.read(Path.of(args.length > 0 ? args[0] : "samples/cc_general.csv"));
        int kMax = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int nInit = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            int[][] labels = new int[2][];
            for (int v = 0; v < 2; v++) {
                boolean bounds = (r + v) % 2 == 0;
                long t0 = mx.getCurrentThreadCpuTime();
                StringBuilder sig = new StringBuilder();
                for (int k = 1; k <= kMax; k++) {
                    KMeansResult res = KMeans.fit(data.x, data.n, data.d, new KMeansOptions(k, nInit, 300, 1e-4, 42, 1),
                            ProgressListener.NONE, CancellationToken.NONE, bounds);
                    sig.append(Arrays.hashCode(res.labels())).append(',');
                }
                cpu[bounds ? 1 : 0][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                labels[bounds ? 1 : 0] = new int[] {sig.toString().hashCode()};
            }
            if (labels[0][0] != labels[1][0]) {
                throw new IllegalStateException("plain and bounded Lloyd gave different labels");
            }
        }
        for (double[] c : cpu) {
            Arrays.sort(c);
        }
        System.out.printf(Locale.ROOT, "%s n=%d d=%d k=1..%d n_init=%d: CPU s per sweep, median of %d: plain Lloyd %.3f, Hamerly %.3f (labels identical)%n",
                args.length > 0 ? args[0] : "cc_general", data.n, data.d, kMax, nInit, rounds, cpu[0][rounds / 2], cpu[1][rounds / 2]);
    }
}
