/** JavaFX side of the HTML report: File ▸ Export ▸ Report (HTML)… (the report itself is io.ReportHtml). */
package org.segmentlab.app.report;
