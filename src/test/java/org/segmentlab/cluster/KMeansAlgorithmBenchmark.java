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
 * Plain Lloyd, Hamerly and Elkan (and the per-k choice, AUTO) on one thread, in rotating order, measured
 * in thread CPU time per k (the machine is shared, so wall time is noisy). Checks that every variant gives
 * identical labels. Round 1 runs on a cold JVM and is reported separately. Not a test.
 *
 * <pre>java -cp ... org.segmentlab.cluster.KMeansAlgorithmBenchmark CSV [kMax] [nInit] [rounds] [variants]</pre>
 * variants: comma-separated names of {@link KMeans.Algo} (default LLOYD,HAMERLY,ELKAN,AUTO)
 */
public final class KMeansAlgorithmBenchmark {

    private KMeansAlgorithmBenchmark() {
    }

    public static void main(String[] args) {
        CreditCardFixture data = CreditCardFixture.read(Path.of(args.length > 0 ? args[0] : "samples/cc_general.csv"));
        int kMax = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int nInit = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        KMeans.Algo[] algos = Arrays.stream((args.length > 4 ? args[4] : "LLOYD,HAMERLY,ELKAN,AUTO").split(","))
                .map(KMeans.Algo::valueOf).toArray(KMeans.Algo[]::new);
        int na = algos.length;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][][] cpu = new double[na][kMax + 1][rounds];
        for (int r = 0; r < rounds; r++) {
            int[][] sig = new int[na][kMax + 1];
            for (int v = 0; v < na; v++) {
                int a = (r + v) % na;
                for (int k = 1; k <= kMax; k++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    KMeansResult res = KMeans.fit(data.x, data.n, data.d, new KMeansOptions(k, nInit, 300, 1e-4, 42, 1),
                            ProgressListener.NONE, CancellationToken.NONE, algos[a]);
                    cpu[a][k][r] = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                    sig[a][k] = Arrays.hashCode(res.labels());
                }
            }
            for (int a = 1; a < na; a++) {
                if (!Arrays.equals(sig[0], sig[a])) {
                    throw new IllegalStateException(algos[a] + " gave other labels than " + algos[0]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s n=%d d=%d k=1..%d n_init=%d, thread CPU s, round 1 (cold) | fastest of rounds 2..%d (warm); labels identical%n",
                args.length > 0 ? args[0] : "cc_general", data.n, data.d, kMax, nInit, rounds);
        StringBuilder head = new StringBuilder("k   ");
        for (KMeans.Algo a : algos) {
            head.append(String.format(Locale.ROOT, "%18s", a));
        }
        System.out.println(head);
        double[][] tot = new double[na][2];
        for (int k = 1; k <= kMax; k++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4d", k));
            for (int a = 0; a < na; a++) {
                double cold = cpu[a][k][0];
                double warm = warmMedian(cpu[a][k]);
                tot[a][0] += cold;
                tot[a][1] += warm;
                line.append(String.format(Locale.ROOT, "%9.3f |%7.3f", cold, warm));
            }
            System.out.println(line);
        }
        StringBuilder line = new StringBuilder("sum ");
        for (int a = 0; a < na; a++) {
            line.append(String.format(Locale.ROOT, "%9.3f |%7.3f", tot[a][0], tot[a][1]));
        }
        System.out.println(line);
    }

    /** Fastest warm round: on a shared machine other processes only ever add CPU time (cache and
     * core contention), so the minimum is the steadiest estimate. */
    private static double warmMedian(double[] v) {
        if (v.length < 2) {
            return v[0];
        }
        double[] w = Arrays.copyOfRange(v, 1, v.length);
        Arrays.sort(w);
        return w[0];
    }
}
