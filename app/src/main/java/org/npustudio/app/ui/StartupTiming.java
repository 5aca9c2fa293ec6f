package org.npustudio.app.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.scene.Scene;

/**
 * With {@code -Dnpustudio.timing=true}, prints on stderr how long after the JVM started the window painted its
 * first frame and the opened model's graph was first drawn (figures in docs/ide-window.md). A frame counts at
 * the pulse that laid it out: JavaFX renders it in that pulse (reaching the screen a little later).
 */
final class StartupTiming {
    private static final boolean ON = Boolean.getBoolean("npustudio.timing");
    private static final Instant START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private StartupTiming() {}

    /** Milliseconds since the JVM started. */
    static long sinceStart() { return Duration.between(START, Instant.now()).toMillis(); }

    /** Prints one timing line (when timing is on). */
    static void mark(String what) {
        if (ON) System.err.println("npustudio: timing: " + what + " at " + sinceStart() + " ms");
    }

    /** Prints {@code what} at the scene's next pulse: once the frame showing the current state is out. */
    static void atNextFrame(Scene scene, String what) {
        if (!ON || scene == null) return;
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            mark(what);
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
