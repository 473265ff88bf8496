package org.segmentlab.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.segmentlab.data.Column;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;

/**
 * Not a test: times {@link CsvLoader#load} on a file ({@code bench/load.sh} runs it).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.segmentlab.bench.LoadBenchmark FILE RUNS [--no-statistics]</pre>
 *
 * Prints one line per run, then the median seconds, the table's byte estimate and, separately, the
 * time to compute every column's statistics (which {@code load} defers to first use).
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean statistics = !(args.length > 2 && args[2].equals("--no-statistics"));
        CsvLoader loader = new CsvLoader();
        double[] secs = new double[runs];
        DataTable table = null;
        long peak = 0;
        for (int r = 0; r < runs; r++) {
            table = null;
            System.gc();
            for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            table = loader.load(file);
            secs[r] = (System.nanoTime() - t0) / 1e9;
            // Sum of the heap pools' peaks: an upper bound of the heap in use at any moment of the load
            // (the pools need not peak together), garbage included.
            long runPeak = 0;
            for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == java.lang.management.MemoryType.HEAP && p.getPeakUsage() != null) {
                    runPeak += p.getPeakUsage().getUsed();
                }
            }
            peak = Math.max(peak, runPeak);
            System.out.printf("run %d: %.3f s (%d rows x %d columns) pools_peak=%d MB%n", r + 1, secs[r],
                    table.rowCount(), table.columnCount(), runPeak >> 20);
        }
        long t0 = System.nanoTime();
        if (statistics) {
            for (Column c : table.columns()) {
                c.statistics();
            }
        }
        double statSecs = (System.nanoTime() - t0) / 1e9;
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        long numericCells = 0;
        for (Column c : table.columns()) {
            if (c.isNumeric()) {
                numericCells += c.size();
            }
        }
        System.out.printf("median_seconds=%.3f%n", median);
        System.out.printf("heap_pools_peak_bytes=%d max_heap=%d%n", peak, Runtime.getRuntime().maxMemory());
        System.out.printf("table_bytes=%d raw_double_bytes=%d ratio=%.3f%n", table.estimatedBytes(), numericCells * 8,
                table.estimatedBytes() / (numericCells * 8.0));
        if (statistics) {
            System.out.printf("statistics_seconds=%.3f%n", statSecs);
        }
    }
}
