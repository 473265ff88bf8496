package org.segmentlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.segmentlab.prep.Expression;
import org.segmentlab.prep.FittedPreparation;
import org.segmentlab.segment.ClusterModel;

/**
 * Writes a {@link ClusterModel} as a PMML 4.4 {@code ClusteringModel}, so that another scoring tool
 * assigns the same segments.
 *
 * <p>What is emitted: a {@code DataDictionary} of the input columns (numeric columns as continuous
 * doubles, one-hot sources as categorical strings); a {@code MiningSchema} with
 * {@code invalidValueTreatment="asMissing"} (text in a numeric column counts as missing, as in
 * SegmentLab), {@code missingValueReplacement} for imputed columns that no derived expression reads,
 * and {@code missingValueTreatment="returnInvalid"} for columns whose missing rows were dropped;
 * {@code LocalTransformations}: one {@code DerivedField} per derived expression (an {@code Apply} tree:
 * {@code + - * /}, {@code ln}, {@code ln1p}, {@code sqrt}, {@code abs}, {@code min}, {@code max},
 * guarded with {@code if} so a division by zero or a log of a non-positive number is missing, as in
 * SegmentLab) and one per feature: {@code (value - center) / scale}, where the value is a
 * {@code FieldRef} with {@code mapMissingTo} the fill value (after {@code ln1p} when log1p is on), or
 * a {@code NormDiscrete} for a one-hot indicator; then {@code ComparisonMeasure kind="distance"} with
 * {@code squaredEuclidean}, one {@code ClusteringField} per feature, and one {@code Cluster} per
 * centroid (id = cluster number, name = segment name). Scaling is written as an {@code Apply} rather
 * than a {@code NormContinuous} so that the arithmetic is the same operations as SegmentLab's, bit for
 * bit. A feature computed from a derived column whose missing rows were dropped stays missing; a
 * consumer should not assign such a row (SegmentLab does not).
 */
public final class PmmlExport {

    private static final String NS = "http://www.dmg.org/PMML-4_4";

    private PmmlExport() {
    }

    /** Writes the model atomically (a temporary file, then a rename). */
    public static void write(Path file, ClusterModel model) throws IOException {
        AtomicFiles.write(file, out -> write(out, model));
    }

