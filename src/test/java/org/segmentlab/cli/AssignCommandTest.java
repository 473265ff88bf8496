package org.segmentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.io.ModelJson;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;

/** The assign command in-process, through {@link SegmentLabCli#run}: output, messages and exit codes. */
class AssignCommandTest {

    @TempDir
    Path dir;

    private Path model;
    private ClusterModel clusterModel;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void saveModel() throws Exception {
        ModelFixtures.Fitted f = ModelFixtures.mixed(dir);
        clusterModel = f.model(List.of("Savers", "Spenders", "Browsers"));
        model = dir.resolve("model.json");
        ModelJson.write(model, clusterModel);
    }

    private int run(String... args) {
        return SegmentLabCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void assignsAFileAndSummarises() throws Exception {
        Path in = dir.resolve("new.csv");
        ModelFixtures.writeMixed(in, 50, 99);
        Path result = dir.resolve("assigned.csv");
        int code = run("assign", "--model", model.toString(), "--input", in.toString(), "--out", result.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        assertTrue(out.toString().startsWith("new.csv: 50 rows, 50 assigned, 0 without a cluster"), out.toString());
        assertTrue(out.toString().contains("cluster 1 Spenders: "), out.toString());
        assertTrue(out.toString().contains("Wrote " + result.toAbsolutePath()), out.toString());
        assertTrue(err.toString().contains("note: 1 column(s) the model does not use, copied as they are: ID"),
                err.toString());
        List<String> lines = Files.readAllLines(result);
        assertEquals(51, lines.size());
        assertEquals("ID,REGION,INCOME,SPEND,VISITS,cluster,segment,distance,problem", lines.get(0));
        assertTrue(SegmentLabCli.COMMANDS.contains("assign"));
    }

    @Test
    void aMissingRequiredColumnOrABadModelIsBadData() throws Exception {
        // A model that drops rows missing INCOME needs the column.
        Path in = dir.resolve("no_income.csv");
        Files.writeString(in, "REGION,SPEND,VISITS\nNorth,10,1\n");
        ClusterModel strict = new ClusterModel(new org.segmentlab.prep.FittedPreparation(List.of(), List.of(
                new org.segmentlab.prep.FittedPreparation.Feature("INCOME", "INCOME", null, Double.NaN, true, false, 0, 1))),
                1, new double[] {0}, null, 0, null, null, java.time.Instant.EPOCH);
        Path strictModel = dir.resolve("strict.json");
        ModelJson.write(strictModel, strict);
        Path result = dir.resolve("x.csv");
        assertEquals(ExitCodes.BAD_DATA, run("assign", "--model", strictModel.toString(), "--input", in.toString(),
                "--out", result.toString()));
        assertTrue(err.toString().contains("column INCOME: The model needs column INCOME"), err.toString());
        assertFalse(Files.exists(result));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(model).substring(0, 100));
        assertEquals(ExitCodes.BAD_DATA, run("assign", "--model", broken.toString(), "--input", in.toString(),
                "--out", result.toString()));
        assertTrue(err.toString().contains("Error: broken.json: is not a complete JSON file"), err.toString());

        assertEquals(ExitCodes.BAD_DATA, run("assign", "--model", model.toString(), "--input",
                dir.resolve("absent.csv").toString(), "--out", result.toString()));
        assertTrue(err.toString().contains("absent.csv: The file does not exist."), err.toString());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, run("assign", "--model", model.toString(), "--input", "x.csv"));
        assertTrue(err.toString().contains("--out"), err.toString());
        assertEquals(ExitCodes.USAGE, run("assign", "--model", model.toString(), "--input", "x.csv", "--out", "y.csv",
                "--delimiter", "::"));
        assertEquals(ExitCodes.USAGE, run("assign", "--model", model.toString(), "--input", "same.csv", "--out",
                "same.csv"));
        assertTrue(err.toString().contains("--out must not be the --input file"), err.toString());
    }

    @Test
    void forcedDelimiterAndQuietMode() throws Exception {
        Path in = dir.resolve("tab.tsv");
        Files.writeString(in, "REGION\tINCOME\tSPEND\tVISITS\nSouth\t50000\t2500\t3\n");
        Path result = dir.resolve("tab_out.csv");
        assertEquals(ExitCodes.OK, run("assign", "-q", "--delimiter", "\\t", "--model", model.toString(), "--input",
                in.toString(), "--out", result.toString()));
        assertFalse(err.toString().contains("%"), err.toString());
        java.util.Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("REGION", "South");
        raw.put("INCOME", 50000.0);
        raw.put("SPEND", 2500.0);
        raw.put("VISITS", 3.0);
        String expected = Integer.toString(clusterModel.assign(raw).cluster());
        assertTrue(Files.readAllLines(result).get(1).startsWith("South,50000,2500,3," + expected + ","),
                Files.readAllLines(result).toString());
    }
}
