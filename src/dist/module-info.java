/*
 * SegmentLab's module descriptor, used only to build the self-contained runtime image
 * (mvn -Pdist package). The everyday build stays on the class path; moditect adds this descriptor
 * to target/segmentlab.jar at packaging time.
 */
module org.segmentlab {
    requires java.desktop;
    requires java.logging;
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
    exports org.segmentlab.app to javafx.graphics;
    opens org.segmentlab.cli to info.picocli;
    opens org.segmentlab.app to com.fasterxml.jackson.databind, javafx.base;
}
