package org.npustudio.profiler.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.ir.Model;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.profiler.data.Profile;
import org.npustudio.shape.ShapeInference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Leading-edge debouncing of live re-simulation: an idle request runs at once, requests made while a
 * run is in flight collapse into one run of the newest, the newest result is what stays shown, and only
 * the newest run's failure is reported.
 */
@ExtendWith(ApplicationExtension.class)
class LiveSimulationTest {
    private static Profile a;
    private static Profile b;

    @BeforeAll
    static void simulateTwice() throws Exception {
        Model m = OnnxReader.read(ProfilerPanelTest.MODEL);
        ShapeInference.infer(m);
        var options = new SimulateOptions(ProfilerPanelTest.MODEL, ProfilerPanelTest.NPU, null, null, null, null);
        a = Profile.of(SimulateCommandCore.simulate(options), m);
        b = Profile.of(SimulateCommandCore.simulate(options), m);
    }

    @Test
    void requestsDuringARunCollapseIntoOneRunOfTheNewest(FxRobot robot) throws Exception {
        List<Profile> shown = new CopyOnWriteArrayList<>();
        LiveSimulation live = new LiveSimulation(shown::add, msg -> {});
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger middleRuns = new AtomicInteger();
        AtomicInteger lastRuns = new AtomicInteger();
        boolean[] startedDuringTheEdit = new boolean[1];
        robot.interact(() -> {
            live.request(() -> {
                running.countDown();
                assertTrue(release.await(10, TimeUnit.SECONDS));
                return a;
            });
            // Still inside the FX event that made the edit: the run must not wait for a timer on this thread.
            try {
                startedDuringTheEdit[0] = running.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(startedDuringTheEdit[0], "an idle request starts at once, while the FX thread is still busy with the edit");
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                live.request(() -> {
                    middleRuns.incrementAndGet();
                    return a;
                });
            }
            live.request(() -> {
                lastRuns.incrementAndGet();
                return b;
            });
        });
        assertTrue(live.busyProperty().get());
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, middleRuns.get(), "superseded requests never run");
        assertEquals(1, lastRuns.get(), "the newest runs once");
        assertSame(b, shown.get(shown.size() - 1), "the newest result stays shown");
        assertTrue(shown.size() <= 2, "at most the superseded in-flight result and the newest: " + shown.size());
        assertFalse(Double.isNaN(live.lastRefreshMillisProperty().get()));
        live.shutdown();
    }

    @Test
    void onlyTheNewestRunsFailureIsReported(FxRobot robot) throws Exception {
        List<Profile> shown = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        LiveSimulation live = new LiveSimulation(shown::add, errors::add);
        robot.interact(() -> live.request(() -> {
            throw new IllegalStateException("array of 0 rows");
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("simulation failed: array of 0 rows"), errors);
        robot.interact(() -> live.request(() -> a));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(a), shown);
        assertEquals(1, errors.size());
        live.shutdown();
    }
}
