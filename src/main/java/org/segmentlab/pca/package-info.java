/** PCA on EJML: scores, loadings, explained variance (no JavaFX). */
package org.segmentlab.pca;
