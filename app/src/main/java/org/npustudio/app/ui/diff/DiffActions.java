package org.npustudio.app.ui.diff;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.npustudio.app.ModelFiles;
import org.npustudio.app.ui.ErrorDialog;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.ir.Model;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineYaml;
import org.npustudio.yaml.YamlException;

/**
 * The window's entry points to the diff view: File > Compare Models… and Compile > Run Default Pipeline /
 * Run Pipeline from File…. Loading and running happen off the FX thread with a progress window; every
 * problem is one line in a dialog naming file, place and problem.
 */
public final class DiffActions {
    private DiffActions() {}

    /**
     * What the actions need from the window: its stage, the open model, a folder to start choosers in, the
     * status line, and what to do with every pass diff view a pipeline run opens (e.g. offer to save its result).
     */
    public record Host(Window owner, Supplier<Model> model, Supplier<String> modelName, Supplier<Path> folder, Consumer<String> status,
                       Consumer<PassDiffView> onPipelineOpened) {
        public Host(Window owner, Supplier<Model> model, Supplier<String> modelName, Supplier<Path> folder, Consumer<String> status) {
            this(owner, model, modelName, folder, status, v -> {});
        }
    }

    public static MenuItem compareModelsItem(Host host) {
        MenuItem item = new MenuItem("Compare Models…");
        item.setId("menu-compare-models");
        item.setOnAction(e -> {
            File a = chooseModel(host, "Compare: choose the first (old) model");
            if (a == null) return;
            File b = chooseModel(host, "Compare: choose the second (new) model");
            if (b != null) compareModels(host, a.toPath(), b.toPath(), v -> {});
        });
        return item;
    }

    public static MenuItem runDefaultPipelineItem(Host host) {
        MenuItem item = new MenuItem("Run Default Pipeline");
        item.setId("menu-run-pipeline");
        item.setOnAction(e -> runPipeline(host, Pipeline.defaultPipeline(), v -> {}));
        return item;
    }

    public static MenuItem runPipelineFileItem(Host host) {
        MenuItem item = new MenuItem("Run Pipeline from File…");
        item.setId("menu-run-pipeline-file");
        item.setOnAction(e -> {
            FileChooser chooser = chooser(host, "Choose a pipeline file", "Pipeline files (*.yaml, *.yml)", "*.yaml", "*.yml");
            File f = chooser.showOpenDialog(host.owner());
            if (f != null) runPipelineFile(host, f.toPath(), v -> {});
        });
        return item;
    }

    /** Reads a pipeline file; a mistake in it is shown as one line (file, line, column, what is valid). */
    public static void runPipelineFile(Host host, Path file, Consumer<PassDiffView> opened) {
        Pipeline p;
        try {
            p = PipelineYaml.read(file);
        } catch (YamlException ex) {
            host.status().accept("Pipeline file not usable: " + ex.oneLine());
            ErrorDialog.show(host.owner(), "The pipeline file has a problem", ex.oneLine());
            return;
        }
        runPipeline(host, p, opened);
    }

    /** Runs the pipeline on a copy of the open model and opens the pass diff view on the result. */
    public static void runPipeline(Host host, Pipeline pipeline, Consumer<PassDiffView> opened) {
        Model model = host.model().get();
        if (model == null) return;
        PipelineTask task = new PipelineTask(host.modelName().get(), model, pipeline);
        run(host, task, session -> {
            PassDiffView view = DiffWindow.open(host.owner(), session);
            host.status().accept(session.failure() == null ? "Pipeline " + pipeline.name() + " ran " + session.steps().size() + " passes"
                    : "Pipeline stopped: " + session.failure());
            if (session.failure() != null) ErrorDialog.show(view.getScene().getWindow(), "A pass failed", session.failure());
            host.onPipelineOpened().accept(view);
            opened.accept(view);
        }, "Could not run the pipeline");
    }

    /** Loads both models off the FX thread and opens them in the diff view. */
    public static void compareModels(Host host, Path a, Path b, Consumer<PassDiffView> opened) {
        Task<DiffSession> task = new Task<>() {
            @Override
            protected DiffSession call() throws Exception {
                updateTitle("Comparing models");
                updateMessage("Reading " + a.getFileName() + "…");
                Model ma = ModelFiles.open(a);
                updateMessage("Reading " + b.getFileName() + "…");
                Model mb = ModelFiles.open(b);
                updateMessage("Matching nodes…");
                DiffSession s = DiffSession.ofModels(name(a), ma, name(b), mb);
                s.steps().get(0).diff();
                return s;
            }
        };
        run(host, task, session -> {
            host.status().accept("Compared " + a.getFileName() + " with " + b.getFileName() + ": " + session.steps().get(0).diff().summary());
            opened.accept(DiffWindow.open(host.owner(), session));
        }, "Could not compare the models");
    }

    private static void run(Host host, Task<DiffSession> task, Consumer<DiffSession> done, String failureHeader) {
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> {
            String message = StudioException.describe(task.getException());
            host.status().accept(failureHeader + ": " + message);
            ErrorDialog.show(host.owner(), failureHeader, message);
        });
        task.setOnCancelled(e -> host.status().accept("Cancelled"));
        task.messageProperty().addListener((o, was, now) -> host.status().accept(now));
        // Progress and Cancel are in the main window's status bar and its task list (the task has a title).
        Workers.start(task, "diff-task");
    }

    private static String name(Path p) {
        String f = p.getFileName().toString();
        return f.endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
    }

    private static File chooseModel(Host host, String title) {
        return chooser(host, title, "ONNX models (*.onnx)", "*.onnx").showOpenDialog(host.owner());
    }

    private static FileChooser chooser(Host host, String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, patterns),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path dir = host.folder().get();
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        return chooser;
    }
}
