package org.segmentlab.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one Jackson configuration every JSON file SegmentLab writes goes through. */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonSupport() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A JSON number, or null for NaN and infinities (JSON has no NaN). */
    public static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /**
     * Writes the tree to {@code file} atomically: a temporary file beside it, then a rename, so a crash
     * never leaves half a file.
     */
    public static void write(Path file, Object tree) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, tree));
    }
}
