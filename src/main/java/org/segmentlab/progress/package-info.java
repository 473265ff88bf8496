/** Progress reporting and cancellation shared by every long computation (no JavaFX). */
package org.segmentlab.progress;
