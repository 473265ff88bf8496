package org.segmentlab.io;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.segment.Persona;

/**
 * Draws an analysis's charts as PNG images without a window, for {@code analyze --out} and the report.
 * The core only knows this interface; the implementation lives with the charts in the app packages
 * (they need the GUI toolkit) and is found through {@link ServiceLoader}, so the command line never
 * links against the GUI and still runs when no renderer is installed.
 *
 * <p>Chart names are file names ({@link #ELBOW}, ...): the keys of the map {@link #render} returns.
 */
public interface ChartRenderer {

    /** Inertia against k, the knee marked. */
    String ELBOW = "elbow.png";
    /** Mean silhouette against k, the best k marked. */
    String SILHOUETTE_BY_K = "silhouette.png";
    /** Every customer on the first two principal components, coloured by segment. */
    String SCATTER = "pca_scatter.png";
    /** Per-customer silhouettes of the chosen k, sorted within segments. */
    String SILHOUETTES = "silhouettes.png";
    /** The profile heatmap: z per segment and feature, raw means in the cells. */
    String PROFILE = "profile.png";

    /** The images {@code analyze --out} writes as files, in order. */
    List<String> KIT_IMAGES = List.of(ELBOW, SILHOUETTE_BY_K, SCATTER, PROFILE);
    /** Every chart {@link #render} draws, in order. */
    List<String> ALL = List.of(ELBOW, SILHOUETTE_BY_K, SCATTER, SILHOUETTES, PROFILE);

    /**
     * Renders every chart of {@link #ALL} for the chosen k of {@code result}, each {@code width x height}
     * pixels with a footer naming the data file, k and today's date. Nothing passed in is modified.
     *
     * @param personas one per cluster of the chosen k: their names label the segments
     * @return chart name to PNG bytes, in {@link #ALL}'s order
     * @throws UnavailableException when the charts cannot be drawn here (no graphics toolkit); the
     *                              message says why in words a user can act on
     */
    Map<String, byte[]> render(AnalysisResult result, List<Persona> personas, int width, int height)
            throws UnavailableException;

    /** The SVG twin of a chart's PNG name: "elbow.png" is drawn as "elbow.svg". */
    static String svgName(String pngName) {
        return pngName.endsWith(".png") ? pngName.substring(0, pngName.length() - 4) + ".svg" : pngName + ".svg";
    }

    /**
     * As {@link #render}, as SVG documents (vector shapes and text, drawn by the same code; the scatter's points are
     * one embedded image), keyed by {@link #svgName}. A renderer that draws PNG only says so.
     *
     * @throws UnavailableException when the charts cannot be drawn here
     */
    default Map<String, String> renderSvg(AnalysisResult result, List<Persona> personas, int width, int height)
            throws UnavailableException {
        throw new UnavailableException("this chart renderer draws PNG only", null);
    }

    /** Charts cannot be drawn in this environment; the message says why. */
    final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The installed renderer, or null when none is (a trimmed class path or module graph). Any error
     * while looking one up counts as none; {@link #whyMissing()} says what happened.
     */
    static ChartRenderer find() {
        try {
            return ServiceLoader.load(ChartRenderer.class, ChartRenderer.class.getClassLoader()).findFirst().orElse(null);
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            AppLog.error("No chart renderer could be loaded", e);
            return null;
        }
    }

    /** The sentence printed when {@link #find()} returns null. */
    static String whyMissing() {
        return "no chart renderer is installed (the JavaFX chart classes are not on the class path)";
    }
}
