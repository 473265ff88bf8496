package org.segmentlab.bench;

/**
 * Reproduces the whole-process pauses seen in fx-pulse during "Preparing features" and "Principal components":
 * one thread allocates 160 MB arrays (the prepared 1M x 20 matrix), another allocates small objects (so young
 * collections are requested meanwhile), and a third measures how late its 1 ms naps wake. Zeroing a huge
 * array in memory the process has not touched yet page-faults for hundreds of milliseconds, and the allocating
 * thread does not reach the collection's safepoint until it is done, so every other thread (the FX thread
 * too) waits. Run with {@code -Xlog:safepoint} to see the "Reaching safepoint" times. With {@code -Dpieces=20} the
 * same 160 MB is allocated as 20 arrays of 8 MB, each zeroed in its own short stretch: the way PCA's scores and
 * the k-means workspaces are kept. With {@code -Dmatrix=true} it allocates what the app now allocates for the
 * prepared matrix, {@code Matrix.zeros(1_000_000, 20)} (31 blocks of at most 8 MB). Measured on the project's VM
 * (12 s runs, G1, 6% initial heap, three runs each): one array, the sleeper 342-509 ms late at most and time to
 * safepoint up to 339-501 ms; 20 pieces, 57-97 ms late (young GC pauses themselves) and time to safepoint
 * 23-26 ms; the matrix: see bench/results/fx-pulse.md, session 6.
 *
 * <pre>
 * mvn -q test-compile
 * java -Xmx6g -XX:InitialRAMPercentage=6 -Xlog:safepoint:file=target/ttsp.log:uptime [-Dpieces=20 | -Dmatrix=true] \
 *     -cp target/test-classes:target/classes org.segmentlab.bench.LargeAllocationPause [seconds]
 * </pre>
 */
public final class LargeAllocationPause {

    private static volatile Object sink;
    /** How many arrays the 160 MB is allocated as (1: one array, as the prepared matrix was until session 6). */
    private static final int PIECES = Integer.getInteger("pieces", 1);
    /** Allocate the app's prepared-matrix layout instead ({@code Matrix.zeros}). */
    private static final boolean MATRIX = Boolean.getBoolean("matrix");

    private LargeAllocationPause() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread big = new Thread(() -> {
            while (System.nanoTime() < end) {
                sink = MATRIX ? org.segmentlab.data.Matrix.zeros(1_000_000, 20)
                        : PIECES == 1 ? new double[20_000_000] : new double[PIECES][20_000_000 / PIECES];
            }
        }, "allocates 160 MB arrays");
        Thread small = new Thread(() -> {
            while (System.nanoTime() < end) {
                Object[] o = new Object[64];
                for (int i = 0; i < o.length; i++) {
                    o[i] = new byte[256];
                }
                sink = o;
            }
        }, "allocates small objects");
        big.setDaemon(true);
        small.setDaemon(true);
        big.start();
        small.start();
        long last = System.nanoTime();
        long max = 0;
        int over50 = 0;
        int over100 = 0;
        while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            long t = System.nanoTime();
            long gap = t - last;
            last = t;
            max = Math.max(max, gap);
            over50 += gap > 50_000_000L ? 1 : 0;
            over100 += gap > 100_000_000L ? 1 : 0;
        }
        System.out.printf((MATRIX ? "Matrix.zeros(1M, 20)" : PIECES + " piece(s)") + ": a 1 ms sleeper woke at most %.1f ms late; wakes over 50 ms: %d, over 100 ms: %d%n",
                max / 1e6, over50, over100);
    }
}
