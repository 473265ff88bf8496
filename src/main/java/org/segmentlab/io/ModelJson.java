package org.segmentlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.segmentlab.prep.Expression;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.prep.PrepException;
import org.segmentlab.segment.ClusterModel;

/**
 * {@code model.json}: a {@link ClusterModel} as JSON, to assign new customers later or elsewhere.
 *
 * <pre>
 * { "format": "segmentlab-model", "format_version": 1, "created": "2026-11-25T18:00:00Z",
 *   "k": 4, "input_columns": ["BALANCE", ...],
 *   "derived": [ {"name": "RATIO", "expression": "PAYMENTS / BALANCE", "columns": ["PAYMENTS", "BALANCE"]} ],
 *   "features": [ {"name": "BALANCE", "source": "BALANCE", "category": null, "fill": 1564.47,
 *                  "drop_if_missing": false, "log1p": false, "center": 1564.47, "scale": 2081.41} ],
 *   "centroids": [[...d numbers...], ...k rows],
 *   "segments": ["Cash Advance Users", ...],
 *   "pca": {"mean": [...d], "components": [[...d], [...d]]}   (or null) }
 * </pre>
 *
 * Numbers are written with Java's shortest round-trip form, so a model read back is bit-identical.
 * Written atomically; read leniently about unknown fields (newer minor additions) and strictly about
 * the fields needed: a damaged, truncated or foreign file is a {@link ModelException} naming the file.
 */
public final class ModelJson {

    public static final String FORMAT = "segmentlab-model";
    public static final int FORMAT_VERSION = 1;

    private ModelJson() {
    }

    /** Writes the model atomically (a temporary file, then a rename). */
    public static void write(Path file, ClusterModel model) throws IOException {
        JsonSupport.write(file, toJson(model));
    }

    static ObjectNode toJson(ClusterModel model) {
        ObjectNode root = JsonSupport.object();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("created", model.created().toString());
        root.put("k", model.k());
        model.inputColumns().forEach(root.putArray("input_columns")::add);
        ArrayNode derived = root.putArray("derived");
        for (Expression e : model.preparation().derived()) {
            ObjectNode o = derived.addObject();
            o.put("name", e.name());
            o.put("expression", e.text());
            e.columns().forEach(o.putArray("columns")::add);
        }
        ArrayNode features = root.putArray("features");
        for (FittedPreparation.Feature f : model.preparation().features()) {
            ObjectNode o = features.addObject();
            o.put("name", f.name());
            o.put("source", f.source());
            if (f.category() == null) {
                o.putNull("category");
            } else {
                o.put("category", f.category());
            }
            JsonSupport.putNumber(o, "fill", f.fill());
            o.put("drop_if_missing", f.dropIfMissing());
            o.put("log1p", f.log1p());
            o.put("center", f.center());
            o.put("scale", f.scale());
        }
        ArrayNode cs = root.putArray("centroids");
        for (int c = 0; c < model.k(); c++) {
            ArrayNode row = cs.addArray();
            for (double v : model.centroid(c)) {
                row.add(v);
            }
        }
        model.segmentNames().forEach(root.putArray("segments")::add);
        if (model.pcaComponents() > 0) {
            ObjectNode pca = root.putObject("pca");
            ArrayNode mean = pca.putArray("mean");
            for (double v : model.pcaMean()) {
                mean.add(v);
            }
            double[] l = model.pcaLoadings();
            int d = model.d();
            ArrayNode comps = pca.putArray("components");
            for (int p = 0; p < model.pcaComponents(); p++) {
                ArrayNode row = comps.addArray();
                for (int j = 0; j < d; j++) {
                    row.add(l[p * d + j]);
                }
            }
        } else {
            root.putNull("pca");
        }
        return root;
    }