    /** Writes the PMML document to {@code out} (UTF-8; the stream is not closed). */
    public static void write(OutputStream out, ClusterModel model) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(w, model).document();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write PMML: " + e.getMessage(), e);
        }
    }

    /** The name of the DerivedField that holds feature {@code name} scaled. */
    public static String scaledFieldName(String featureName) {
        return "scaled(" + featureName + ")";
    }

    private static final class Writer {
        private final XMLStreamWriter w;
        private final ClusterModel model;
        private final FittedPreparation prep;
        private final Set<String> derivedNames = new HashSet<>();
        private final Set<String> readByExpressions = new HashSet<>();
        private int depth;

        Writer(XMLStreamWriter w, ClusterModel model) {
            this.w = w;
            this.model = model;
            this.prep = model.preparation();
            for (Expression e : prep.derived()) {
                derivedNames.add(e.name());
                readByExpressions.addAll(e.columns());
            }
        }

        void document() throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            nl();
            start("PMML");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("version", "4.4");
            start("Header");
            w.writeAttribute("description", "SegmentLab customer segments (k = " + model.k() + ")");
            empty("Application");
            w.writeAttribute("name", "SegmentLab");
            start("Timestamp");
            w.writeCharacters(model.created().toString());
            w.writeEndElement();
            end();
            dataDictionary();
            clusteringModel();
            end();
            w.writeEndDocument();
        }

        /** Input columns and how each is typed: categorical when only one-hot features read it. */
        private Map<String, Boolean> inputs() {
            Map<String, Boolean> categorical = new LinkedHashMap<>();
            for (String c : prep.inputColumns()) {
                categorical.put(c, false);
            }
            for (FittedPreparation.Feature f : prep.features()) {
                if (f.isOneHot() && categorical.containsKey(f.source())) {
                    categorical.put(f.source(), true);
                }
            }
            return categorical;
        }

        private void dataDictionary() throws XMLStreamException {
            Map<String, Boolean> in = inputs();
            start("DataDictionary");
            w.writeAttribute("numberOfFields", Integer.toString(in.size()));
            for (Map.Entry<String, Boolean> e : in.entrySet()) {
                empty("DataField");
                w.writeAttribute("name", e.getKey());
                w.writeAttribute("optype", e.getValue() ? "categorical" : "continuous");
                w.writeAttribute("dataType", e.getValue() ? "string" : "double");
            }
            end();
        }

        private void clusteringModel() throws XMLStreamException {
            start("ClusteringModel");
            w.writeAttribute("modelName", "segments");
            w.writeAttribute("functionName", "clustering");
            w.writeAttribute("algorithmName", "k-means");
            w.writeAttribute("modelClass", "centerBased");
            w.writeAttribute("numberOfClusters", Integer.toString(model.k()));
            miningSchema();
            start("Output");
            empty("OutputField");
            w.writeAttribute("name", "cluster");
            w.writeAttribute("optype", "categorical");
            w.writeAttribute("dataType", "string");
            w.writeAttribute("feature", "predictedValue");
            empty("OutputField");
            w.writeAttribute("name", "segment");
            w.writeAttribute("optype", "categorical");
            w.writeAttribute("dataType", "string");
            w.writeAttribute("feature", "predictedDisplayValue");
            empty("OutputField");
            w.writeAttribute("name", "squared_distance");
            w.writeAttribute("optype", "continuous");
            w.writeAttribute("dataType", "double");
            w.writeAttribute("feature", "entityAffinity");
            end();
            localTransformations();
            start("ComparisonMeasure");
            w.writeAttribute("kind", "distance");
            empty("squaredEuclidean");
            end();
            for (FittedPreparation.Feature f : prep.features()) {
                empty("ClusteringField");
                w.writeAttribute("field", scaledFieldName(f.name()));
                w.writeAttribute("compareFunction", "absDiff");
            }
            for (int c = 0; c < model.k(); c++) {
                start("Cluster");
                w.writeAttribute("id", Integer.toString(c));
                w.writeAttribute("name", model.segmentName(c));
                start("Array");
                w.writeAttribute("n", Integer.toString(model.d()));
                w.writeAttribute("type", "real");
                StringBuilder sb = new StringBuilder();
                for (double v : model.centroid(c)) {
                    if (!sb.isEmpty()) {
                        sb.append(' ');
                    }
                    sb.append(num(v));
                }
                w.writeCharacters(sb.toString());
                w.writeEndElement();
                end();
            }
            end();
        }

        private void miningSchema() throws XMLStreamException {
            // Per input column: the fill of its one numeric feature (if it is the only reader), and
            // whether rows missing it were dropped.
            Map<String, List<FittedPreparation.Feature>> bySource = new LinkedHashMap<>();
            for (FittedPreparation.Feature f : prep.features()) {
                bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f);
            }
            start("MiningSchema");
            for (Map.Entry<String, Boolean> e : inputs().entrySet()) {
                String col = e.getKey();
                List<FittedPreparation.Feature> fs = bySource.getOrDefault(col, List.of());
                empty("MiningField");
                w.writeAttribute("name", col);
                w.writeAttribute("usageType", "active");
                w.writeAttribute("invalidValueTreatment", "asMissing");
                boolean drop = fs.stream().anyMatch(FittedPreparation.Feature::dropIfMissing);
                if (drop) {
                    w.writeAttribute("missingValueTreatment", "returnInvalid");
                } else if (!e.getValue() && fs.size() == 1 && !readByExpressions.contains(col)) {
                    // Safe only when nothing else reads the raw (missing) value: derived expressions
                    // see the missing value itself in SegmentLab, not the fill.
                    w.writeAttribute("missingValueReplacement", num(fs.get(0).fill()));
                    w.writeAttribute("missingValueTreatment", "asValue");
                }
            }
            end();
        }

        private void localTransformations() throws XMLStreamException {
            start("LocalTransformations");
            for (Expression e : prep.derived()) {
                start("DerivedField");
                w.writeAttribute("name", e.name());
                w.writeAttribute("optype", "continuous");
                w.writeAttribute("dataType", "double");
                writeNode(e.accept(TREE));
                end();
            }
            for (FittedPreparation.Feature f : prep.features()) {
                start("DerivedField");
                w.writeAttribute("name", scaledFieldName(f.name()));
                w.writeAttribute("optype", "continuous");
                w.writeAttribute("dataType", "double");
                apply("/");
                apply("-");
                if (f.log1p()) {
                    // Math.log1p of a value <= -1 is not a number in SegmentLab: the row is refused.
                    apply("ln1p");
                }
                if (f.isOneHot()) {
                    empty("NormDiscrete");
                    w.writeAttribute("field", f.source());
                    w.writeAttribute("value", f.category());
                    if (!f.dropIfMissing()) {
                        w.writeAttribute("mapMissingTo", "0");
                    }
                } else {
                    empty("FieldRef");
                    w.writeAttribute("field", f.source());
                    if (!f.dropIfMissing()) {
                        w.writeAttribute("mapMissingTo", num(f.fill()));
                    }
                }
                if (f.log1p()) {
                    end();
                }
                constant(f.center());
                end();
                constant(f.scale());
                end();
                end();
            }
            end();
        }

        private void writeNode(Node n) throws XMLStreamException {
            if (n instanceof Num num) {
                constant(num.value());
            } else if (n instanceof Ref ref) {
                empty("FieldRef");
                w.writeAttribute("field", ref.column());
            } else if (n instanceof Call call) {
                switch (call.fn()) {
                    case "/" -> {
                        // if (b != 0) a / b, else missing: SegmentLab's division by zero is missing.
                        apply("if");
                        apply("notEqual");
                        writeNode(call.args().get(1));
                        constant(0);
                        end();
                        apply("/");
                        writeNode(call.args().get(0));
                        writeNode(call.args().get(1));
                        end();
                        end();
                    }
                    case "log", "log1p", "sqrt" -> {
                        String test = call.fn().equals("sqrt") ? "greaterOrEqual" : "greaterThan";
                        double bound = call.fn().equals("log1p") ? -1 : 0;
                        String fn = switch (call.fn()) {
                            case "log" -> "ln";
                            case "log1p" -> "ln1p";
                            default -> "sqrt";
                        };
                        apply("if");
                        apply(test);
                        writeNode(call.args().get(0));
                        constant(bound);
                        end();
                        apply(fn);
                        writeNode(call.args().get(0));
                        end();
                        end();
                    }
                    default -> {
                        apply(call.fn()); // + - * abs min max
                        for (Node a : call.args()) {
                            writeNode(a);
                        }
                        end();
                    }
                }
            }
        }

        private void apply(String fn) throws XMLStreamException {
            start("Apply");
            w.writeAttribute("function", fn);
        }

        private void constant(double v) throws XMLStreamException {
            start("Constant");
            w.writeAttribute("dataType", "double");
            w.writeCharacters(num(v));
            w.writeEndElement();
            depth--;
        }

        private void start(String name) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            depth++;
        }

        private void empty(String name) throws XMLStreamException {
            indent();
            w.writeEmptyElement(name);
        }

        private void end() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            nl();
            for (int i = 0; i < depth; i++) {
                w.writeCharacters("  ");
            }
        }

        private void nl() throws XMLStreamException {
            w.writeCharacters("\n");
        }
    }

    /** Java's shortest round-trip text for a double ("1.0E-5" is valid xs:double). */
    static String num(double v) {
        return Double.toString(v);
    }

    // ---- the expression tree in the shape PMML's Apply wants ----------------------------------------

    sealed interface Node permits Num, Ref, Call {
    }

    record Num(double value) implements Node {
    }

    record Ref(String column) implements Node {
    }

    record Call(String fn, List<Node> args) implements Node {
    }

    /** Maps prep.Expression's tree onto Num/Ref/Call; unary minus becomes a multiplication by -1. */
    static final Expression.Visitor<Node> TREE = new Expression.Visitor<>() {
        @Override
        public Node number(double value) {
            return new Num(value);
        }

        @Override
        public Node column(String name) {
            return new Ref(name);
        }

        @Override
        public Node negate(Node a) {
            // -x as (-1) * x: an exact sign change in IEEE arithmetic, like Java's unary minus.
            return a instanceof Num num ? new Num(-num.value()) : new Call("*", List.of(new Num(-1), a));
        }

        @Override
        public Node binary(char op, Node left, Node right) {
            return new Call(String.valueOf(op), List.of(left, right));
        }

        @Override
        public Node function(String name, List<Node> args) {
            return new Call(name, args);
        }
    };
}
