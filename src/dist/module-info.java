/*
 * SegmentLab's module descriptor, used only to build the self-contained runtime image
 * (mvn -Pdist package). The everyday build stays on the class path; moditect adds this descriptor
 * to target/segmentlab.jar at packaging time.
 *
 * An open module: Jackson (settings), picocli (commands) and JavaFX (the Application, cell factories)
 * reflect on our classes, and opening every package keeps that working as packages are added.
 */
open module org.segmentlab {
    requires java.desktop;
    requires java.logging;
    requires java.management;
    requires java.xml;
    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires org.apache.commons.csv;
    requires org.ejml.core;
    requires org.ejml.ddense;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;

    exports org.segmentlab;
    exports org.segmentlab.app;

    // analyze --out draws its charts through this service when the app's chart classes are there
    // (the class-path jar lists the same provider in META-INF/services).
    uses org.segmentlab.io.ChartRenderer;
    provides org.segmentlab.io.ChartRenderer with org.segmentlab.app.charts.HeadlessChartRenderer;
}
