package org.segmentlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Small two-column example data sets (columns {@code x} and {@code y}) for learning where k-means works
 * and where it fails. Seeded: the same kind and seed give the same table, on any machine (Gaussian
 * noise by Box-Muller from a {@link SplittableRandom}, not the JDK's nextGaussian, whose algorithm may
 * change). Values are rounded to 3 decimals so that the CSV written from a table reads back equal.
 */
public final class ToyData {

    /** The example sets, each with the k that tells its story and a one-sentence lesson. */
    public enum Kind {
        BLOBS("Well-separated blobs", "blobs", 4,
                "Compact, round groups of similar size far apart are what k-means looks for: with k = 4 it finds "
                        + "them from almost any start."),
        RING("A ring around a blob", "ring", 2,
                "K-means puts each point with its nearest centre, so it cuts the ring in two instead of "
                        + "separating the ring from the blob inside it: no start and no k fixes that."),
        UNEQUAL("Unequal sizes and spreads", "unequal", 3,
                "K-means draws each border half-way between two centres, so the big, wide group loses its edge "
                        + "points to the small, tight groups beside it, even at the right k.");

        private final String title;
        private final String fileStem;
        private final int suggestedK;
        private final String lesson;

        Kind(String title, String fileStem, int suggestedK, String lesson) {
            this.title = title;
            this.fileStem = fileStem;
            this.suggestedK = suggestedK;
            this.lesson = lesson;
        }

        /** "A ring around a blob": what menus and pickers show. */
        public String title() {
            return title;
        }

        /** "ring": the file name an example is written under (ring.csv). */
        public String fileStem() {
            return fileStem;
        }

        /** The number of groups the data was drawn from. */
        public int suggestedK() {
            return suggestedK;
        }

        /** One sentence: what this data set teaches about k-means. */
        public String lesson() {
            return lesson;
        }
    }

    /** The seed the app uses for its built-in examples. */
    public static final long DEFAULT_SEED = 7;

    private static final CsvDialect DIALECT = new CsvDialect(',', false, "UTF-8", false, true, "LF");

    private ToyData() {
    }

    /** The example {@code kind} drawn with {@code seed}: a table with numeric columns x and y. */
    public static DataTable generate(Kind kind, long seed) {
        double[][] xy = points(kind, seed);
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("x", ColumnType.NUMERIC, ColumnType.NUMERIC, xy[0], null, null, null, 0, List.of()));
        cols.add(new Column("y", ColumnType.NUMERIC, ColumnType.NUMERIC, xy[1], null, null, null, 0, List.of()));
        return new DataTable(null, DIALECT, cols, xy[0].length, 0, List.of());
    }

    /** The table as CSV text (header x,y; LF line ends; Java's shortest round-trip number form). */
    public static String csv(DataTable table) {
        double[] xs = table.column("x").orElseThrow().numbersView();
        double[] ys = table.column("y").orElseThrow().numbersView();
        StringBuilder sb = new StringBuilder(xs.length * 16).append("x,y\n");
        for (int i = 0; i < xs.length; i++) {
            sb.append(num(xs[i])).append(',').append(num(ys[i])).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    /** {x[], y[]}: the groups drawn one after another, then shuffled so no group is drawn on top. */
    private static double[][] points(Kind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        switch (kind) {
            case BLOBS -> {
                double[][] centres = {{-6, -5}, {5, -6}, {-5, 6}, {6, 5}};
                for (double[] c : centres) {
                    blob(r, pts, 150, c[0], c[1], 1.1, 1.1);
                }
            }
            case RING -> {
                blob(r, pts, 200, 0, 0, 0.8, 0.8);
                for (int i = 0; i < 400; i++) {
                    double a = 2 * Math.PI * r.nextDouble();
                    double rad = 6 + 0.45 * gaussian(r);
                    pts.add(new double[] {rad * Math.cos(a), rad * Math.sin(a)});
                }
            }
            case UNEQUAL -> {
                blob(r, pts, 500, 0, 0, 2.6, 2.6);
                blob(r, pts, 60, 6.5, 1, 0.45, 0.45);
                blob(r, pts, 60, 1, 7, 0.45, 0.45);
            }
        }
        // Fisher-Yates, seeded
        for (int i = pts.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double[] t = pts.get(i);
            pts.set(i, pts.get(j));
            pts.set(j, t);
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = round3(pts.get(i)[0]);
            ys[i] = round3(pts.get(i)[1]);
        }
        return new double[][] {xs, ys};
    }

    private static void blob(SplittableRandom r, List<double[]> pts, int count, double cx, double cy, double sx,
                             double sy) {
        for (int i = 0; i < count; i++) {
            pts.add(new double[] {cx + sx * gaussian(r), cy + sy * gaussian(r)});
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Standard normal by Box-Muller (log1p(-u): u may be 0, never 1). */
    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
