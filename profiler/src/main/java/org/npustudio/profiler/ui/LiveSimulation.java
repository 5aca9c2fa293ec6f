package org.npustudio.profiler.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;
import org.npustudio.error.StudioException;
import org.npustudio.profiler.data.Profile;

/**
 * Re-simulates after edits: requests are debounced (edits in quick succession cause one run), runs go
 * to one background thread, results of superseded runs are dropped, and the newest result is delivered
 * on the FX thread. {@link #lastRefreshMillisProperty()} is the time from the last request to the
 * refreshed result, the figure the "live within 100 ms" requirement is about.
 */
public final class LiveSimulation {
    public static final Duration DEBOUNCE = Duration.millis(30);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "profiler-simulation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper lastRefreshMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final Consumer<Profile> onResult;
    private final Consumer<String> onError;
    private Callable<Profile> pending;
    private long requestedAt;

    private volatile double lastComputeMillis = Double.NaN;

    public LiveSimulation(Consumer<Profile> onResult, Consumer<String> onError) {
        this.onResult = onResult;
        this.onError = onError;
        debounce.setOnFinished(e -> launch());
    }

    /** Asks for a re-simulation with the given producer; call on the FX thread. */
    public void request(Callable<Profile> simulation) {
        pending = simulation;
        requestedAt = System.nanoTime();
        busy.set(true);
        debounce.playFromStart();
    }

    private void launch() {
        Callable<Profile> job = pending;
        long started = requestedAt;
        long gen = generation.incrementAndGet();
        worker.submit(() -> {
            try {
                long t0 = System.nanoTime();
                Profile p = job.call();
                double compute = (System.nanoTime() - t0) / 1e6;
                Platform.runLater(() -> {
                    if (gen != generation.get()) return; // a newer run was started
                    onResult.accept(p);
                    lastComputeMillis = compute;
                    lastRefreshMillis.set((System.nanoTime() - started) / 1e6);
                    busy.set(false);
                });
            } catch (Exception e) {
                String msg = e instanceof StudioException s ? s.oneLine() : "simulation failed: " + e.getMessage();
                Platform.runLater(() -> {
                    if (gen != generation.get()) return;
                    busy.set(false);
                    onError.accept(msg);
                });
            }
        });
    }

    /** Of the last refresh, the milliseconds the simulation itself took on the worker. */
    public double lastComputeMillis() { return lastComputeMillis; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty lastRefreshMillisProperty() { return lastRefreshMillis.getReadOnlyProperty(); }

    public void shutdown() { worker.shutdownNow(); }
}
