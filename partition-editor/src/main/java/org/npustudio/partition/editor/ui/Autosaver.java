package org.npustudio.partition.editor.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.npustudio.error.StudioException;
import org.npustudio.partition.editor.model.RecoveryStore;

/**
 * Writes the unsaved plan to the {@link RecoveryStore} every 30 seconds (system property
 * {@code npustudio.autosave.seconds} changes the period), only when it changed since the last copy. The
 * copy is a small YAML file written atomically on the FX thread.
 */
final class Autosaver {
    private final PartitionSession session;
    private final RecoveryStore store;
    private final Timeline timer;
    private long savedRevision = -1;

    Autosaver(PartitionSession session, RecoveryStore store) {
        this.session = session;
        this.store = store;
        timer = new Timeline(new KeyFrame(Duration.seconds(period()), e -> saveNow()));
        timer.setCycleCount(Animation.INDEFINITE);
    }

    static double period() {
        try {
            double s = Double.parseDouble(System.getProperty("npustudio.autosave.seconds", "30"));
            return s > 0 ? s : 30;
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    void start() { timer.play(); }

    void stop() { timer.stop(); }

    /** Writes the copy when the plan is unsaved and changed since the last copy; returns whether it wrote. */
    boolean saveNow() {
        long rev = session.revisionProperty().get();
        if (!session.editor().isDirty() || rev == savedRevision || session.modelRef().sha256().isEmpty()) return false;
        try {
            store.save(session.modelRef(), session.plan(), session.documentProperty().get());
            savedRevision = rev;
            return true;
        } catch (StudioException e) {
            session.error("Autosave failed: " + e.oneLine());
            return false;
        }
    }
}
