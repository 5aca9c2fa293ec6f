package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sweep.SweepEvaluator;
import org.npustudio.npusim.sweep.SweepLog;
import org.npustudio.npusim.sweep.SweepPoint;
import org.npustudio.npusim.sweep.SweepPoints;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.npusim.sweep.SweepRunner;
import org.npustudio.npusim.sweep.SweepSpec;
import org.npustudio.npusim.sweep.SweepSpecReader;
import org.npustudio.profiler.data.SweepData;
import org.npustudio.profiler.report.SweepReport;
import org.npustudio.profiler.ui.NpuConfigPane;
import org.npustudio.profiler.ui.SweepView;
import org.npustudio.shape.ShapeBinding;

/**
 * Profile ▸ Open Sweep Results… and Run Sweep… (docs/sweeps.md, "In the IDE"): a sweep runs off the FX
 * thread through the same {@link SweepRunner} as {@code npustudio sweep}, with a progress window (points
 * done of total, rate, ETA, Cancel); its results open in a {@link SweepView} window, and a point clicked
 * there opens its model in the main window and profiles it on that point's NPU.
 */
final class SweepActions {
    private final MainWindow window;
    private final List<Stage> views = new ArrayList<>();
    private Stage progress;

    SweepActions(MainWindow window) { this.window = window; }

