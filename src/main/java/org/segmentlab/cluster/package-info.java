/** K-means, restarts, k sweep, knee detection (no JavaFX). */
package org.segmentlab.cluster;
