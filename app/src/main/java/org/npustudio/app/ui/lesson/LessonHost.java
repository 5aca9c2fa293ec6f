package org.npustudio.app.ui.lesson;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.npustudio.app.lesson.View;
import org.npustudio.app.ui.present.PresenterMode;
import org.npustudio.partition.editor.ui.PartitionWorkspace;
import org.npustudio.profiler.ui.NpuConfigPane;

/** What the lesson pane asks of the IDE window it is docked in. */
public interface LessonHost {
    Window owner();

    void status(String text);

    PresenterMode presenter();

    /** Shows a step's view hints once the workspace model is open and laid out: tab, selected node, zoom. */
    void showView(View view);

    /** Opens the workspace's model.onnx again (after the pane wrote it). */
    void reloadModel();

    /** Runs the default pipeline ({@code pipeline} null) or a pipeline file on the open model, in a pass diff window. */
    void runPipeline(Path pipeline);

    /** Shows the open model's partition editor and runs {@code action} on it once it exists. */
    void withPartitionEditor(Consumer<PartitionWorkspace> action);

    /** Profile > Simulate on NPU for the open model. */
    void simulate();

    /** The profiler's NPU editor of the open model, or null before its first simulation. */
    NpuConfigPane npuEditor();
}
