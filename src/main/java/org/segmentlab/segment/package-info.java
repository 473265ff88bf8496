/** Profiles, persona drafts, matching clusters across runs (no JavaFX). */
package org.segmentlab.segment;
