package org.npustudio.graphview.layout;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancellation token and progress sink shared between the UI and a layout running on a worker thread.
 * Every phase loop calls {@link #check}; progress reports are throttled to whole percent steps.
 */
public final class LayoutMonitor {
    /** Receives the phase name and the fraction of that phase done (0..1). Called on the layout thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(String phase, double fraction);
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressListener listener;
    private String phase = "";
    private int lastPercent = -1;

    public LayoutMonitor(ProgressListener listener) { this.listener = listener; }

    /** A monitor nobody listens to and nobody cancels. */
    public static LayoutMonitor none() { return new LayoutMonitor(null); }

    /** Requests cancellation; safe to call from any thread. */
    public void cancel() { cancelled.set(true); }

    void begin(String phaseName) {
        phase = phaseName;
        lastPercent = -1;
        check();
        report(0);
    }

    /** Throws {@link LayoutCancelledException} when cancelled. */
    void check() {
        if (cancelled.get()) throw new LayoutCancelledException(phase);
    }

    /** Reports progress of the current phase and checks for cancellation. */
    void report(double fraction) {
        check();
        if (listener == null) return;
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent != lastPercent) {
            lastPercent = percent;
            listener.progress(phase, percent / 100.0);
        }
    }
}
