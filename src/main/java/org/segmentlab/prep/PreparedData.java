package org.segmentlab.prep;

import java.util.List;
import java.util.Map;
import org.segmentlab.data.Matrix;

/**
 * The feature matrix k-means sees, and what it takes to reproduce it on new customers.
 *
 * <p>{@code scaledMatrix} and {@code unscaled} are row-major {@code rows x cols}; the scaled matrix is kept in
 * blocks of rows (see {@link Matrix}), so that a large one is never one huge allocation. Row r of the matrix is row
 * {@code sourceRows[r]} of the table (rows dropped for missing values are absent). Immutable: the
 * accessors without "View" return copies.
 *
 * @param featureNames   the matrix's columns: original, derived or one-hot ("REGION=North") names
 * @param unscaled       after imputation, log1p and one-hot, before scaling; may be null (not kept, to
 *                       save memory), in which case the accessors derive it as scaled * scale + center
 * @param scaledMatrix   after scaling: what k-means, silhouettes and PCA use (shared, not copied: callers must
 *                       not modify it)
 * @param center         subtracted per feature by the scaling (0 for NONE)
 * @param scale          divided per feature by the scaling (1 for NONE)
 * @param imputedValues  the fill value used per imputed original or derived column
 * @param derivedValues  every derived column's values over all table rows (NaN = missing)
 * @param droppedConstant features left out because they are constant
 * @param warnings       plain-language notes on what was done
 * @param fitted         the same preparation, to apply to new customers (see {@link FittedPreparation})
 */
public record PreparedData(List<String> featureNames, int rows, int cols, double[] unscaled, Matrix scaledMatrix,
                           int[] sourceRows, double[] center, double[] scale, Map<String, Double> imputedValues,
                           Map<String, double[]> derivedValues, List<String> droppedConstant,
                           List<String> warnings, FittedPreparation fitted) {

    public PreparedData {
        featureNames = List.copyOf(featureNames);
        imputedValues = Map.copyOf(imputedValues);
        derivedValues = Map.copyOf(derivedValues);
        droppedConstant = List.copyOf(droppedConstant);
        warnings = List.copyOf(warnings);
        if (scaledMatrix.rows() != rows || scaledMatrix.cols() != cols
                || unscaled != null && unscaled.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix size does not match rows x cols");
        }
        if (fitted == null) {
            fitted = FittedPreparation.scalingOnly(featureNames, center, scale);
        }
    }

    /**
     * The skeleton's constructor, for matrices built without {@link Preparer} (tests, other callers):
     * the fitted preparation only centres and scales.
     */
    public PreparedData(List<String> featureNames, int rows, int cols, double[] unscaled, double[] scaled,
                        int[] sourceRows, double[] center, double[] scale, Map<String, Double> imputedValues,
                        Map<String, double[]> derivedValues, List<String> droppedConstant, List<String> warnings) {
        this(featureNames, rows, cols, unscaled, Matrix.wrap(scaled, rows, cols), sourceRows, center, scale, imputedValues, derivedValues,
                droppedConstant, warnings, null);
    }

    /** A derived column's values over all table rows (a copy), or null. */
    public double[] derivedColumn(String name) {
        double[] v = derivedValues.get(name);
        return v == null ? null : v.clone();
    }

    /** The scaled matrix as one new row-major array: for small data and tests (the engine reads {@link #scaledMatrix()}). */
    public double[] scaled() {
        return scaledMatrix.toArray();
    }

    /** The unscaled matrix (a copy, or derived from the scaled one when it was not kept). */
    @Override
    public double[] unscaled() {
        return unscaled != null ? unscaled.clone() : unscaleAll();
    }

    /** Feature j's prepared (unscaled) values, one per matrix row (a new array). */
    public double[] unscaledColumn(int j) {
        if (unscaled != null) {
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = unscaled[i * cols + j];
            }
            return out;
        }
        double[] out = scaledMatrix.column(j);
        for (int i = 0; i < rows; i++) {
            out[i] = unscale(j, out[i]);
        }
        return out;
    }

    /** Feature j's scaled value v in prepared (unscaled) units. */
    public double unscale(int j, double v) {
        return v * scale[j] + center[j];
    }

    private double[] unscaleAll() {
        double[] out = scaledMatrix.toArray();
        for (int i = 0; i < out.length; i++) {
            int j = i % cols;
            out[i] = out[i] * scale[j] + center[j];
        }
        return out;
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
