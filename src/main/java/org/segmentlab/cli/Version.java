package org.segmentlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by {@code --version}, from {@code version.properties}, which Maven fills in at
 * build time (a manifest would not do: packages of a named module in a runtime image have none).
 */
public final class Version implements CommandLine.IVersionProvider {

    public static String version() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through: a version is nice to have, never worth failing for.
        }
        return "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"SegmentLab " + version(), "Java " + System.getProperty("java.version")};
    }
}
