package org.segmentlab.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the reference files in src/test/resources/golden (see the README there). */
public final class Golden {

    private Golden() {
    }

    public static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read golden/" + name, e);
        }
    }

    /** A gzipped CSV of labels with a header k2,k3,...: returns labels[column][row]. */
    public static int[][] labels(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(open(name)),
                StandardCharsets.US_ASCII))) {
            int cols = r.readLine().split(",").length;
            List<int[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(",");
                int[] row = new int[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = Integer.parseInt(parts[c]);
                }
                rows.add(row);
            }
            int[][] out = new int[cols][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < cols; c++) {
                    out[c][i] = rows.get(i)[c];
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read golden/" + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Golden.class.getResourceAsStream("/golden/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource golden/" + name);
        }
        return in;
    }
}
