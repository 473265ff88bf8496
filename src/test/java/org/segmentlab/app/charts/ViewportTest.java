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

    @Test
    void equalAspectFitsTheHomeRangeAndFollowsResizes() {
        vp.setEqualAspect(true);
        // home 8 x 4 data units on 800 x 400 px is already 0.01 per pixel on both axes
        assertEquals(vp.dataPerPixelX(), vp.dataPerPixelY(), 1e-12);
        vp.setScreen(50, 20, 800, 800);
        assertEquals(0.01, vp.dataPerPixelX(), 1e-12, "x range kept: the wider one decides");
        assertEquals(0.01, vp.dataPerPixelY(), 1e-12);
        assertEquals(1, (vp.yMin() + vp.yMax()) / 2, 1e-12, "grown about the centre");
        assertTrue(vp.yMin() <= -1 && vp.yMax() >= 3, "the whole home range still shows");
        vp.zoomAbout(300, 300, 2);
        assertFalse(vp.isHome());
        assertEquals(vp.dataPerPixelX(), vp.dataPerPixelY(), 1e-12, "zoom keeps the aspect");
        vp.setScreen(50, 20, 400, 800);
        assertEquals(vp.dataPerPixelX(), vp.dataPerPixelY(), 1e-12, "resize keeps the aspect");
        vp.setEqualAspect(false);
        assertTrue(vp.isHome());
        assertEquals(-1, vp.yMin(), 0, "off: the home range fills the plot again");
    }
}
