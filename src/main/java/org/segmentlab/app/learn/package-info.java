/**
 * The Learn tab: k-means stepped one half-step at a time on two axes of the current analysis or on a toy
 * data set ({@link org.segmentlab.data.ToyData}), with the inertia per iteration beside it, and several
 * restarts side by side. The stepping itself is {@link org.segmentlab.cluster.KMeansStepper} (core, no
 * JavaFX); this package only shows it and paces it.
 */
package org.segmentlab.app.learn;
