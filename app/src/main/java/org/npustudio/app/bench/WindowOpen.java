package org.npustudio.app.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.npustudio.app.ui.MainWindow;
import org.npustudio.graphview.ui.GraphView;

/**
 * Times opening a model in the real IDE window, as a user does it: from {@link MainWindow#open} (the model is read
 * on a worker, the workspace and its graph view are built, the graph is laid out on another worker) to the end
 * of the first canvas frame that draws the graph. Needs a display (run under xvfb-run on a headless machine).
 */
final class WindowOpen implements AutoCloseable {
    private static final long TIMEOUT_S = 120;
    private MainWindow window;

    private WindowOpen() {}

    /** Starts JavaFX with an empty IDE window, or returns null (with the reason in {@code why[0]}) without a display. */
    static WindowOpen start(String[] why) throws InterruptedException {
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        String display = System.getenv("DISPLAY");
        if (linux && (display == null || display.isBlank()) && !"Monocle".equals(System.getProperty("glass.platform"))) {
            why[0] = "no display (DISPLAY is not set): run under xvfb-run to time the window";
            return null;
        }
        CountDownLatch up = new CountDownLatch(1);
        WindowOpen w = new WindowOpen();
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        // Closing the window must not end JavaFX: the command's process ends when it is done (as does a test JVM).
        Platform.setImplicitExit(false);
        if (!up.await(TIMEOUT_S, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start");
        onFx(() -> {
            Stage stage = new Stage();
            w.window = new MainWindow(stage);
            stage.show();
        });
        return w;
    }

    /** Milliseconds from asking the window to open {@code model} to the first frame drawing its graph. */
    double open(Path model) throws InterruptedException {
        CountDownLatch drawn = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        GraphView[] before = new GraphView[1];
        AnimationTimer[] watch = new AnimationTimer[1];
        onFx(() -> {
            before[0] = window.graphView();
            watch[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // Runs at the start of each pulse: hook the new workspace's canvas as soon as it exists.
                    GraphView v = window.graphView();
                    if (v == null || v == before[0]) return;
                    stop();
                    Runnable[] hook = new Runnable[1];
                    hook[0] = () -> {
                        if (v.getGraphScene() != null && v.canvas().getWidth() > 0 && drawn.getCount() > 0) {
                            end.set(System.nanoTime());
                            v.canvas().removeFrameListener(hook[0]);
                            drawn.countDown();
                        }
                    };
                    v.canvas().addFrameListener(hook[0]);
                }
            };
            watch[0].start();
            start.set(System.nanoTime());
            window.open(model);
        });
        if (!drawn.await(TIMEOUT_S, TimeUnit.SECONDS)) throw new IllegalStateException(model + ": no graph drawn in " + TIMEOUT_S + " s");
        // Let the window finish (summary tab, status) before the next measurement.
        CountDownLatch idle = new CountDownLatch(1);
        AnimationTimer settle = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!window.isBusy()) {
                    stop();
                    idle.countDown();
                }
            }
        };
        onFx(settle::start);
        idle.await(TIMEOUT_S, TimeUnit.SECONDS);
        return (end.get() - start.get()) / 1e6;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failure = new RuntimeException[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(TIMEOUT_S, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread did not answer");
        if (failure[0] != null) throw failure[0];
    }

    @Override
    public void close() {
        Platform.runLater(() -> {
            if (window != null) window.stage().close();
        });
    }
}
