package org.segmentlab.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What the app remembers between runs, stored as {@code settings.json} in {@code AppLog.home()}.
 * Every field may be null (an older or hand-edited file): readers fall back to defaults.
 *
 * @param dividers split-pane divider positions by split name ("main", "data", ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(WindowState window, Map<String, List<Double>> dividers, String lastFile,
                          List<String> recentFiles, AnalysisSettings analysis) {

    public AppSettings {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    public static AppSettings empty() {
        return new AppSettings(null, Map.of(), null, List.of(), null);
    }

    /** Window geometry; x/y may be NaN when the window was never placed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
    }

    /** The analysis settings the left panel restores. Names as on the command line ("zscore", "mean"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnalysisSettings(String scaling, String imputation, Integer kMin, Integer kMax, Integer chosenK,
                                   Boolean autoK, Long seed, Integer nInit) {
    }

    public AppSettings withWindow(WindowState w) {
        return new AppSettings(w, dividers, lastFile, recentFiles, analysis);
    }

    public AppSettings withDividers(Map<String, List<Double>> d) {
        return new AppSettings(window, d, lastFile, recentFiles, analysis);
    }

    public AppSettings withFiles(String last, List<String> recent) {
        return new AppSettings(window, dividers, last, recent, analysis);
    }

    public AppSettings withAnalysis(AnalysisSettings a) {
        return new AppSettings(window, dividers, lastFile, recentFiles, a);
    }
}
