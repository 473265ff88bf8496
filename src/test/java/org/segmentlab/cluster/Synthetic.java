package org.segmentlab.cluster;

import java.util.SplittableRandom;

/** Seeded Gaussian blobs for tests: row-major n x d, cluster c centred at 10 * c on every axis. */
public final class Synthetic {

    public final double[] x;
    public final int[] truth;
    public final int n;
    public final int d;

    private Synthetic(double[] x, int[] truth, int n, int d) {
        this.x = x;
        this.truth = truth;
        this.n = n;
        this.d = d;
    }

    public static Synthetic blobs(int n, int d, int clusters, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] centres = new double[clusters * d];
        for (int q = 0; q < clusters * d; q++) {
            centres[q] = 10 * r.nextDouble(-1, 1) * clusters;
        }
        double[] x = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(clusters);
            truth[i] = c;
            for (int f = 0; f < d; f++) {
                x[i * d + f] = centres[c * d + f] + spread * gaussian(r);
            }
        }
        return new Synthetic(x, truth, n, d);
    }

    public static double[] uniform(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int q = 0; q < x.length; q++) {
            x[q] = r.nextDouble();
        }
        return x;
    }

    static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** True when a and b put the same pairs of rows together (a bijection between their labels). */
    public static boolean samePartition(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x != b[i]) || (y != null && y != a[i])) {
                return false;
            }
        }
        return true;
    }
}
