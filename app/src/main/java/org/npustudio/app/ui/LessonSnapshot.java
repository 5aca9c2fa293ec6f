package org.npustudio.app.ui;

import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import org.npustudio.app.ui.lesson.LessonPane;

/**
 * The scripted screenshot of a lesson ({@code npustudio gui --lesson … -Dnpustudio.snapshot=FILE.png}): once
 * the workspace model is shown and the pane has graded the workspace, optionally goes to a step
 * ({@code npustudio.snapshot.step}) and presses its Check or Submit ({@code npustudio.snapshot.check}), waits
 * for that to finish, then writes the PNG and quits.
 */
final class LessonSnapshot {
    private static boolean taken;

    private LessonSnapshot() {}

    static void take(MainWindow window, Path png) {
        LessonPane pane = window.lessonPane();
        if (taken || pane == null) return;
        taken = true;
        whenIdle(pane.busyProperty(), () -> {
            String step = System.getProperty("npustudio.snapshot.step");
            if (step != null) pane.lesson().step(step).ifPresent(pane::goTo);
            whenIdle(pane.busyProperty(), () -> {
                if (Boolean.getBoolean("npustudio.snapshot.check")) press(pane);
                whenIdle(pane.busyProperty(), () -> whenIdle(window.busyProperty(), () -> StudioApp.snapshotSoon(window, png)));
            });
        });
    }

    /** The step's Check button, or Submit / Commit with what is recorded or typed. */
    private static void press(LessonPane pane) {
        for (String id : new String[] {"#lesson-check", "#lesson-submit", "#lesson-commit"}) {
            if (pane.lookup(id) instanceof Button b && !b.isDisabled()) {
                b.fire();
                return;
            }
        }
    }

    /** Runs {@code then} once {@code busy} is false (at once when it is). */
    private static void whenIdle(ObservableBooleanValue busy, Runnable then) {
        if (!busy.get()) {
            javafx.application.Platform.runLater(then);
            return;
        }
        busy.addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) return;
                busy.removeListener(this);
                javafx.application.Platform.runLater(then);
            }
        });
    }
}
