package org.segmentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.dmg.pmml.PMML;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The PMML file is validated against the PMML 4.4 schema shipped in JPMML's pmml-model jar, parsed
 * with the JDK's DOM parser and evaluated by a small interpreter here that follows the PMML 4.4 rules
 * for the elements SegmentLab emits. It must assign every training row as {@link ClusterModel} does.
 * JPMML's own reader ({@code PMMLUtil.unmarshal}) must also read it back as the same clustering model.
 */
class PmmlExportTest {

    @TempDir
    Path dir;

    @Test
    void creditCardPmmlAssignsEveryTrainingRowAsTheModel() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        List<String> names = List.of("Revolvers", "Full Payers", "Cash & <Advance>", "Transactors");
        ClusterModel m = f.model(names);
        Interpreter pmml = exportAndRead(m);

        Element cm = pmml.model;
        assertEquals("centerBased", cm.getAttribute("modelClass"));
        assertEquals("clustering", cm.getAttribute("functionName"));
        assertEquals("4", cm.getAttribute("numberOfClusters"));
        assertEquals("distance", child(cm, "ComparisonMeasure").getAttribute("kind"));
        assertEquals("4.4", pmml.root.getAttribute("version"));
        assertEquals(m.inputColumns(), new ArrayList<>(pmml.dataFields.keySet()));
        assertEquals(m.d(), pmml.clusteringFields.size());
        assertEquals("Cash & <Advance>", pmml.clusters.get(2).getAttribute("name"));
        assertEquals("2", pmml.clusters.get(2).getAttribute("id"));
        // Imputed and read by nothing else: the replacement is in the mining schema.
        assertEquals(m.preparation().features().get(m.featureNames().indexOf("BALANCE")).fill(),
                Double.parseDouble(pmml.miningFields.get("BALANCE").getAttribute("missingValueReplacement")));
        // Read by PAY_RATIO as a missing value: no replacement at the input, the fill is on the FieldRef.
        assertNull(attr(pmml.miningFields.get("MINIMUM_PAYMENTS"), "missingValueReplacement"));
        assertEquals("returnInvalid", pmml.miningFields.get("CREDIT_LIMIT").getAttribute("missingValueTreatment"));

