package org.npustudio.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.npustudio.app.ui.diff.DiffActions;
import org.npustudio.app.ui.diff.DiffStep;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.passes.Pipeline;

/**
 * Scripted screenshot of the pass diff view ({@code -Dnpustudio.snapshot.diff=PASS[,merged][,NODE]} with
 * {@code -Dnpustudio.snapshot=FILE.png}): runs the default pipeline on the open model, shows the first
 * step of that pass (side by side, or merged), optionally selects a node, and writes the diff window.
 * {@code compare:OTHER.onnx} instead of PASS compares the open model's file with OTHER.onnx.
 */
final class DiffSnapshot {
    private static boolean started;

    private DiffSnapshot() {}

    static void take(MainWindow window, String spec, Path png) {
        if (started) return; // the window may settle more than once
        started = true;
        String[] parts = spec.split(",");
        java.util.function.Consumer<PassDiffView> shoot = view -> {
            DiffStep step = view.session().isComparison() ? view.session().steps().get(0)
                    : view.session().steps().stream().filter(s -> s.name().equals(parts[0])).findFirst().orElse(null);
            if (step == null) {
                System.err.println("npustudio: no pass '" + parts[0] + "' in the default pipeline");
                Platform.exit();
                return;
            }
            view.select(step);
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("merged")) view.modeProperty().set(PassDiffView.Mode.MERGED);
            }
            whenSettled(view, () -> {
                for (int i = 1; i < parts.length; i++) {
                    if (!parts[i].equals("merged")) view.afterView().reveal(parts[i]);
                    if (!parts[i].equals("merged") && view.modeProperty().get() == PassDiffView.Mode.MERGED) view.mergedView().reveal(parts[i]);
                }
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> {
                    try {
                        SceneSnapshot.write(view.getScene(), png);
                        System.err.println("npustudio: wrote " + png);
                    } catch (IOException | RuntimeException ex) {
                        System.err.println("npustudio: " + png + ": cannot write snapshot: " + ex.getMessage());
                    }
                    Platform.exit();
                });
                settle.play();
            });
        };
        if (parts[0].startsWith("compare:")) {
            DiffActions.compareModels(window.diffHost(), window.model().file(), Path.of(parts[0].substring(8)), shoot);
        } else {
            DiffActions.runPipeline(window.diffHost(), Pipeline.defaultPipeline(), shoot);
        }
    }

    private static void whenSettled(PassDiffView view, Runnable r) {
        PauseTransition poll = new PauseTransition(Duration.millis(200));
        poll.setOnFinished(e -> {
            if (view.isBusy()) poll.playFromStart();
            else r.run();
        });
        poll.play();
    }
}
