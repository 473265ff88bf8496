package org.segmentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void wideDataIsCutIntoBlocksOfAtMostEightMegabytesAlignedToWholeChunks() {
        // 400 columns: 8 MB holds 2,621 rows, so blocks of 2,048 rows (a power of two, whole k-means chunks).
        Matrix m = Matrix.zeros(10_000, 400);
        assertEquals(2048, m.rowsPerBlock());
        assertEquals(5, m.blockCount());
        for (int b = 0; b < 4; b++) {
            assertEquals(2048 * 400, m.block(b).length);
            assertTrue(m.block(b).length * 8L <= Matrix.TARGET_BLOCK_BYTES);
        }
        assertEquals((10_000 - 4 * 2048) * 400, m.block(4).length, "the last block holds only the rows left");
    }

    @Test
    void aMatrixThatFitsInOneBlockIsOneExactArray() {
        Matrix m = Matrix.zeros(8950, 17);
        assertEquals(1, m.blockCount());
        assertEquals(8950 * 17, m.block(0).length);
        double[] flat = iota(6);
        Matrix w = Matrix.wrap(flat, 3, 2);
        assertSame(flat, w.block(0), "wrap does not copy");
        assertEquals(5.0, w.get(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(flat, 4, 2));
    }

    @Test
    void rowsAreFoundInTheirBlockAtTheirOffset() {
        int n = 5000;
        int d = 3;
        double[] flat = iota(n * d);
        Matrix m = Matrix.copyOf(flat, n, d, 2048);
        assertEquals(3, m.blockCount());
        for (int r : new int[] {0, 2047, 2048, 4095, 4096, 4999}) {
            assertSame(m.block(r / 2048), m.blockOf(r));
            assertEquals((r % 2048) * d, m.offset(r));
            for (int c = 0; c < d; c++) {
                assertEquals(flat[r * d + c], m.get(r, c), "row " + r + " col " + c);
            }
            double[] row = new double[d + 1];
            m.copyRow(r, row, 1);
            assertArrayEquals(new double[] {0, r * d, r * d + 1, r * d + 2}, row, 0.0);
        }
        assertArrayEquals(flat, m.toArray(), 0.0);
        double[] col = m.column(2);
        assertEquals(n, col.length);
        assertEquals(4999 * 3 + 2, col[4999]);
        assertArrayEquals(flat, Matrix.wrap(flat, n, d).toArray(), 0.0);
        m.set(4999, 2, -1);
        assertEquals(-1, m.get(4999, 2));
        assertEquals(-1, m.toArray()[4999 * 3 + 2]);
        assertEquals(4999 * 3 + 2, flat[4999 * 3 + 2], "copyOf copied: the source is untouched");
    }

    @Test
    void badShapesAndBlockSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(10, 2, 3000), "not a power of two");
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(10, 2, 1024), "below a whole chunk");
        assertThrows(IllegalArgumentException.class, () -> Matrix.copyOf(new double[5], 3, 2));
        Matrix empty = Matrix.zeros(0, 4);
        assertEquals(0, empty.rows());
        assertEquals(0, empty.toArray().length);
    }
}