        int assigned = 0;
        for (int r = 0; r < f.table().rowCount(); r++) {
            Map<String, Object> raw = ModelFixtures.rawRow(f.table(), r);
            ClusterModel.Assignment a = m.assign(raw);
            Interpreter.Result p = pmml.evaluate(raw);
            assertEquals(a.cluster(), p.cluster(), "row " + r);
            if (a.assigned()) {
                assertEquals(names.get(a.cluster()), p.name());
                assertEquals(a.distance() * a.distance(), p.squaredDistance(), 1e-9 * (1 + p.squaredDistance()));
                assigned++;
            }
        }
        assertEquals(8949, assigned);
    }

    @Test
    void jpmmlReadsBackTheSameClusteringModel() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.creditCard();
        List<String> names = List.of("Revolvers", "Full Payers", "Cash Advance Users", "Transactors");
        ClusterModel m = f.model(names);
        Path file = dir.resolve("model.pmml");
        PmmlExport.write(file, m);
        org.dmg.pmml.PMML read;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            read = org.jpmml.model.PMMLUtil.unmarshal(in);
        }
        org.dmg.pmml.clustering.ClusteringModel cm = (org.dmg.pmml.clustering.ClusteringModel) read.getModels().get(0);
        assertEquals(4, cm.getNumberOfClusters());
        assertEquals(m.d(), cm.getClusteringFields().size());
        List<org.dmg.pmml.clustering.Cluster> clusters = cm.getClusters();
        for (int c = 0; c < 4; c++) {
            assertEquals(names.get(c), clusters.get(c).getName());
            List<?> values = clusters.get(c).getArray().getValue() instanceof String text
                    ? java.util.Arrays.stream(text.trim().split("\\s+")).map(Double::valueOf).toList()
                    : List.of();
            assertEquals(m.d(), values.size());
            for (int j = 0; j < m.d(); j++) {
                assertEquals(m.centroid(c)[j], (Double) values.get(j), 1e-12 * (1 + Math.abs(m.centroid(c)[j])));
            }
        }
        assertEquals(m.inputColumns().size(), read.getDataDictionary().getDataFields().size());
    }

    @Test
    void mixedTablePmmlAssignsEveryRowAsTheModel() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        ClusterModel m = f.model(null);
        Interpreter pmml = exportAndRead(m);
        assertEquals("categorical", pmml.dataFields.get("REGION").getAttribute("optype"));
        assertTrue(pmml.derivedFields.stream().anyMatch(d -> containsNormDiscrete(d)));
        int divisionsByZero = 0;
        for (int r = 0; r < f.table().rowCount(); r++) {
            Map<String, Object> raw = ModelFixtures.rawRow(f.table(), r);
            assertEquals(m.assign(raw).cluster(), pmml.evaluate(raw).cluster(), "row " + r);
            if (Double.valueOf(1000).equals(raw.get("INCOME"))) {
                divisionsByZero++;
            }
        }
        assertTrue(divisionsByZero > 0, "the table exercises the division by zero");
        // Unseen category and text in a numeric column behave as in SegmentLab (indicator 0, missing).
        Map<String, Object> odd = new HashMap<>(ModelFixtures.rawRow(f.table(), 0));
        odd.put("REGION", "Mars");
        odd.put("SPEND", "lots");
        assertEquals(m.assign(odd).cluster(), pmml.evaluate(odd).cluster());
    }

    private static boolean containsNormDiscrete(Element e) {
        return e.getLocalName().equals("NormDiscrete")
                || children(e, null).stream().anyMatch(PmmlExportTest::containsNormDiscrete);
    }

    private Interpreter exportAndRead(ClusterModel m) throws Exception {
        Path file = dir.resolve("model.pmml");
        PmmlExport.write(file, m);
        // Valid against the PMML 4.4 schema that JPMML's pmml-model ships (pmml.xsd in its jar).
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = sf.newSchema(PMML.class.getResource("/pmml.xsd"));
        schema.newValidator().validate(new StreamSource(file.toFile()));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(file.toFile());
        return new Interpreter(doc);
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (name == null || c.getLocalName().equals(name))) {
                assertEquals(NS, c.getNamespaceURI());
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        assertEquals(1, c.size(), "one " + name + " in " + e.getLocalName());
        return c.get(0);
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static final String NS = "http://www.dmg.org/PMML-4_4";

    /**
     * Evaluates the PMML elements SegmentLab writes, by the PMML 4.4 rules (missing = null), walking the
     * parsed document: it knows nothing of how PmmlExport builds the file.
     */
    static final class Interpreter {
        record Result(int cluster, String name, double squaredDistance) {
        }

        final Element root;
        final Element model;
        final Map<String, Element> dataFields = new LinkedHashMap<>();
        final Map<String, Element> miningFields = new HashMap<>();
        final List<Element> derivedFields;
        final List<String> clusteringFields = new ArrayList<>();
        final List<Element> clusters;
        final List<double[]> centers = new ArrayList<>();

        Interpreter(Document doc) {
            root = doc.getDocumentElement();
            assertEquals("PMML", root.getLocalName());
            children(child(root, "DataDictionary"), "DataField").forEach(d -> dataFields.put(d.getAttribute("name"), d));
            model = child(root, "ClusteringModel");
            children(child(model, "MiningSchema"), "MiningField").forEach(m -> miningFields.put(m.getAttribute("name"), m));
            derivedFields = children(child(model, "LocalTransformations"), "DerivedField");
            children(model, "ClusteringField").forEach(c -> clusteringFields.add(c.getAttribute("field")));
            clusters = children(model, "Cluster");
            for (Element c : clusters) {
                Element array = child(c, "Array");
                String[] parts = array.getTextContent().trim().split("\\s+");
                double[] v = new double[parts.length];
                for (int j = 0; j < v.length; j++) {
                    v[j] = Double.parseDouble(parts[j]);
                }
                assertEquals(Integer.parseInt(array.getAttribute("n")), v.length);
                assertEquals(clusteringFields.size(), v.length);
                centers.add(v);
            }
            for (Element f : children(model, "ClusteringField")) {
                String cf = attr(f, "compareFunction");
                assertTrue(cf == null || cf.equals("absDiff"), cf);
            }
            assertEquals(1, children(child(model, "ComparisonMeasure"), "squaredEuclidean").size());
        }

        Result evaluate(Map<String, Object> raw) {
            Map<String, Object> values = new HashMap<>();
            for (Element df : dataFields.values()) {
                String name = df.getAttribute("name");
                Object v = raw.get(name);
                boolean continuous = "double".equals(df.getAttribute("dataType"));
                Object x = continuous ? toDouble(v) : (v == null || v.toString().isEmpty() ? null : v.toString());
                Element mf = miningFields.get(name);
                // invalidValueTreatment="asMissing": text in a double field was made missing above.
                assertEquals("asMissing", mf.getAttribute("invalidValueTreatment"));
                if (x == null) {
                    if ("returnInvalid".equals(attr(mf, "missingValueTreatment"))) {
                        return new Result(-1, null, Double.NaN);
                    }
                    if (attr(mf, "missingValueReplacement") != null) {
                        x = Double.parseDouble(mf.getAttribute("missingValueReplacement"));
                    }
                }
                values.put(name, x);
            }
            for (Element d : derivedFields) {
                List<Element> expr = children(d, null);
                assertEquals(1, expr.size());
                values.put(d.getAttribute("name"), eval(expr.get(0), values));
            }
            double[] x = new double[clusteringFields.size()];
            for (int j = 0; j < x.length; j++) {
                Object v = values.get(clusteringFields.get(j));
                if (v == null) {
                    return new Result(-1, null, Double.NaN);
                }
                x[j] = (Double) v;
            }
            double best = Double.POSITIVE_INFINITY;
            int bestIdx = -1;
            for (int c = 0; c < centers.size(); c++) {
                double s = 0;
                for (int j = 0; j < x.length; j++) {
                    double t = Math.abs(x[j] - centers.get(c)[j]); // compareFunction absDiff
                    s += t * t;
                }
                if (s < best) { // the first cluster wins a tie
                    best = s;
                    bestIdx = c;
                }
            }
            Element c = clusters.get(bestIdx);
            return new Result(Integer.parseInt(c.getAttribute("id")), attr(c, "name"), best);
        }

        private static Double toDouble(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof Number n) {
                return Double.isNaN(n.doubleValue()) ? null : n.doubleValue();
            }
            try {
                return Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                return null; // invalid -> missing
            }
        }

        private static Double mapMissing(Element e) {
            String m = attr(e, "mapMissingTo");
            return m == null ? null : Double.parseDouble(m);
        }

        private static Object eval(Element e, Map<String, Object> values) {
            switch (e.getLocalName()) {
                case "Constant":
                    return Double.parseDouble(e.getTextContent().trim());
                case "FieldRef": {
                    Object v = values.get(e.getAttribute("field"));
                    return v == null ? mapMissing(e) : v;
                }
                case "NormDiscrete": {
                    Object v = values.get(e.getAttribute("field"));
                    if (v == null) {
                        return mapMissing(e);
                    }
                    return v.toString().equals(e.getAttribute("value")) ? 1.0 : 0.0;
                }
                case "Apply":
                    break;
                default:
                    throw new AssertionError("element not expected in SegmentLab's PMML: " + e.getLocalName());
            }
            List<Element> args = children(e, null);
            String fn = e.getAttribute("function");
            if (fn.equals("if")) {
                Object cond = eval(args.get(0), values);
                if (cond == null) {
                    return null;
                }
                if ((Boolean) cond) {
                    return eval(args.get(1), values);
                }
                return args.size() > 2 ? eval(args.get(2), values) : null;
            }
            List<Double> v = new ArrayList<>();
            for (Element arg : args) {
                Object o = eval(arg, values);
                if (o == null) {
                    return mapMissing(e);
                }
                v.add((Double) o);
            }
            return switch (fn) {
                case "+" -> v.get(0) + v.get(1);
                case "-" -> v.get(0) - v.get(1);
                case "*" -> v.get(0) * v.get(1);
                case "/" -> v.get(1) == 0 ? null : v.get(0) / v.get(1);
                case "ln" -> Math.log(v.get(0));
                case "ln1p" -> Math.log1p(v.get(0));
                case "sqrt" -> Math.sqrt(v.get(0));
                case "abs" -> Math.abs(v.get(0));
                case "min" -> v.stream().reduce(Math::min).orElseThrow();
                case "max" -> v.stream().reduce(Math::max).orElseThrow();
                case "notEqual" -> v.get(0).doubleValue() != v.get(1).doubleValue();
                case "greaterThan" -> v.get(0) > v.get(1);
                case "greaterOrEqual" -> v.get(0) >= v.get(1);
                default -> throw new AssertionError("function not expected in SegmentLab's PMML: " + fn);
            };
        }
    }
}
