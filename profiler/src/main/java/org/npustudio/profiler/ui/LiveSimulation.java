package org.npustudio.profiler.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.profiler.data.Profile;

/**
 * Re-simulates after edits on one background thread, debounced on the leading edge: a request made
 * while the worker is idle starts at once (no fixed delay eats into the refresh budget), requests made
 * while a run is in flight collapse into one follow-up run with the newest state, however many there
 * were. A superseded result is shown only if nothing was shown for {@link #STALE_RESULT_INTERVAL_MS}
 * (a long spinner drag still updates a few times a second; a quick burst shows only its last state).
 * Results are delivered on the FX thread. {@link #lastRefreshMillisProperty()} is the time from the
 * newest request to its result being handed to the view.
 */
public final class LiveSimulation {
    /** A superseded result is still shown when the view has shown nothing for this long. */
    public static final long STALE_RESULT_INTERVAL_MS = 150;

    private record Job(Callable<Profile> simulation, long generation, long requestedAt) {}

    private final ExecutorService worker = Workers.single("profiler-simulation");
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper lastRefreshMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final Consumer<Profile> onResult;
    private final Consumer<String> onError;
    // FX-thread state.
    private long generation;
    private long shownGeneration;
    private long lastShownAt = System.nanoTime();
    private long lastRequestedAt;

    private volatile double lastComputeMillis = Double.NaN;

    public LiveSimulation(Consumer<Profile> onResult, Consumer<String> onError) {
        this.onResult = onResult;
        this.onError = onError;
    }

    /** Asks for a re-simulation with the given producer; call on the FX thread. */
    public void request(Callable<Profile> simulation) {
        long now = System.nanoTime();
        pending.set(new Job(simulation, ++generation, now));
        busy.set(true);
        if (draining.compareAndSet(false, true)) worker.submit(this::drain);
    }

    /** Worker: runs the newest pending job until none is left. */
    private void drain() {
        while (true) {
            Job job = pending.getAndSet(null);
            if (job == null) {
                draining.set(false);
                // A request may have slipped in between the empty read and the flag; take it if nobody else did.
                if (pending.get() != null && draining.compareAndSet(false, true)) continue;
                return;
            }
            run(job);
        }
    }

    private void run(Job job) {
        try {
            long t0 = System.nanoTime();
            Profile p = job.simulation().call();
            double compute = (System.nanoTime() - t0) / 1e6;
            Platform.runLater(() -> deliver(job, p, compute));
        } catch (Exception e) {
            String msg = e instanceof StudioException s ? s.oneLine() : "simulation failed: " + e.getMessage();
            Platform.runLater(() -> {
                if (job.generation() != generation) return; // a newer run will report
                busy.set(false);
                onError.accept(msg);
            });
        }
    }

    private void deliver(Job job, Profile p, double compute) {
        boolean newest = job.generation() == generation;
        if (job.generation() < shownGeneration) return;
        long now = System.nanoTime();
        if (!newest && (now - lastShownAt) / 1_000_000 < STALE_RESULT_INTERVAL_MS) return; // the newest follows shortly
        shownGeneration = job.generation();
        lastShownAt = now;
        onResult.accept(p);
        lastComputeMillis = compute;
        if (newest) {
            lastRequestedAt = job.requestedAt();
            lastRefreshMillis.set((System.nanoTime() - job.requestedAt()) / 1e6);
            busy.set(false);
        }
    }

    /** Of the last refresh, the milliseconds the simulation itself took on the worker. */
    public double lastComputeMillis() { return lastComputeMillis; }

    /** {@link System#nanoTime()} of the request whose result was shown last (to time the frame that draws it). */
    public long lastRequestedAt() { return lastRequestedAt; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty lastRefreshMillisProperty() { return lastRefreshMillis.getReadOnlyProperty(); }

    public void shutdown() { worker.shutdownNow(); }
}
