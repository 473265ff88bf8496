package org.segmentlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.segment.Persona;

/**
 * A {@code .segmentlab} project: the data file's path and fingerprint, every setting of the analysis,
 * the chosen k and the personas. Reopening recomputes the analysis from these and gives the same
 * labels and numbering. Written atomically; read leniently (unknown fields from newer versions are
 * ignored) but never half-way: a damaged file is a {@link ProjectException} and nothing else.
 *
 * @param dataPath the data file, as an absolute path
 * @param chosenK  the k the user settled on
 * @param personas one entry per cluster at the chosen k
 */
public record ProjectFile(Path dataPath, Fingerprint fingerprint, AnalysisRequest request, int chosenK,
                          List<PersonaEntry> personas) {

    public static final String FORMAT = "segmentlab-project";
    public static final int VERSION = 1;

    /**
     * A persona attached to a cluster.
     *
     * @param cluster  the cluster number at the chosen k
     * @param centroid the cluster's centroid in the scaled space, to match it again after a re-run
     * @param edited   true once the user changed the draft
     */
    public record PersonaEntry(int cluster, double[] centroid, Persona persona, boolean edited) {
        public PersonaEntry {
            centroid = centroid.clone();
        }

        @Override
        public double[] centroid() {
            return centroid.clone();
        }
    }

    public ProjectFile {
        personas = List.copyOf(personas);
    }

    /**
     * The project of an analysis: its data file (fingerprinted now), settings with the chosen k, and one
     * persona per cluster with that cluster's centroid.
     *
     * @param edited per cluster, whether the user changed the draft
     */
    public static ProjectFile of(org.segmentlab.pipeline.AnalysisResult r, List<Persona> personas, List<Boolean> edited)
            throws IOException {
        if (r.table().source() == null) {
            throw new IllegalArgumentException("an analysis of data that was not read from a file has no project");
        }
        int d = r.prepared().cols();
        double[] centroids = r.chosen().centroids();
        List<PersonaEntry> entries = new ArrayList<>();
        for (int c = 0; c < personas.size(); c++) {
            entries.add(new PersonaEntry(c, java.util.Arrays.copyOfRange(centroids, c * d, (c + 1) * d), personas.get(c),
                    edited.get(c)));
        }
        Path data = r.table().source().toAbsolutePath();
        return new ProjectFile(data, Fingerprint.of(data), r.request().withChosenK(r.chosenK()), r.chosenK(), entries);
    }

    public void write(Path file) throws IOException {
        JsonSupport.write(file, toJson());
    }

    ObjectNode toJson() {
        ObjectNode root = JsonSupport.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode data = root.putObject("data");
        data.put("path", dataPath.toAbsolutePath().toString());
        data.put("size", fingerprint.size());
        data.put("sha256", fingerprint.sha256());
        root.set("settings", RequestJson.toJson(request));
        root.put("chosen_k", chosenK);
        ArrayNode ps = root.putArray("personas");
        for (PersonaEntry e : personas) {
            ObjectNode o = ps.addObject();
            o.put("cluster", e.cluster());
            ArrayNode c = o.putArray("centroid");
            for (double v : e.centroid) {
                c.add(v);
            }
            o.put("name", e.persona().name());
            o.put("description", e.persona().description());
            e.persona().strategies().forEach(o.putArray("strategies")::add);
            e.persona().basis().forEach(o.putArray("basis")::add);
            o.put("edited", e.edited());
        }
        return root;
    }

    /**
     * @throws ProjectException when the file is missing, unreadable, cut off, not JSON, not a SegmentLab
     *                          project, or lacks a needed field; the message says which and what to do
     */
    public static ProjectFile read(Path file) throws ProjectException {
        String name = file.getFileName().toString();
        JsonNode root;
        try (var reader = Files.newBufferedReader(file)) {
            root = JsonSupport.mapper().readTree(reader);
        } catch (NoSuchFileException e) {
            throw new ProjectException(name + " does not exist. Check the path, or open another project.", e);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ProjectException(name + " is damaged: it is not complete JSON (the problem is near line " + line
                    + "). Restore it from a backup, or reopen the data file and save the project again.", e);
        } catch (IOException e) {
            throw new ProjectException(name + " cannot be read (" + e.getMessage() + "). Check its permissions.", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProjectException(name + " is empty. Restore it from a backup, or reopen the data file and save"
                    + " the project again.", null);
        }
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ProjectException(name + " is not a SegmentLab project (no \"format\": \"" + FORMAT
                    + "\" inside). Open a .segmentlab file saved by SegmentLab.", null);
        }
        int version = root.path("version").asInt(0);
        try {
            JsonNode data = root.path("data");
            Path dataPath = Path.of(requireText(data, "data.path"));
            Fingerprint fp = new Fingerprint(data.path("size").asLong(-1), requireText(data, "data.sha256"));
            AnalysisRequest request = RequestJson.fromJson(root.path("settings"));
            if (!root.path("chosen_k").canConvertToInt()) {
                throw new IllegalArgumentException("the setting 'chosen_k' is missing or not valid");
            }
            int chosenK = root.path("chosen_k").asInt();
            List<PersonaEntry> personas = new ArrayList<>();
            for (JsonNode p : root.path("personas")) {
                double[] centroid = new double[p.path("centroid").size()];
                for (int i = 0; i < centroid.length; i++) {
                    centroid[i] = p.path("centroid").get(i).asDouble();
                }
                List<String> strategies = new ArrayList<>();
                p.path("strategies").forEach(s -> strategies.add(s.asText()));
                List<String> basis = new ArrayList<>();
                p.path("basis").forEach(s -> basis.add(s.asText()));
                personas.add(new PersonaEntry(p.path("cluster").asInt(), centroid,
                        new Persona(requireText(p, "persona name"), p.path("description").asText(""), strategies, basis),
                        p.path("edited").asBoolean(false)));
            }
            return new ProjectFile(dataPath, fp, request, chosenK, personas);
        } catch (IllegalArgumentException e) {
            String newer = version > VERSION ? " It was written by a newer SegmentLab (format version " + version + ")." : "";
            throw new ProjectException(name + " is damaged: " + e.getMessage() + "." + newer
                    + " Reopen the data file and save the project again.", e);
        }
    }

    private static String requireText(JsonNode node, String what) {
        String field = what.contains(".") ? what.substring(what.indexOf('.') + 1) : what.equals("persona name") ? "name" : what;
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the field '" + what + "' is missing");
        }
        return v.asText();
    }

    /** How the data file on disk compares with the one the project was saved with. */
    public enum DataStatus { SAME, CHANGED, MISSING }

    public DataStatus checkData() {
        if (!Files.isRegularFile(dataPath)) {
            return DataStatus.MISSING;
        }
        try {
            return Fingerprint.of(dataPath).equals(fingerprint) ? DataStatus.SAME : DataStatus.CHANGED;
        } catch (IOException e) {
            return DataStatus.MISSING;
        }
    }

    /** This project pointing at another copy of its data (after the user located a moved file). */
    public ProjectFile withDataPath(Path newPath) {
        return new ProjectFile(newPath, fingerprint, request, chosenK, personas);
    }
}
