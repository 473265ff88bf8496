package org.segmentlab.prep;

import java.util.List;
import java.util.Map;

/**
 * The feature matrix k-means sees, and what it takes to reproduce it on new customers.
 *
 * <p>{@code scaled} and {@code unscaled} are row-major {@code rows x cols}. Row r of the matrix is row
 * {@code sourceRows[r]} of the table (rows dropped for missing values are absent). Immutable: the
 * accessors without "View" return copies.
 *
 * @param featureNames   the matrix's columns: original, derived or one-hot ("REGION=North") names
 * @param unscaled       after imputation, log1p and one-hot, before scaling
 * @param scaled         after scaling: what k-means, silhouettes and PCA use
 * @param center         subtracted per feature by the scaling (0 for NONE)
 * @param scale          divided per feature by the scaling (1 for NONE)
 * @param imputedValues  the fill value used per imputed original or derived column
 * @param derivedValues  every derived column's values over all table rows (NaN = missing)
 * @param droppedConstant features left out because they are constant
 * @param warnings       plain-language notes on what was done
 */
public record PreparedData(List<String> featureNames, int rows, int cols, double[] unscaled, double[] scaled,
                           int[] sourceRows, double[] center, double[] scale, Map<String, Double> imputedValues,
                           Map<String, double[]> derivedValues, List<String> droppedConstant,
                           List<String> warnings) {

    public PreparedData {
        featureNames = List.copyOf(featureNames);
        imputedValues = Map.copyOf(imputedValues);
        derivedValues = Map.copyOf(derivedValues);
        droppedConstant = List.copyOf(droppedConstant);
        warnings = List.copyOf(warnings);
        if (scaled.length != (long) rows * cols || unscaled.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix size does not match rows x cols");
        }
    }

    /** The scaled matrix itself, not copied: callers must not modify it. */
    public double[] scaledView() {
        return scaled;
    }

    @Override
    public double[] scaled() {
        return scaled.clone();
    }

    @Override
    public double[] unscaled() {
        return unscaled.clone();
    }

    /** The unscaled matrix itself, not copied: callers must not modify it. */
    public double[] unscaledView() {
        return unscaled;
    }

    @Override
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }
}
