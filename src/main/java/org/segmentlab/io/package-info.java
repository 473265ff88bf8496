/** Project files, exports, model files, reports (no JavaFX). */
package org.segmentlab.io;
