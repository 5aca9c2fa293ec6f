package org.npustudio.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application behind {@code npustudio gui}. With {@code -Dnpustudio.snapshot=FILE.png} it
 * writes a PNG of the window once the model (if any) has loaded and then quits, for scripted screenshots;
 * {@code -Dnpustudio.partition.plan=PLAN.yaml} (or {@code auto}) first opens the partition editor on that
 * plan (or auto-partitions), so the editor can be pictured too; with {@code -Dnpustudio.snapshot.simulate=true}
 * the profiler then simulates with that plan ({@code -Dnpustudio.snapshot.tab=Roofline} shows a chart). With a lesson, the snapshot waits for the
 * lesson pane ({@code -Dnpustudio.snapshot.step=ID} goes to a step, {@code -Dnpustudio.snapshot.check=true}
 * presses its Check first). {@code -Dnpustudio.snapshot.simulate=true} runs the profiler first ({@code
 * .tab=Timeline} shows a chart, {@code .costing=compiled} costs as compiled). {@code -Dnpustudio.snapshot.help=shortcuts},
 * {@code about} or {@code palette[:QUERY]} pictures that Help window instead.
 */
public final class StudioApp extends Application {
    /** What {@code npustudio gui} opens: a model, or a lesson on its workspace; optionally in presenter mode. */
    public record Launch(Path model, String lesson, Path workspace, boolean present) {}

    private static volatile Launch launch = new Launch(null, null, null, false);

    /** Opens the IDE (optionally loading {@code model}) and returns when the window is closed. */
    public static void launchAndWait(Path model) {
        launchAndWait(new Launch(model, null, null, false));
    }

