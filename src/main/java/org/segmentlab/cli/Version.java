package org.segmentlab.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}, from the jar manifest (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"SegmentLab " + version(), "Java " + System.getProperty("java.version")};
    }
}
