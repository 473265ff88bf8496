/** Silhouette, Calinski-Harabasz, Davies-Bouldin (no JavaFX). */
package org.segmentlab.metrics;
