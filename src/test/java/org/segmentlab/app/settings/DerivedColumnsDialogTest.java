package org.segmentlab.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segmentlab.prep.DerivedColumn;

class DerivedColumnsDialogTest {

    @Test
    void linesAreParsedAndFormattedBack() {
        List<DerivedColumn> d = DerivedColumnsDialog.parse("A = B / C\n\n# a comment\n  RATIO=PURCHASES/(PURCHASES+1)  \n");
        assertEquals(List.of(new DerivedColumn("A", "B / C"), new DerivedColumn("RATIO", "PURCHASES/(PURCHASES+1)")), d);
        assertEquals(d, DerivedColumnsDialog.parse(DerivedColumnsDialog.format(d)));
    }

    @Test
    void aLineWithoutAnEqualsSignIsRefusedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DerivedColumnsDialog.parse("A = B\nJUST_A_NAME\n"));
        assertEquals("Line 2: derived column 'JUST_A_NAME' must be written NAME=EXPRESSION", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DerivedColumnsDialog.parse("A = "));
    }
}