    /** Opens the IDE as {@code l} says and returns when the window is closed. */
    public static void launchAndWait(Launch l) {
        launch = l;
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage);
        window.help().setHostServices(getHostServices());
        String scale = System.getProperty("npustudio.present.scale");
        if (scale != null) {
            try {
                window.presenter().setScale(Double.parseDouble(scale.trim()));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                System.err.println("npustudio: -Dnpustudio.present.scale=" + scale + ": not a scale between 1 and 4; using "
                        + window.presenter().scaleProperty().get());
            }
        }
        StudioPrefs.restoreWindow(stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> StudioPrefs.saveWindow(stage));
        stage.show();
        StartupTiming.mark("window shown");
        StartupTiming.atNextFrame(stage.getScene(), "first frame");
        window.busyProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now || window.graphView() == null) return;
                window.busyProperty().removeListener(this);
                StartupTiming.mark("graph drawn (" + window.model().summary().nodes() + " nodes)");
            }
        });
        Launch l = launch;
        if (l.present()) window.presenter().activeProperty().set(true);
        String snapshot = System.getProperty("npustudio.snapshot");
        if (snapshot != null && !snapshot.isBlank()) {
            // After the model has loaded and its graph has been laid out.
            boolean simulate = Boolean.getBoolean("npustudio.snapshot.simulate");
            String diff = System.getProperty("npustudio.snapshot.diff");
            String bind = System.getProperty("npustudio.snapshot.bind");
            String help = System.getProperty("npustudio.snapshot.help");
            window.busyProperty().addListener((obs, was, now) -> {
                if (now) return;
                if (l.lesson() != null) LessonSnapshot.take(window, Path.of(snapshot));
                else if (bind != null) snapshotBindDialog(window, bind, Path.of(snapshot));
                else if (help != null) snapshotSoon(HelpSnapshot.open(window, help), Path.of(snapshot));
                else if (diff != null && window.model() != null) DiffSnapshot.take(window, diff, Path.of(snapshot));
                else if (simulate && window.workspace() != null) withPlan(window, () -> snapshotAfterSimulation(window, Path.of(snapshot)));
                else if (System.getProperty("npustudio.snapshot.optimise") != null) {
                    withPlan(window, () -> snapshotOptimise(window, System.getProperty("npustudio.snapshot.optimise"), Path.of(snapshot)));
                } else withPlan(window, () -> snapshotSoon(window, Path.of(snapshot)));
            });
        }
        String sweep = System.getProperty("npustudio.snapshot.sweep");
        if (sweep != null && !sweep.isBlank() && snapshot != null && !snapshot.isBlank()) {
            snapshotSweep(window, Path.of(sweep), Path.of(snapshot));
            return;
        }
        if (l.lesson() != null) window.openLesson(l.lesson(), l.workspace());
        else if (l.model() != null) window.open(l.model());
        else if (snapshot != null && !snapshot.isBlank()) snapshotSoon(window, Path.of(snapshot));
    }

    /**
     * Pictures the "Bind input shapes…" dialog ({@code -Dnpustudio.snapshot.bind=TEXT}): TEXT other than
     * {@code true} is typed into the first field first, to show the live error line.
     */
    private static void snapshotBindDialog(MainWindow window, String text, Path png) {
        PauseTransition wait = new PauseTransition(Duration.millis(300));
        wait.setOnFinished(e -> {
            BindShapesDialog d = window.bindDialog();
            if (d == null) {
                snapshotSoon(window, png);
                return;
            }
            if (!text.equals("true")) ((javafx.scene.control.TextField) d.getDialogPane().lookup("#bind-field-0")).setText(text);
            snapshotSoon(d.getDialogPane().getScene(), png);
        });
        wait.play();
    }

    /**
     * Pictures the Sweep view of a results folder ({@code -Dnpustudio.snapshot.sweep=DIR}) with the front of
     * latency and energy brushed, so the table below shows rows too.
     */
    private static void snapshotSweep(MainWindow window, Path dir, Path png) {
        window.sweeps().openResults(dir);
        if (window.sweeps().views().isEmpty()) {
            Platform.exit();
            return;
        }
        javafx.stage.Stage s = window.sweeps().views().get(0);
        org.npustudio.profiler.ui.SweepView view = (org.npustudio.profiler.ui.SweepView) s.getScene().getRoot();
        view.brush(view.highlighted());
        snapshotSoon(s.getScene(), png);
    }

    /**
     * Runs Profile > Simulate on NPU, then snapshots once the overlay is shown; {@code -Dnpustudio.snapshot.costing=compiled}
     * first switches the profiler to as compiled (the snapshot waits for that run).
     */
    private static void snapshotAfterSimulation(MainWindow window, Path png) {
        var session = window.workspace().profile();
        String tab = System.getProperty("npustudio.snapshot.tab"); // e.g. Timeline, Roofline
        boolean compiled = "compiled".equals(System.getProperty("npustudio.snapshot.costing"));
        if (compiled) session.npuPane().setCosting(org.npustudio.profiler.ui.NpuConfigPane.Costing.AS_COMPILED);
        session.panel().profileProperty().addListener((o, was, now) -> {
            if (now == null || now.asCompiled() != compiled) return;
            if (tab != null) session.panel().selectTab(tab);
            snapshotSoon(window, png);
        });
    }

    /** Opens the plan named by {@code npustudio.partition.plan} in the partition tab, then runs {@code then}. */
    private static void withPlan(MainWindow window, Runnable then) {
        String plan = System.getProperty("npustudio.partition.plan");
        if (plan == null || plan.isBlank() || window.partitionTab() == null) {
            then.run();
            return;
        }
        window.partitionTab().whenReady(ws -> {
            if (plan.equals("auto")) ws.actions().autoPartition();
            else ws.document().open(Path.of(plan));
            ws.showFirstProblem();
            then.run();
        });
    }

    /**
     * Pictures <em>Optimise plan…</em> ({@code -Dnpustudio.snapshot.optimise=NPU.yaml}, with a plan): runs the
     * optimiser on the latency objective and snapshots the dialog once the proposal is shown.
     */
    private static void snapshotOptimise(MainWindow window, String npu, Path png) {
        window.partitionTab().whenReady(ws -> {
            var d = ws.actions().optimise();
            d.preset("latency", npu);
            d.start();
            PauseTransition poll = new PauseTransition(Duration.millis(250));
            poll.setOnFinished(e -> {
                if (d.proposal() == null) poll.playFromStart();
                else snapshotSoon(d.stage().getScene(), png);
            });
            poll.play();
        });
    }

    /**
     * Waits for layout and CSS to settle, writes the PNG of the window and quits; {@code -Dnpustudio.snapshot.search=QUERY}
     * first searches the graph (to picture the hit highlight).
     */
    static void snapshotSoon(MainWindow window, Path png) {
        String query = System.getProperty("npustudio.snapshot.search");
        if (query != null && !query.isBlank() && window.graphView() != null) window.graphView().search(query);
        snapshotSoon(window.stage().getScene(), png);
    }

    /** Waits for layout and CSS to settle, writes the PNG of {@code scene} (the window or a dialog) and quits. */
    private static void snapshotSoon(javafx.scene.Scene scene, Path png) {
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(e -> {
            try {
                SceneSnapshot.write(scene, png);
                System.err.println("npustudio: wrote " + png);
            } catch (IOException | RuntimeException ex) {
                System.err.println("npustudio: " + png + ": cannot write snapshot: " + ex.getMessage());
            }
            Platform.exit();
        });
        settle.play();
    }
}
