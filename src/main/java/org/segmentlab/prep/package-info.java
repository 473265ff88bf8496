/** Imputation, derived columns, transforms, encoding, scaling (no JavaFX). */
package org.segmentlab.prep;
