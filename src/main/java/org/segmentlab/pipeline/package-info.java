/** AnalysisRequest -> AnalysisResult, progress, cancellation (no JavaFX). */
package org.segmentlab.pipeline;
