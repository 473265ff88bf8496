/** The headless front door: a thin layer over pipeline and io (no JavaFX). */
package org.segmentlab.cli;
