package org.segmentlab.app.task;

import org.segmentlab.progress.CancellationToken;
import org.segmentlab.progress.ProgressListener;

/**
 * Work that runs off the FX thread. It must not touch nodes or observable lists; it reports through
 * {@code progress} and checks {@code cancel} at least once per iteration.
 */
@FunctionalInterface
public interface BackgroundTask<T> {
    T call(ProgressListener progress, CancellationToken cancel) throws Exception;
}
