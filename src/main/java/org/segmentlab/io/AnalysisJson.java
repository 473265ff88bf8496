package org.segmentlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.segmentlab.pca.PcaResult;
import org.segmentlab.pipeline.AnalysisResult;
import org.segmentlab.pipeline.SweepEntry;
import org.segmentlab.segment.ClusterProfile;

/**
 * The {@code analyze --json} document. Keys are part of the CLI's contract (other tools read them):
 * {@code rows, rows_used, features, sweep, knee_k, best_silhouette_k, chosen_k, clusters, pca, timings}.
 */
public final class AnalysisJson {

    private AnalysisJson() {
    }

    public static ObjectNode toJson(AnalysisResult r) {
        ObjectNode root = JsonSupport.object();
        root.put("rows", r.table().rowCount());
        root.put("rows_used", r.prepared().rows());
        ArrayNode features = root.putArray("features");
        r.prepared().featureNames().forEach(features::add);

        ArrayNode sweep = root.putArray("sweep");
        for (SweepEntry e : r.sweep().entries()) {
            ObjectNode o = sweep.addObject();
            o.put("k", e.k());
            JsonSupport.putNumber(o, "inertia", e.fit().inertia());
            JsonSupport.putNumber(o, "silhouette", e.silhouette());
            JsonSupport.putNumber(o, "calinski_harabasz", e.calinskiHarabasz());
            JsonSupport.putNumber(o, "davies_bouldin", e.daviesBouldin());
            o.put("iterations", e.fit().iterations());
            o.put("fit_seconds", e.fit().fitSeconds());
            ArrayNode sizes = o.putArray("sizes");
            for (int s : e.fit().sizes()) {
                sizes.add(s);
            }
        }
        putOptional(root, "knee_k", r.sweep().kneeK());
        putOptional(root, "best_silhouette_k", r.sweep().bestSilhouetteK());
        root.put("chosen_k", r.chosenK());
        JsonSupport.putNumber(root, "silhouette", r.chosenSilhouetteMean());
        root.put("silhouette_sampled", r.sweep().silhouetteSampled());

        ArrayNode clusters = root.putArray("clusters");
        for (ClusterProfile p : r.profiles()) {
            ObjectNode c = clusters.addObject();
            c.put("id", p.id());
            c.put("size", p.size());
            c.put("share", p.share());
            putMap(c.putObject("means"), p.means());
            putMap(c.putObject("centroid_scaled"), p.centroidScaled());
            ArrayNode dist = c.putArray("distinguishing");
            for (ClusterProfile.Trait t : p.distinguishing()) {
                ObjectNode o = dist.addObject();
                o.put("feature", t.feature());
                JsonSupport.putNumber(o, "z", t.z());
            }
        }

        PcaResult pca = r.pca();
        if (pca != null) {
            ObjectNode p = root.putObject("pca");
            ArrayNode ratio = p.putArray("explained_variance_ratio");
            for (double v : pca.explainedVarianceRatio()) {
                ratio.add(v);
            }
            ArrayNode loadings = p.putArray("loadings");
            for (int c = 0; c < pca.components(); c++) {
                ArrayNode row = loadings.addArray();
                for (int j = 0; j < pca.d(); j++) {
                    row.add(pca.loading(c, j));
                }
            }
        } else {
            root.putNull("pca");
        }

        AnalysisResult.Timings t = r.timings();
        ObjectNode timings = root.putObject("timings");
        timings.put("load_seconds", t.load());
        timings.put("prepare_seconds", t.prepare());
        timings.put("sweep_seconds", t.sweep());
        timings.put("silhouette_seconds", t.silhouette());
        timings.put("pca_seconds", t.pca());
        timings.put("total_seconds", t.total());

        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    private static void putOptional(ObjectNode node, String field, java.util.OptionalInt v) {
        if (v.isPresent()) {
            node.put(field, v.getAsInt());
        } else {
            node.putNull(field);
        }
    }

    private static void putMap(ObjectNode node, Map<String, Double> values) {
        values.forEach((k, v) -> JsonSupport.putNumber(node, k, v));
    }
}
