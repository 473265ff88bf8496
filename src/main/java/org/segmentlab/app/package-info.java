/** JavaFX: views, view models, charts, task runner, dialogs. */
package org.segmentlab.app;
