package org.segmentlab.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.testdata.CreditCardFixture;

/**
 * Per-k thread CPU of k-means variants on a big file (the 1,000,000 x 20 synthetic set), one thread,
 * variants alternating; the z-scored matrix is cached in a binary file in java.io.tmpdir (named after the CSV) so repeated runs
 * skip the slow parse. Prints CPU seconds, iterations and label hashes (checked equal). Not a test.
 *
 * <pre>java -cp ... org.segmentlab.cluster.KMeansScaleBenchmark CSV kMin kMax nInit rounds VARIANTS [threads]</pre>
 */
public final class KMeansScaleBenchmark {

    private KMeansScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        int kMin = Integer.parseInt(args[1]);
        int kMax = Integer.parseInt(args[2]);
        int nInit = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        KMeans.Algo[] algos = Arrays.stream(args[5].split(",")).map(KMeans.Algo::valueOf).toArray(KMeans.Algo[]::new);
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        double[][] holder = new double[1][];
        int[] nd = load(csv, holder);
        double[] x = holder[0];
        int n = nd[0];
        int d = nd[1];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < algos.length; v++) {
                KMeans.Algo a = algos[(r + v) % algos.length];
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-8s", r, a));
                double tot = 0;
                double p0 = processCpu();
                double wall = 0;
                long sig = 0;
                for (int k = kMin; k <= kMax; k++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    KMeansResult res = KMeans.fit(x, n, d, new KMeansOptions(k, nInit, 300, 1e-4, 42, threads),
                            ProgressListener.NONE, CancellationToken.NONE, a);
                    double s = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    wall += (System.nanoTime() - w0) / 1e9;
                    tot += s;
                    sig = sig * 31 + Arrays.hashCode(res.labels()) + Double.hashCode(res.inertia());
                    line.append(String.format(Locale.ROOT, " k%d %.2fs/%dit", k, s, res.iterations()));
                }
                line.append(String.format(Locale.ROOT, " | sum %.2f cpu %.2f wall wall, process cpu %.2f s, sig %x", tot, wall, processCpu() - p0, sig));
                System.out.println(line);
            }
        }
    }

    static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static int[] load(Path csv, double[][] out) throws IOException {
        Path bin = Path.of(System.getProperty("java.io.tmpdir"), csv.getFileName() + ".zscored.bin");
        if (Files.exists(bin)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(bin), 1 << 20))) {
                int n = in.readInt();
                int d = in.readInt();
                double[] x = new double[n * d];
                for (int i = 0; i < x.length; i++) {
                    x[i] = in.readDouble();
                }
                out[0] = x;
                return new int[] {n, d};
            }
        }
        CreditCardFixture f = CreditCardFixture.read(csv);
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bin), 1 << 20))) {
            o.writeInt(f.n);
            o.writeInt(f.d);
            for (double v : f.x) {
                o.writeDouble(v);
            }
        }
        out[0] = f.x;
        return new int[] {f.n, f.d};
    }
}
