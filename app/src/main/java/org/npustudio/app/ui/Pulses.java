package org.npustudio.app.ui;

import javafx.animation.AnimationTimer;

/** Running work after frames have been drawn, so it never holds back what the user should see first. */
final class Pulses {
    private Pulses() {}

    /** Runs {@code action} at the start of the n-th pulse from now (the frames of the pulses before are drawn). */
    static void after(int n, Runnable action) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < n) return;
                stop();
                action.run();
            }
        }.start();
    }
}
