package org.segmentlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;
import org.segmentlab.data.CsvLoader;
import org.segmentlab.data.DataTable;
import org.segmentlab.io.AssignStream;
import org.segmentlab.io.ModelJson;
import org.segmentlab.pca.Pca;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.PreparedData;
import org.segmentlab.prep.Preparer;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;
import org.segmentlab.segment.ClusterModel;

/**
 * Not a test: the streaming assign benchmark behind {@code bench/assign.sh}.
 *
 * <pre>
 * AssignBenchmark fit PREFIX.csv K model.json     fits default preparation + k-means (seed 42) + PCA(2)
 * AssignBenchmark assign model.json IN.csv OUT.csv streams IN through the model; prints
 *     "rows seconds rows_per_s peak_heap_mb" (peak = sum of the heap pools' peaks during the run)
 * </pre>
 */
public final class AssignBenchmark {

    private AssignBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("fit")) {
            DataTable t = new CsvLoader().load(Path.of(args[1]));
            int k = Integer.parseInt(args[2]);
            PreparedData p = Preparer.prepare(t, PrepOptions.defaults());
            KMeansResult fit = KMeans.fit(p.scaledMatrix(), KMeansOptions.of(k, 42),
                    ProgressListener.NONE, CancellationToken.NONE);
            PcaResult pca = Pca.fit(p.scaledMatrix(), 2, 2, CancellationToken.NONE);
            ModelJson.write(Path.of(args[3]), ClusterModel.of(p, fit, pca, null));
            System.out.printf(Locale.ROOT, "fitted %d rows x %d features, k=%d, sizes %s%n", p.rows(), p.cols(), k,
                    java.util.Arrays.toString(fit.sizes()));
            return;
        }
        ClusterModel m = ModelJson.read(Path.of(args[1]));
        Path in = Path.of(args[2]);
        AssignStream.Options o = AssignStream.Options.defaults();
        AssignStream.Plan plan = AssignStream.plan(m, in, o);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        AssignStream.Summary s = AssignStream.run(m, plan, Path.of(args[3]), o, ProgressListener.NONE,
                CancellationToken.NONE);
        double sec = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%d %.3f %.0f %.1f%n", s.rows(), sec, s.rows() / sec, peak / 1048576.0);
    }
}
