package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cluster.KMeans;
import org.segmentlab.cluster.KMeansOptions;
import org.segmentlab.cluster.KMeansResult;

/** The example data sets: deterministic per seed, readable as CSV, and each teaching what it says. */
class ToyDataTest {

    @TempDir
    Path dir;

    private static double[] xs(DataTable t) {
        return t.column("x").orElseThrow().numbers();
    }

    private static double[] ys(DataTable t) {
        return t.column("y").orElseThrow().numbers();
    }

    @Test
    void theSameSeedGivesTheSameTableAndAnotherSeedAnother() {
        for (ToyData.Kind kind : ToyData.Kind.values()) {
            DataTable a = ToyData.generate(kind, 3);
            DataTable b = ToyData.generate(kind, 3);
            DataTable c = ToyData.generate(kind, 4);
            assertEquals(java.util.List.of("x", "y"), a.columnNames());
            assertTrue(a.rowCount() >= 500, kind + " has " + a.rowCount() + " rows");
            assertArrayEquals(xs(a), xs(b));
            assertArrayEquals(ys(a), ys(b));
            assertFalse(Arrays.equals(xs(a), xs(c)), kind + ": another seed, other points");
            assertTrue(kind.lesson().endsWith("."), kind.lesson());
        }
    }

    @Test
    void theCsvReadsBackAsTheSameTable() throws IOException, DataException {
        DataTable t = ToyData.generate(ToyData.Kind.RING, ToyData.DEFAULT_SEED);
        Path f = dir.resolve("ring.csv");
        Files.writeString(f, ToyData.csv(t), StandardCharsets.UTF_8);
        DataTable back = new CsvLoader().load(f);
        assertArrayEquals(xs(t), xs(back));
        assertArrayEquals(ys(t), ys(back));
    }

    private static KMeansResult fit(DataTable t, int k) {
        double[] x = xs(t);
        double[] y = ys(t);
        double[] m = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            m[2 * i] = x[i];
            m[2 * i + 1] = y[i];
        }
        return KMeans.fit(m, x.length, 2, KMeansOptions.of(k, 42).withThreads(1), null, null);
    }

    @Test
    void kMeansFindsTheBlobsButNotTheRingNorTheUnequalGroups() {
        DataTable blobs = ToyData.generate(ToyData.Kind.BLOBS, ToyData.DEFAULT_SEED);
        KMeansResult b = fit(blobs, 4);
        // every blob sits in its own quadrant: each cluster must be one quadrant exactly
        int[] quadrantOf = new int[4];
        Arrays.fill(quadrantOf, -1);
        double[] x = xs(blobs);
        double[] y = ys(blobs);
        for (int i = 0; i < x.length; i++) {
            int q = (x[i] > 0 ? 1 : 0) + (y[i] > 0 ? 2 : 0);
            int c = b.label(i);
            if (quadrantOf[c] < 0) {
                quadrantOf[c] = q;
            }
            assertEquals(quadrantOf[c], q, "blob point " + i);
        }

        DataTable ring = ToyData.generate(ToyData.Kind.RING, ToyData.DEFAULT_SEED);
        KMeansResult r = fit(ring, 2);
        // both clusters hold a big part of the ring (radius > 4): k-means cut the ring instead of separating it
        int[] ringIn = new int[2];
        double[] rx = xs(ring);
        double[] ry = ys(ring);
        for (int i = 0; i < rx.length; i++) {
            if (Math.hypot(rx[i], ry[i]) > 4) {
                ringIn[r.label(i)]++;
            }
        }
        assertTrue(ringIn[0] > 100 && ringIn[1] > 100, "ring split " + Arrays.toString(ringIn));

        DataTable unequal = ToyData.generate(ToyData.Kind.UNEQUAL, ToyData.DEFAULT_SEED);
        KMeansResult u = fit(unequal, 3);
        int[] sizes = u.sizes();
        // drawn as 500 + 60 + 60: the small groups come out far too big
        assertTrue(sizes[1] > 90 && sizes[2] > 90, "sizes " + Arrays.toString(sizes));
    }
}
