package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void formulasBecomeText() {
        assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetSafe.cell("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetSafe.cell("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetSafe.cell("@SUM(A1)"));
        assertEquals("'\tx", SpreadsheetSafe.cell("\tx"));
        assertEquals("'\rx", SpreadsheetSafe.cell("\rx"));
    }

    @Test
    void ordinaryValuesAndNumbersStayAsTheyAre() {
        assertEquals("C10001", SpreadsheetSafe.cell("C10001"));
        assertEquals("-3.5", SpreadsheetSafe.cell("-3.5"));
        assertEquals("+1e-3", SpreadsheetSafe.cell("+1e-3"));
        assertEquals("", SpreadsheetSafe.cell(""));
        assertEquals("a=b", SpreadsheetSafe.cell("a=b"));
    }
}