    /**
     * Reads a model file.
     *
     * @throws ModelException when the file is missing, unreadable, not JSON, not a SegmentLab model, from
     *                        a newer format version, or lacks or damages a needed field
     */
    public static ClusterModel read(Path file) throws ModelException {
        JsonNode root;
        try {
            root = JsonSupport.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ModelException(file, "the model file does not exist. Check the path, or save the model"
                    + " again from SegmentLab (Export > Model).", e);
        } catch (JsonProcessingException e) {
            throw new ModelException(file, "is not a complete JSON file (damaged or truncated at line "
                    + e.getLocation().getLineNr() + "?). Save the model again from SegmentLab.", e);
        } catch (IOException e) {
            throw new ModelException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelException(file, "is empty or not a JSON object: not a SegmentLab model file.", null);
        }
        return new Reader(file, root).model();
    }

    /** Strict field access with messages that name the field. */
    private static final class Reader {
        private final Path file;
        private final JsonNode root;

        Reader(Path file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        ModelException bad(String what) {
            return new ModelException(file, what + " The model file is damaged: save the model again from SegmentLab.",
                    null);
        }

        ClusterModel model() throws ModelException {
            String format = root.path("format").asText(null);
            if (!FORMAT.equals(format)) {
                throw new ModelException(file, "is not a SegmentLab model file (\"format\" is "
                        + (format == null ? "absent" : "\"" + format + "\"") + ", expected \"" + FORMAT
                        + "\"). Give the model.json that SegmentLab exported.", null);
            }
            JsonNode v = root.get("format_version");
            if (v == null || !v.canConvertToInt()) {
                throw bad("\"format_version\" is missing or not a whole number.");
            }
            if (v.asInt() > FORMAT_VERSION || v.asInt() < 1) {
                throw new ModelException(file, "has model format version " + v.asInt() + "; this SegmentLab reads"
                        + " version " + FORMAT_VERSION + ". Update SegmentLab, or export the model again with this"
                        + " version.", null);
            }
            int k = integer(root, "k");
            List<Expression> derived = new ArrayList<>();
            Set<String> known = new LinkedHashSet<>();
            JsonNode ds = array(root, "derived");
            for (int i = 0; i < ds.size(); i++) {
                JsonNode o = ds.get(i);
                String name = text(o, "name", "derived[" + i + "]");
                String text = text(o, "expression", "derived[" + i + "]");
                Set<String> cols = new LinkedHashSet<>(known);
                JsonNode cn = o.get("columns");
                if (cn != null && cn.isArray()) {
                    cn.forEach(c -> cols.add(c.asText()));
                }
                try {
                    derived.add(Expression.compile(name, text, cols, List.of()));
                } catch (PrepException e) {
                    throw bad("Derived column " + name + " cannot be compiled: " + e.getMessage() + ".");
                }
                known.add(name);
            }
            List<FittedPreparation.Feature> features = new ArrayList<>();
            JsonNode fs = array(root, "features");
            if (fs.isEmpty()) {
                throw bad("\"features\" is empty.");
            }
            for (int i = 0; i < fs.size(); i++) {
                JsonNode o = fs.get(i);
                String where = "features[" + i + "]";
                String name = text(o, "name", where);
                String source = text(o, "source", where);
                JsonNode cat = o.get("category");
                String category = cat == null || cat.isNull() ? null : cat.asText();
                boolean drop = bool(o, "drop_if_missing", where);
                JsonNode fill = o.get("fill");
                double fillValue;
                if (fill == null || fill.isNull()) {
                    if (!drop) {
                        throw bad("Feature " + name + " has no fill value but rows missing it were kept.");
                    }
                    fillValue = Double.NaN;
                } else {
                    fillValue = finite(fill, where + ".fill");
                }
                double center = finite(o.get("center"), where + ".center");
                double scale = finite(o.get("scale"), where + ".scale");
                if (scale == 0) {
                    throw bad("Feature " + name + " has a scale of 0.");
                }
                features.add(new FittedPreparation.Feature(name, source, category, fillValue, drop,
                        bool(o, "log1p", where), center, scale));
            }
            int d = features.size();
            double[] centroids = matrix(array(root, "centroids"), k, d, "centroids");
            List<String> segments = new ArrayList<>();
            JsonNode sn = root.get("segments");
            if (sn != null && sn.isArray()) {
                if (sn.size() != k) {
                    throw bad("\"segments\" has " + sn.size() + " names for " + k + " clusters.");
                }
                sn.forEach(s -> segments.add(s.isNull() ? null : s.asText()));
            }
            int comps = 0;
            double[] mean = null;
            double[] loadings = null;
            JsonNode pca = root.get("pca");
            if (pca != null && !pca.isNull()) {
                JsonNode cn = array(pca, "components");
                comps = cn.size();
                mean = matrix(array(pca, "mean"), -1, d, "pca.mean");
                loadings = matrix(cn, comps, d, "pca.components");
            }
            Instant created;
            try {
                created = Instant.parse(root.path("created").asText(""));
            } catch (DateTimeParseException e) {
                created = Instant.EPOCH; // informative only: a hand-edited date does not stop assignment
            }
            FittedPreparation prep = new FittedPreparation(derived, features);
            List<String> expected = new ArrayList<>();
            JsonNode ic = root.get("input_columns");
            if (ic != null && ic.isArray()) {
                ic.forEach(c -> expected.add(c.asText()));
                if (!expected.equals(prep.inputColumns())) {
                    throw bad("\"input_columns\" " + expected + " do not match the features and derived columns ("
                            + prep.inputColumns() + ").");
                }
            }
            try {
                return new ClusterModel(prep, k, centroids, segments.isEmpty() ? null : segments, comps, mean,
                        loadings, created);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage() + ".");
            }
        }

