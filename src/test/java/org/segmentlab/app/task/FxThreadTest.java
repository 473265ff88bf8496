package org.segmentlab.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Work handed to the FX thread: it runs there, its value or exception comes back, a busy FX thread makes a timed
 * wait give up, and on the FX thread itself the work simply runs (no wait that could never end).
 */
@ExtendWith(ApplicationExtension.class)
class FxThreadTest {

    @Test
    void theWorkRunsOnTheFxThreadAndItsValueOrErrorComesBack() throws Exception {
        assertTrue(FxThread.call(Platform::isFxApplicationThread));
        assertEquals("x", FxThread.call(() -> "x", Duration.ofSeconds(10)));
        IllegalStateException boom = new IllegalStateException("boom");
        ExecutionException e = assertThrows(ExecutionException.class, () -> FxThread.call(() -> {
            throw boom;
        }));
        assertSame(boom, e.getCause());
        assertSame(boom, assertThrows(ExecutionException.class, () -> FxThread.supply(() -> {
            throw boom;
        }).get(10, TimeUnit.SECONDS)).getCause());
    }

    @Test
    void aBusyFxThreadMakesTheTimedWaitGiveUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThrows(TimeoutException.class, () -> FxThread.call(() -> 1, Duration.ofMillis(200)));
        } finally {
            release.countDown();
        }
    }

    @Test
    void onTheFxThreadTheWorkRunsAtOnceAndItsErrorIsNotWrapped(FxRobot robot) {
        AtomicReference<Object> seen = new AtomicReference<>();
        robot.interact(() -> {
            try {
                seen.set(FxThread.call(() -> "now", Duration.ofMillis(1)));
                FxThread.call(() -> {
                    throw new IllegalArgumentException("raw");
                });
            } catch (IllegalArgumentException raw) {
                seen.set(seen.get() + " " + raw.getMessage());
            } catch (Exception other) {
                seen.set(other);
            }
        });
        assertEquals("now raw", seen.get());
    }
}
