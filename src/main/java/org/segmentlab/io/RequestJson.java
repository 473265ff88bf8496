package org.segmentlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;

/**
 * Every setting of an {@link AnalysisRequest} as JSON and back, for project files. Reading is lenient
 * about what it does not know (fields from a newer version are ignored) and strict about what it
 * needs: a missing or malformed setting is an {@link IllegalArgumentException} naming the field.
 */
public final class RequestJson {

    private RequestJson() {
    }

    public static ObjectNode toJson(AnalysisRequest r) {
        ObjectNode o = JsonSupport.object();
        PrepOptions p = r.prep();
        ObjectNode prep = o.putObject("preparation");
        strings(prep.putArray("features"), p.features());
        strings(prep.putArray("exclude"), p.exclude());
        ArrayNode derived = prep.putArray("derived");
        for (DerivedColumn d : p.derived()) {
            derived.addObject().put("name", d.name()).put("expression", d.expression());
        }
        prep.put("impute", p.defaultImpute().cliName());
        ObjectNode overrides = prep.putObject("impute_columns");
        p.imputeOverrides().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Imputation i = e.getValue();
            if (i.strategy() == ImputeStrategy.CONSTANT) {
                overrides.put(e.getKey(), i.constant());
            } else {
                overrides.put(e.getKey(), i.strategy().cliName());
            }
        });
        strings(prep.putArray("log1p"), p.log1p().stream().sorted().toList());
        prep.put("log1p_all", p.log1pAll());
        strings(prep.putArray("one_hot"), p.oneHot());
        prep.put("scale", p.scaling().cliName());
        o.put("k_min", r.kMin());
        o.put("k_max", r.kMax());
        if (r.chosenK() == null) {
            o.putNull("k");
        } else {
            o.put("k", r.chosenK());
        }
        o.put("n_init", r.nInit());
        o.put("max_iter", r.maxIter());
        o.put("tol", r.tol());
        o.put("seed", r.seed());
        o.put("threads", r.threads());
        o.put("silhouette", r.silhouette().toString());
        o.put("pca", r.pcaComponents());
        return o;
    }

    /**
     * @throws IllegalArgumentException when a needed field is missing or malformed (the message names it)
     */
    public static AnalysisRequest fromJson(JsonNode o) {
        require(o, "settings", JsonNode::isObject);
        JsonNode prep = o.path("preparation");
        require(prep, "preparation", JsonNode::isObject);
        List<DerivedColumn> derived = new ArrayList<>();
        for (JsonNode d : prep.path("derived")) {
            derived.add(new DerivedColumn(text(d, "name"), text(d, "expression")));
        }
        Map<String, Imputation> overrides = new LinkedHashMap<>();
        prep.path("impute_columns").fields().forEachRemaining(e -> overrides.put(e.getKey(),
                e.getValue().isNumber() ? Imputation.constant(e.getValue().asDouble()) : Imputation.parse(e.getValue().asText())));
        ImputeStrategy impute = ImputeStrategy.valueOf(text(prep, "impute").toUpperCase(Locale.ROOT));
        Set<String> log1p = new LinkedHashSet<>(stringList(prep, "log1p"));
        PrepOptions p = new PrepOptions(stringList(prep, "features"), stringList(prep, "exclude"), derived, impute,
                overrides, log1p, prep.path("log1p_all").asBoolean(false), stringList(prep, "one_hot"),
                Scaling.parse(text(prep, "scale")));
        Integer k = o.hasNonNull("k") ? integer(o, "k") : null;
        return new AnalysisRequest(p, integer(o, "k_min"), integer(o, "k_max"), k, integer(o, "n_init"),
                integer(o, "max_iter"), number(o, "tol"), longNumber(o, "seed"),
                o.has("threads") ? integer(o, "threads") : AnalysisRequest.DEFAULT_THREADS,
                SilhouetteMode.parse(text(o, "silhouette")), integer(o, "pca"));
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    private static List<String> stringList(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode a = node.path(field);
        if (!a.isMissingNode() && !a.isNull() && !a.isArray()) {
            throw new IllegalArgumentException("setting '" + field + "' must be a list");
        }
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        require(v, field, JsonNode::isTextual);
        return v.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        require(v, field, JsonNode::canConvertToInt);
        return v.asInt();
    }

    private static long longNumber(JsonNode node, String field) {
        JsonNode v = node.get(field);
        require(v, field, JsonNode::canConvertToLong);
        return v.asLong();
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        require(v, field, JsonNode::isNumber);
        return v.asDouble();
    }

    private static void require(JsonNode v, String field, java.util.function.Predicate<JsonNode> ok) {
        if (v == null || v.isMissingNode() || v.isNull() || !ok.test(v)) {
            throw new IllegalArgumentException("the setting '" + field + "' is missing or not valid");
        }
    }
}
