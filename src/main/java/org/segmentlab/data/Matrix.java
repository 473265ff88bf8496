package org.segmentlab.data;

/**
 * A row-major {@code rows x cols} matrix of doubles kept in blocks of whole rows: the feature matrix
 * k-means, silhouettes, PCA and the profiles read.
 *
 * <p>Why blocks: a Java array is zeroed in one stretch when it is allocated, and the allocating thread
 * cannot stop for a garbage collector's safepoint until that is done. One 160 MB array (1,000,000 x 20)
 * in memory the process has not touched yet takes 330-560 ms to zero on the project's VM, and a safepoint
 * requested meanwhile stops every thread, the FX thread too (bench/results/fx-pulse.md). Blocks of at most
 * {@value #TARGET_BLOCK_BYTES} bytes are zeroed in ~25 ms each, and are still large enough that G1 places
 * them straight in the old generation ("humongous") instead of copying them at young collections.
 *
 * <p>Every block but the last holds {@link #rowsPerBlock()} rows, a power of two and a multiple of
 * {@value #ROW_ALIGNMENT}, so a chunk of {@value #ROW_ALIGNMENT} rows starting at a multiple of it never
 * spans two blocks. Row {@code r} is in {@link #blockOf(int)}, from index {@link #offset(int)}.
 * A matrix that fits in one block is one array of exactly {@code rows x cols} values.
 *
 * <p>The blocks are shared, not copied: callers write them only while building the matrix.
 */
public final class Matrix {

    /** Largest block the default layout makes (8 MB): G1's humongous threshold is half a region, and regions are at most 16 MB below 32 GB heaps. */
    public static final long TARGET_BLOCK_BYTES = 8L << 20;

    /** Rows per block are a multiple of this, so k-means chunks (2,048 rows) lie in one block. */
    public static final int ROW_ALIGNMENT = 2048;

    private final double[][] blocks;
    private final int rows;
    private final int cols;
    private final int shift;
    private final int mask;

    private Matrix(double[][] blocks, int rows, int cols, int shift) {
        this.blocks = blocks;
        this.rows = rows;
        this.cols = cols;
        this.shift = shift;
        this.mask = (1 << shift) - 1;
    }

    /** A zero matrix in blocks of at most {@value #TARGET_BLOCK_BYTES} bytes (or one block when it fits). */
    public static Matrix zeros(int rows, int cols) {
        requireShape(rows, cols);
        long maxRows = Math.max(ROW_ALIGNMENT, TARGET_BLOCK_BYTES / (8L * Math.max(1, cols)));
        int shift = 31 - Integer.numberOfLeadingZeros((int) Math.min(1 << 30, maxRows));
        return zeros(rows, cols, 1 << Math.max(shift, Integer.numberOfTrailingZeros(ROW_ALIGNMENT)));
    }

    /**
     * A zero matrix with a given number of rows per block (a power of two, at least {@value #ROW_ALIGNMENT}):
     * for tests that need several blocks on small data.
     */
    public static Matrix zeros(int rows, int cols, int rowsPerBlock) {
        requireShape(rows, cols);
        if (Integer.bitCount(rowsPerBlock) != 1 || rowsPerBlock < ROW_ALIGNMENT) {
            throw new IllegalArgumentException("rows per block must be a power of two of at least " + ROW_ALIGNMENT);
        }
        if (rows <= rowsPerBlock) {
            return wrap(new double[Math.multiplyExact(rows, cols)], rows, cols);
        }
        int shift = Integer.numberOfTrailingZeros(rowsPerBlock);
        int count = (int) (((long) rows + rowsPerBlock - 1) >>> shift);
        double[][] blocks = new double[count][];
        for (int b = 0; b < count; b++) {
            int r = Math.min(rowsPerBlock, rows - b * rowsPerBlock);
            blocks[b] = new double[Math.multiplyExact(r, cols)];
        }
        return new Matrix(blocks, rows, cols, shift);
    }

    /** The row-major array itself as a one-block matrix (not copied). */
    public static Matrix wrap(double[] rowMajor, int rows, int cols) {
        requireShape(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix size " + rowMajor.length + " does not match " + rows + " x " + cols);
        }
        if (rows > 1 << 30) {
            throw new IllegalArgumentException("more than 2^30 rows");
        }
        return new Matrix(new double[][] {rowMajor}, rows, cols, 30);
    }

    /** A copy of a row-major array, laid out as {@link #zeros(int, int)} would. */
    public static Matrix copyOf(double[] rowMajor, int rows, int cols) {
        return copyOf(rowMajor, rows, cols, zeros(rows, cols));
    }

    /** A copy of a row-major array with a given number of rows per block (see {@link #zeros(int, int, int)}). */
    public static Matrix copyOf(double[] rowMajor, int rows, int cols, int rowsPerBlock) {
        return copyOf(rowMajor, rows, cols, zeros(rows, cols, rowsPerBlock));
    }

    private static Matrix copyOf(double[] rowMajor, int rows, int cols, Matrix out) {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix size " + rowMajor.length + " does not match " + rows + " x " + cols);
        }
        long from = 0;
        for (double[] b : out.blocks) {
            System.arraycopy(rowMajor, (int) from, b, 0, b.length);
            from += b.length;
        }
        return out;
    }

    private static void requireShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + " x " + cols);
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Rows in every block but the last; a power of two. */
    public int rowsPerBlock() {
        return 1 << shift;
    }

    public int blockCount() {
        return blocks.length;
    }

    /** Block b itself (not copied): rows {@code b * rowsPerBlock()} on, row-major. */
    public double[] block(int b) {
        return blocks[b];
    }

    /** The block that holds row r (not copied). */
    public double[] blockOf(int row) {
        return blocks[row >>> shift];
    }

    /** Where row r starts in {@link #blockOf(int)}. */
    public int offset(int row) {
        return (row & mask) * cols;
    }

    public double get(int row, int col) {
        return blocks[row >>> shift][(row & mask) * cols + col];
    }

    /** Sets one value: only while the matrix is being built. */
    public void set(int row, int col, double v) {
        blocks[row >>> shift][(row & mask) * cols + col] = v;
    }

    /** Copies row r into {@code dst} from {@code dstOffset}. */
    public void copyRow(int row, double[] dst, int dstOffset) {
        System.arraycopy(blocks[row >>> shift], (row & mask) * cols, dst, dstOffset, cols);
    }

    /** Column c over all rows (a new array). */
    public double[] column(int c) {
        double[] out = new double[rows];
        int r = 0;
        for (double[] b : blocks) {
            for (int o = c; o < b.length; o += cols) {
                out[r++] = b[o];
            }
        }
        return out;
    }

    /** The whole matrix as one new row-major array: for small matrices and tests only. */
    public double[] toArray() {
        double[] out = new double[Math.multiplyExact(rows, cols)];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
