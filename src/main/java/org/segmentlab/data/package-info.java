/** CSV in: dialect sniffing, typed columns, column statistics (no JavaFX). */
package org.segmentlab.data;