        private JsonNode array(JsonNode parent, String field) throws ModelException {
            JsonNode n = parent.get(field);
            if (n == null || !n.isArray()) {
                throw bad("\"" + field + "\" is missing or not a list.");
            }
            return n;
        }

        private int integer(JsonNode parent, String field) throws ModelException {
            JsonNode n = parent.get(field);
            if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
                throw bad("\"" + field + "\" is missing or not a whole number.");
            }
            return n.asInt();
        }

        private String text(JsonNode parent, String field, String where) throws ModelException {
            JsonNode n = parent == null ? null : parent.get(field);
            if (n == null || !n.isTextual() || n.asText().isEmpty()) {
                throw bad(where + "." + field + " is missing or not text.");
            }
            return n.asText();
        }

        private boolean bool(JsonNode parent, String field, String where) throws ModelException {
            JsonNode n = parent.get(field);
            if (n == null || !n.isBoolean()) {
                throw bad(where + "." + field + " is missing or not true/false.");
            }
            return n.asBoolean();
        }

        private double finite(JsonNode n, String where) throws ModelException {
            if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
                throw bad(where + " is missing or not a finite number.");
            }
            return n.asDouble();
        }

        /** rows = -1: a flat list of {@code cols} numbers; otherwise a list of rows lists. */
        private double[] matrix(JsonNode n, int rows, int cols, String where) throws ModelException {
            if (rows < 0) {
                if (n.size() != cols) {
                    throw bad("\"" + where + "\" has " + n.size() + " numbers, expected " + cols + ".");
                }
                double[] out = new double[cols];
                for (int j = 0; j < cols; j++) {
                    out[j] = finite(n.get(j), where + "[" + j + "]");
                }
                return out;
            }
            if (n.size() != rows) {
                throw bad("\"" + where + "\" has " + n.size() + " rows, expected " + rows + ".");
            }
            double[] out = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                JsonNode row = n.get(r);
                if (row == null || !row.isArray() || row.size() != cols) {
                    throw bad("\"" + where + "\" row " + r + " does not hold " + cols + " numbers.");
                }
                for (int j = 0; j < cols; j++) {
                    out[r * cols + j] = finite(row.get(j), where + "[" + r + "][" + j + "]");
                }
            }
            return out;
        }
    }
}