    MenuItem openResultsItem() {
        MenuItem item = new MenuItem("Open Sweep Results…");
        item.setId("menu-open-sweep");
        item.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open Sweep Results (a folder holding results.csv)");
            File d = chooser.showDialog(window.stage());
            if (d != null) openResults(d.toPath());
        });
        return item;
    }

    MenuItem runItem() {
        MenuItem item = new MenuItem("Run Sweep…");
        item.setId("menu-run-sweep");
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Run Sweep");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sweep files (*.yaml)", "*.yaml", "*.yml"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = chooser.showOpenDialog(window.stage());
            if (f != null) run(f.toPath(), resultsDir(f.toPath()));
        });
        return item;
    }

    /** SWEEP.yaml's results go beside it, in SWEEP-results/ (a second run there resumes). */
    static Path resultsDir(Path sweepFile) {
        String name = sweepFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return sweepFile.toAbsolutePath().resolveSibling(name + "-results");
    }

    /** The open Sweep windows (front-most last). */
    List<Stage> views() { return views; }

    /** The progress window of the running sweep, or null. */
    Stage progressWindow() { return progress; }

    /** Reads {@code results.csv} (a file or a folder holding one) and shows it in a Sweep window. */
    void openResults(Path fileOrDir) {
        try {
            show(SweepData.read(fileOrDir));
        } catch (StudioException e) {
            window.status("Could not open the sweep results: " + e.oneLine());
            ErrorDialog.show(window.stage(), "Could not open the sweep results", e.oneLine());
        }
    }

    SweepView show(SweepData data) {
        SweepView view = new SweepView(data);
        view.setOnOpen(r -> openPoint(data, r));
        Stage s = new Stage();
        s.initOwner(window.stage());
        s.setTitle("Sweep — " + data.dir());
        Scene scene = new Scene(view, 1100, 760);
        scene.getStylesheets().addAll(window.stage().getScene().getStylesheets());
        s.setScene(scene);
        s.setOnHidden(e -> views.remove(s));
        views.add(s);
        s.show();
        window.status(String.format(Locale.ROOT, "Sweep %s: %,d points, %,d invalid", data.dir(), data.rows().size(), data.invalid().size()));
        return view;
    }

    /**
     * Runs the sweep file into {@code dir} with a progress window; a folder holding an earlier run of the same
     * file is resumed (as {@code --resume}). Cancel stops starting points; the finished ones stay in the log.
     */
    void run(Path sweepFile, Path dir) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressBar bar = new ProgressBar(0);
        bar.setId("sweep-progress");
        bar.setPrefWidth(420);
        Label text = new Label("Opening " + sweepFile.getFileName() + " …");
        text.setId("sweep-progress-text");
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        Task<SweepRunner.Summary> task = new Task<>() {
            {
                updateTitle("Sweep " + sweepFile.getFileName());
            }

            @Override
            protected SweepRunner.Summary call() throws Exception {
                SweepSpec spec = SweepSpecReader.read(sweepFile);
                SweepEvaluator evaluator = new SweepEvaluator(spec, ModelFiles::sample, null);
                List<SweepPoint> points = SweepPoints.of(spec);
                boolean resume = Files.isRegularFile(dir.resolve(SweepLog.LOG));
                updateMessage(String.format(Locale.ROOT, "%,d points%s …", points.size(), resume ? ", resuming the earlier run" : ""));
                SweepRunner.Summary s = SweepRunner.run(evaluator, points, dir, SweepRunner.Options.defaults().withResume(resume)
                        .withProgress((done, total, rate, eta) -> {
                            updateProgress(done, total);
                            updateMessage(String.format(Locale.ROOT, "%,d / %,d points · %,.0f points/s · ETA %s", done, total, rate, SweepRunner.Progress.eta(eta)));
                        })
                        .withAfterPoint(r -> {
                            if (cancelled.get() || isCancelled()) throw new CancellationException("cancelled");
                        }));
                SweepReport.write(dir, sweepFile.getFileName().toString(), s.results());
                return s;
            }
        };
        text.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
        cancel.setOnAction(e -> {
            cancelled.set(true);
            cancel.setDisable(true);
        });
        VBox box = new VBox(8, new Label("Sweep " + sweepFile + " → " + dir), bar, text, cancel);
        box.setPadding(new Insets(12));
        Stage s = new Stage();
        s.initOwner(window.stage());
        s.setTitle("Running sweep");
        s.setScene(new Scene(box));
        s.setOnCloseRequest(e -> cancelled.set(true));
        progress = s;
        s.show();
        task.setOnSucceeded(e -> {
            close(s);
            SweepRunner.Summary sum = task.getValue();
            try {
                show(SweepData.read(dir));
                String done = String.format(Locale.ROOT, "Sweep done: %,d points (%,d evaluated, %,d from the earlier run) in %.1f s → %s",
                        sum.results().rows().size(), sum.evaluated(), sum.skipped(), sum.seconds(), dir);
                window.status(done);
                org.npustudio.graphview.ui.Notices.info(window.stage(), "Sweep done", done.substring("Sweep done: ".length()));
            } catch (StudioException ex) {
                window.status("Could not open the sweep results: " + ex.oneLine());
            }
        });
        task.setOnCancelled(e -> { // from the status bar's task list
            close(s);
            window.status("Sweep cancelled; the finished points are in " + dir + ". Run the sweep again to resume.");
        });
        task.setOnFailed(e -> {
            close(s);
            if (cancelled.get()) {
                window.status("Sweep cancelled; the finished points are in " + dir + ". Run the sweep again to resume.");
                return;
            }
            Throwable t = task.getException();
            String msg = t instanceof StudioException se ? se.oneLine() : StudioException.describe(t);
            window.status("Sweep failed: " + msg);
            ErrorDialog.show(window.stage(), "The sweep failed", msg);
        });
        Workers.start(task, "sweep");
    }

    private void close(Stage s) {
        s.hide();
        if (progress == s) progress = null;
    }

    /**
     * Opens the point's model in the main window (or keeps it, when it is the open one) and profiles it on the
     * point's NPU: the sweep's base NPU with the point's parameters, built exactly as the sweep built it.
     */
    void openPoint(SweepData data, SweepRow row) {
        try {
            if (data.sweepFile() == null) {
                throw new StudioException(data.dir().toString(), SweepRunner.SOURCE, "missing: the folder does not say which sweep file made it (run the sweep again to write it)");
            }
            SweepSpec spec = SweepSpecReader.read(data.sweepFile());
            SweepEvaluator evaluator = new SweepEvaluator(spec, ModelFiles::sample, null);
            NpuConfig npu;
            try {
                npu = evaluator.configure(row.point().values());
            } catch (IllegalArgumentException e) {
                throw new StudioException(data.sweepFile().toString(), "point " + row.id(), e.getMessage());
            }
            SweepSpec.ModelSpec m = spec.models().stream().filter(x -> x.name().equals(row.point().model())).findFirst()
                    .orElseThrow(() -> new StudioException(data.sweepFile().toString(), "models", "no model named '" + row.point().model() + "'"));
            Path file = m.sample() != null ? ModelFiles.sample(m.sample()) : Path.of(m.file());
            ShapeBinding binding = m.inputShapes().isEmpty() && m.dims().isEmpty() ? null : ShapeBinding.parse(m.inputShapes(), m.dims());
            NpuConfigPane.Preset preset = new NpuConfigPane.Preset("sweep point " + row.id() + " (" + data.describe(row) + ")", npu);
            window.profileWith(file, binding, preset);
            window.stage().toFront();
        } catch (StudioException e) {
            window.status("Could not open the point: " + e.oneLine());
            ErrorDialog.show(window.stage(), "Could not open the sweep point", e.oneLine());
        }
    }
}
