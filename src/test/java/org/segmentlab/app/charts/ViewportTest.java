package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewportTest {

    private final Viewport vp = new Viewport();

    @BeforeEach
    void setUp() {
        vp.setHome(-2, 6, -1, 3);
        vp.setScreen(50, 20, 800, 400);
    }

    @Test
    void mapsCornersAndRoundTrips() {
        assertEquals(50, vp.toScreenX(-2), 1e-9);
        assertEquals(850, vp.toScreenX(6), 1e-9);
        assertEquals(420, vp.toScreenY(-1), 1e-9, "data y min is at the bottom");
        assertEquals(20, vp.toScreenY(3), 1e-9);
        assertEquals(1.234, vp.toDataX(vp.toScreenX(1.234)), 1e-12);
        assertEquals(-0.77, vp.toDataY(vp.toScreenY(-0.77)), 1e-12);
    }

    @Test
    void zoomAboutCursorKeepsThePointUnderTheCursor() {
        double sx = 313, sy = 97;
        double dx = vp.toDataX(sx), dy = vp.toDataY(sy);
        vp.zoomAbout(sx, sy, 2.5);
        assertEquals(dx, vp.toDataX(sx), 1e-12);
        assertEquals(dy, vp.toDataY(sy), 1e-12);
        assertEquals(8 / 2.5, vp.xMax() - vp.xMin(), 1e-12);
        vp.zoomAbout(700, 300, 0.5);
        assertEquals(8 / 2.5 * 2, vp.xMax() - vp.xMin(), 1e-12);
    }

    @Test
    void panMovesContentWithTheDrag() {
        double before = vp.toScreenX(1.0);
        double beforeY = vp.toScreenY(1.0);
        vp.panPixels(40, -25);
        assertEquals(before + 40, vp.toScreenX(1.0), 1e-9);
        assertEquals(beforeY - 25, vp.toScreenY(1.0), 1e-9);
        assertFalse(vp.isHome());
    }

    @Test
    void resetReturnsToHome() {
        vp.zoomAbout(100, 100, 3);
        vp.panPixels(10, 10);
        vp.reset();
        assertTrue(vp.isHome());
        assertEquals(-2, vp.xMin(), 0);
        assertEquals(3, vp.yMax(), 0);
    }

    @Test
    void degenerateRangeIsWidened() {
        vp.setHomeFromData(new double[] {5, 5}, new double[] {1, 1}, 0.05);
        assertTrue(vp.xMax() > vp.xMin());
        assertTrue(Double.isFinite(vp.toScreenX(5)));
    }
}
