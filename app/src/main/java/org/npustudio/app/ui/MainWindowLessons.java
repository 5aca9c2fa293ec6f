package org.npustudio.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonLibrary;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.lesson.View;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.app.ui.diff.DiffActions;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.app.ui.lesson.LessonHost;
import org.npustudio.app.ui.lesson.LessonPane;
import org.npustudio.app.ui.present.PresenterMode;
import org.npustudio.app.ui.profile.NpuPresetList;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.partition.editor.ui.PartitionWorkspace;
import org.npustudio.passes.Pipeline;
import org.npustudio.profiler.ui.NpuConfigPane;

/**
 * The main window's lesson: opening a lesson on a workspace folder (started when new or empty, refused with
 * one line when it belongs to another lesson or version — nothing is written then), docking the
 * {@link LessonPane} on the right, opening the workspace's model and following it with the views: the
 * profiler starts on the workspace's npu.yaml, the partition editor on its plan.yaml, and each step's view
 * hints are applied once the model is laid out.
 */
final class MainWindowLessons implements LessonHost {
    private final MainWindow window;
    private LessonPane pane;
    private final List<Runnable> whenReady = new ArrayList<>();

    MainWindowLessons(MainWindow window) {
        this.window = window;
        window.busyProperty().addListener((o, was, now) -> {
            if (!now) runReady();
        });
    }

    LessonPane pane() { return pane; }

    /** Opens a lesson (bundled id or folder) on a workspace folder, off the FX thread; problems are one line in a dialog. */
    void open(String lesson, Path workspace) {
        Task<LessonSession> task = new Task<>() {
            @Override
            protected LessonSession call() throws StudioException {
                updateMessage("Opening lesson " + lesson + "…");
                return LessonSession.start(LessonLibrary.find(lesson), workspace);
            }
        };
        run(task);
    }

    /** Opens an already read lesson on a workspace folder. */
    void open(Lesson lesson, Path workspace) {
        Task<LessonSession> task = new Task<>() {
            @Override
            protected LessonSession call() throws StudioException {
                return LessonSession.start(lesson, workspace);
            }
        };
        run(task);
    }

    private void run(Task<LessonSession> task) {
        task.setOnSucceeded(e -> install(task.getValue()));
        task.setOnFailed(e -> {
            String message = StudioException.describe(task.getException());
            window.status("Could not open the lesson: " + message);
            ErrorDialog.show(window.stage(), "Could not open the lesson", message);
        });
        window.status("Opening the lesson…");
        Workers.start(task, "lesson-open");
    }

    private void install(LessonSession session) {
        if (!window.mayCloseModel()) return;
        close();
        pane = new LessonPane(session, this);
        window.dock(pane);
        window.open(session.workspace().resolve(Workspaces.MODEL));
        pane.start();
        window.presenter().refresh();
        window.status("Lesson " + session.lesson().title() + " · workspace " + session.workspace());
    }

    /** Undocks the lesson (its progress is already on disk). */
    void close() {
        if (pane == null) return;
        pane.dispose();
        window.dock(null);
        pane = null;
        whenReady.clear();
        window.presenter().notesTitleProperty().set("No lesson open");
        window.presenter().notesTextProperty().set("");
    }

    /** Called when the window shows a newly opened model: the lesson's NPU and plan follow it. */
    void modelShown(ModelWorkspace ws, LoadedModel model) {
        if (pane == null || !isWorkspaceModel(model.file())) return;
        Path npu = pane.session().workspace().resolve(Workspaces.NPU);
        if (Files.isRegularFile(npu)) {
            try {
                Device d = new DeviceConfigReader().read(npu);
                if (d.npu() != null) {
                    List<NpuConfigPane.Preset> presets = new ArrayList<>();
                    presets.add(new NpuConfigPane.Preset(Workspaces.NPU + " (lesson)", d.npu()));
                    presets.addAll(NpuPresetList.bundled());
                    ws.setNpuPresets(presets);
                }
            } catch (StudioException e) {
                window.status("The lesson's NPU file is not usable: " + e.oneLine());
            }
        }
        Path plan = pane.session().workspace().resolve(Workspaces.PLAN);
        ws.partitionTab().whenCreated(p -> {
            if (Files.isRegularFile(plan)) p.document().open(plan);
        });
    }

    private boolean isWorkspaceModel(Path file) {
        return pane != null && file.toAbsolutePath().normalize().equals(pane.session().workspace().resolve(Workspaces.MODEL).toAbsolutePath().normalize());
    }

    // ---- LessonHost ----------------------------------------------------------------------------------------

    @Override public Window owner() { return window.stage(); }

    @Override public void status(String text) { window.status(text); }

    @Override public PresenterMode presenter() { return window.presenter(); }

    @Override
    public void showView(View view) {
        if (view == null || (view.tab() == null && view.select() == null)) return;
        whenReady.clear(); // only the latest step's view matters
        whenReady.add(() -> apply(view));
        runReady();
    }

    @Override
    public void reloadModel() {
        if (pane != null) window.open(pane.session().workspace().resolve(Workspaces.MODEL));
    }

    @Override
    public void runPipeline(Path pipeline) {
        if (pipeline == null) DiffActions.runPipeline(window.diffHost(), Pipeline.defaultPipeline(), v -> {});
        else DiffActions.runPipelineFile(window.diffHost(), pipeline, v -> {});
    }

    @Override
    public void withPartitionEditor(Consumer<PartitionWorkspace> action) {
        if (window.partitionTab() != null) window.partitionTab().whenReady(action);
    }

    @Override
    public void simulate() {
        if (window.workspace() != null) window.workspace().profile();
    }

    @Override
    public NpuConfigPane npuEditor() {
        ModelWorkspace ws = window.workspace();
        return ws == null || ws.profiling() == null ? null : ws.profiling().npuPane();
    }

    /** Runs the waiting view once the lesson's model is shown and laid out. */
    private void runReady() {
        if (whenReady.isEmpty() || window.isBusy() || window.model() == null || !isWorkspaceModel(window.model().file())) return;
        List<Runnable> now = new ArrayList<>(whenReady);
        whenReady.clear();
        now.forEach(Runnable::run);
    }

    private void apply(View v) {
        ModelWorkspace ws = window.workspace();
        if (ws == null) return;
        if (v.tab() != null) {
            switch (v.tab()) {
                case "graph" -> ws.getSelectionModel().select(0);
                case "partition" -> ws.getSelectionModel().select(ws.partitionTab());
                case "profiler" -> {
                    if (ws.profiling() == null) ws.profile();
                    else ws.getSelectionModel().select(0);
                }
                case "passes" -> {
                    PassDiffView diff = PassDiffWindows.front();
                    if (diff != null && diff.getScene() != null && diff.getScene().getWindow() instanceof javafx.stage.Stage s) s.toFront();
                }
                default -> { }
            }
        }
        if (v.select() == null) return;
        GraphView g = ws.graphView();
        boolean onScreen = g.getGraphScene() != null && g.getGraphScene().indexOf(v.select()) >= 0;
        g.reveal(v.select());
        if (!v.zoom()) return;
        if (onScreen) g.zoomToSelection();
        else whenReady.add(g::zoomToSelection); // the reveal opens groups: zoom once the new layout is shown
    }
}
