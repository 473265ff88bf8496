package org.segmentlab.app.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.segmentlab.data.DataTable;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;

/**
 * The one-customer form without a window, on the credit-card model (a derived ratio, log1p, a dropped
 * column): typed rows of the sample get exactly what ClusterModel gives them, their training cluster;
 * the segment is the nearest centroid; text is marked, never a crash.
 */
class CustomerFormViewModelTest {

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        double d = ((Number) v).doubleValue();
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    @Test
    void typedSampleRowsGetTheirTrainingClusterAndTheNearestCentroid() throws Exception {
        ModelFixtures.Fitted cc = ModelFixtures.creditCard();
        ClusterModel m = cc.model(List.of("A", "B", "C", "D"));
        CustomerFormViewModel form = new CustomerFormViewModel();
        form.setModel(m);
        assertEquals(m.inputColumns(), form.fields().stream().map(CustomerFormViewModel.Field::column).toList());
        int[] labels = cc.labelsByTableRow();
        DataTable t = cc.table();
        int checked = 0;
        for (int row = 0; row < t.rowCount(); row += 37) {
            Map<String, Object> raw = ModelFixtures.rawRow(t, row);
            for (CustomerFormViewModel.Field f : form.fields()) {
                f.textProperty().set(text(raw.get(f.column())));
            }
            ClusterModel.Assignment expected = m.assign(raw);
            ClusterModel.Assignment got = form.assignment();
            assertNotNull(got, form.messageProperty().get());
            assertEquals(expected.cluster(), got.cluster(), "row " + row);
            assertEquals(labels[row], got.cluster(), "row " + row);
            assertArrayEquals(expected.distances(), got.distances(), 0.0);
            if (got.assigned()) {
                double[] d = got.distances();
                for (double v : d) {
                    assertTrue(d[got.cluster()] <= v, "the segment is the nearest centre");
                }
                assertEquals("ABCD".substring(got.cluster(), got.cluster() + 1), got.segment());
                assertEquals("", form.messageProperty().get());
                checked++;
            } else {
                assertTrue(form.messageProperty().get().contains("CREDIT_LIMIT"), form.messageProperty().get());
            }
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void fieldsStartAtTheTrainingValuesAndTextIsMarked() throws Exception {
        ModelFixtures.Fitted cc = ModelFixtures.creditCard();
        ClusterModel m = cc.model(null);
        CustomerFormViewModel form = new CustomerFormViewModel();
        form.setModel(m);
        FittedPreparation.Feature balance = m.preparation().features().stream()
                .filter(f -> f.source().equals("BALANCE")).findFirst().orElseThrow();
        assertEquals(balance.fill(), Double.parseDouble(form.field("BALANCE").textProperty().get()),
                Math.abs(balance.fill()) * 1e-5);
        // CREDIT_LIMIT's missing rows were dropped: it starts at its mean (the z-score's centre), not blank.
        assertFalse(form.field("CREDIT_LIMIT").textProperty().get().isBlank());
        ClusterModel.Assignment prefilled = form.assignment();
        assertNotNull(prefilled);
        assertTrue(prefilled.assigned(), form.messageProperty().get());

        form.field("PURCHASES").textProperty().set("12O0");
        assertNull(form.assignment());
        assertTrue(form.field("PURCHASES").errorProperty().get().contains("'12O0' is not a number"));
        assertTrue(form.messageProperty().get().contains("PURCHASES"), form.messageProperty().get());

        form.field("PURCHASES").textProperty().set("1200");
        assertEquals("", form.field("PURCHASES").errorProperty().get());
        assertNotNull(form.assignment());
        Map<String, Object> raw = new java.util.HashMap<>();
        for (CustomerFormViewModel.Field f : form.fields()) {
            raw.put(f.column(), Double.parseDouble(f.textProperty().get()));
        }
        assertEquals(m.assign(raw).cluster(), form.assignment().cluster());

        // A blank field is missing: imputed, or (CREDIT_LIMIT) a reason instead of a segment.
        form.field("CREDIT_LIMIT").textProperty().set("");
        assertFalse(form.assignment().assigned());
        assertTrue(form.messageProperty().get().contains("CREDIT_LIMIT is missing"), form.messageProperty().get());
        form.reset();
        assertEquals(prefilled.cluster(), form.assignment().cluster());
    }
}
