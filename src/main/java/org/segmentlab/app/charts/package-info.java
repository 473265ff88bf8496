/**
 * Self-contained JavaFX charts for SegmentLab: metric-by-k line charts, the PCA scatter (raster, up to a million
 * points), the per-customer silhouette plot and the cluster profile heatmap. Every chart takes primitive arrays,
 * names and small records; none depends on the main window or on engine classes. Dense plots paint on a Canvas
 * once per change (invalidations are coalesced into one {@code Platform.runLater}).
 */
package org.segmentlab.app.charts;
