package org.segmentlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ClusterPaletteTest {

    @Test
    void firstSevenAreOkabeItoWithoutBlackAndYellowLast() {
        List<String> expected = List.of("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442");
        for (int c = 0; c < 7; c++) {
            assertEquals(expected.get(c), ClusterPalette.hex(c));
            assertEquals(Color.web(expected.get(c)), ClusterPalette.color(c));
            assertNotEquals(Color.BLACK, ClusterPalette.color(c));
        }
        assertEquals("#F0E442", ClusterPalette.hex(6), "yellow is the 7th colour");
    }

    @Test
    void colorsAreDistinctBeforeTheyRepeat() {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < ClusterPalette.size(); c++) {
            assertTrue(seen.add(ClusterPalette.hex(c)), "duplicate colour at " + c);
        }
        assertTrue(ClusterPalette.size() >= 12);
        assertEquals(ClusterPalette.hex(0), ClusterPalette.hex(ClusterPalette.size()));
        assertEquals(0xFFE69F00, ClusterPalette.argb(0));
    }

    @Test
    void divergingIsWhiteAtZeroAndBlueRedAtTheEnds() {
        assertEquals(Color.WHITE, ClusterPalette.diverging(0, 2));
        Color lo = ClusterPalette.diverging(-2, 2), hi = ClusterPalette.diverging(2, 2);
        assertEquals(Color.web("#2166AC"), lo);
        assertEquals(Color.web("#B2182B"), hi);
        assertTrue(lo.getBlue() > lo.getRed(), "negative end is blue");
        assertTrue(hi.getRed() > hi.getBlue(), "positive end is red");
        assertEquals(lo, ClusterPalette.diverging(-50, 2), "clamped beyond the range");
        // symmetric: equal distance from white on both sides
        Color a = ClusterPalette.diverging(-1, 2), b = ClusterPalette.diverging(1, 2);
        assertTrue(a.getBlue() > a.getRed() && b.getRed() > b.getBlue());
        assertEquals(ClusterPalette.MISSING, ClusterPalette.diverging(Double.NaN, 2));
    }

    @Test
    void textColourContrastsWithBackground() {
        assertEquals(Color.BLACK, ClusterPalette.textOn(Color.WHITE));
        assertEquals(Color.WHITE, ClusterPalette.textOn(Color.web("#2166AC")));
        assertEquals(Color.BLACK, ClusterPalette.textOn(Color.web("#F0E442")));
    }
}
