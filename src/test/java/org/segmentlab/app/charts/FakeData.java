package org.segmentlab.app.charts;

import java.util.SplittableRandom;

/** Fake but realistic credit-card segmentation output for demos and tests (seeded). */
final class FakeData {

    static final String[] FEATURES = {"BALANCE", "BALANCE_FREQUENCY", "PURCHASES", "ONEOFF_PURCHASES",
        "INSTALLMENTS_PURCHASES", "CASH_ADVANCE", "PURCHASES_FREQUENCY", "ONEOFF_PURCHASES_FREQUENCY",
        "PURCHASES_INSTALLMENTS_FREQUENCY", "CASH_ADVANCE_FREQUENCY", "CASH_ADVANCE_TRX", "PURCHASES_TRX",
        "CREDIT_LIMIT", "PAYMENTS", "MINIMUM_PAYMENTS", "PRC_FULL_PAYMENT", "TENURE"};
    static final double[] POPULATION = {1564, 0.877, 1003, 592, 411, 979, 0.490, 0.202, 0.364, 0.135, 3.25, 14.7,
        4494, 1733, 864, 0.154, 11.5};
    static final double[] POP_SD = {2082, 0.237, 2137, 1660, 904, 2097, 0.401, 0.298, 0.397, 0.200, 6.82, 24.9,
        3639, 2895, 2372, 0.292, 1.34};

    final int n;
    final int k;
    final double[] xs;
    final double[] ys;
    final int[] cluster;
    final double[] silhouette;
    final double[] cx;
    final double[] cy;
    final int[] sizes;
    final double[][] z;
    final double[][] raw;

    FakeData(int n, int k, long seed) {
        this.n = n;
        this.k = k;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] mx = new double[k], my = new double[k], sdx = new double[k], sdy = new double[k];
        for (int c = 0; c < k; c++) {
            double a = 2 * Math.PI * c / k;
            mx[c] = 2.2 * Math.cos(a) + rnd.nextDouble(-0.3, 0.3);
            my[c] = 1.6 * Math.sin(a) + rnd.nextDouble(-0.3, 0.3);
            sdx[c] = 0.6 + rnd.nextDouble(0.5);
            sdy[c] = 0.5 + rnd.nextDouble(0.4);
        }
        // cluster sizes decreasing (clusters are numbered by size, largest first)
        double[] w = new double[k];
        double sw = 0;
        for (int c = 0; c < k; c++) {
            w[c] = 1.0 / (1 + 0.6 * c);
            sw += w[c];
        }
        xs = new double[n];
        ys = new double[n];
        cluster = new int[n];
        silhouette = new double[n];
        sizes = new int[k];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble() * sw;
            int c = 0;
            while (c < k - 1 && u > w[c]) {
                u -= w[c];
                c++;
            }
            cluster[i] = c;
            sizes[c]++;
            double gx = gauss(rnd), gy = gauss(rnd);
            xs[i] = mx[c] + sdx[c] * gx;
            ys[i] = my[c] + sdy[c] * gy;
            double r = Math.sqrt(gx * gx + gy * gy);
            silhouette[i] = Math.max(-0.5, Math.min(0.85, 0.45 - 0.18 * r + 0.08 * gauss(rnd)));
        }
        cx = mx.clone();
        cy = my.clone();
        z = new double[k][FEATURES.length];
        raw = new double[k][FEATURES.length];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < FEATURES.length; f++) {
                double zz = (f % (c + 2) == 0 ? 1.4 : -0.3) * (1 + 0.5 * gauss(rnd)) * (f < 6 ? 1.3 : 0.7);
                z[c][f] = Math.max(-1.5, Math.min(3.2, zz));
                raw[c][f] = Math.max(0, POPULATION[f] + z[c][f] * POP_SD[f]);
            }
        }
    }

    private static double gauss(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble()), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static final int[] KS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    static final double[] INERTIA = {152133, 127784, 111974, 99061, 91490, 84826, 79856, 74484, 69934, 66460};
    static final double[] SIL = {Double.NaN, 0.210, 0.251, 0.198, 0.193, 0.203, 0.215, 0.221, 0.216, 0.219};
    static final double[] CH = {Double.NaN, 1706, 1619, 1598, 1480, 1421, 1379, 1362, 1351, 1325};
    static final double[] DB = {Double.NaN, 2.05, 1.59, 1.58, 1.56, 1.42, 1.38, 1.33, 1.36, 1.35};
    static final double[] FIT_SECONDS = {0.02, 0.11, 0.19, 0.27, 0.33, 0.41, 0.52, 0.61, 0.66, 0.78};

    String[] names() {
        String[] base = {"Revolvers", "Full Payers", "High-Value Transactors", "Cash Advance Users"};
        String[] out = new String[k];
        for (int c = 0; c < k; c++) {
            out[c] = c < base.length ? base[c] : "Cluster " + c;
        }
        return out;
    }
}
