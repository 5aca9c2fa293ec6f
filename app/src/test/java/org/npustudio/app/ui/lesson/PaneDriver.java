package org.npustudio.app.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.StepResult;
import org.npustudio.app.ui.MainWindow;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real lesson pane of a real window as a student does: its buttons, fields and options, the pass
 * diff window's save button, the partition editor's plan; waits (no sleeps) until the pane, the window and
 * the views are idle.
 */
final class PaneDriver {
    private final FxRobot robot;
    private final MainWindow window;

    PaneDriver(FxRobot robot, MainWindow window) {
        this.robot = robot;
        this.window = window;
    }

    LessonPane pane() { return window.lessonPane(); }

    /** Opens the lesson on the workspace and waits until its model is shown and the workspace graded. */
    LessonPane open(Path lesson, Path workspace) throws Exception {
        LessonPane before = pane();
        robot.interact(() -> window.openLesson(lesson.toString(), workspace));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> pane() != null && pane() != before && window.model() != null);
        idle();
        return pane();
    }

    /** Waits until no lesson work runs, nothing loads or lays out, and the FX queue is empty. */
    void idle() throws Exception {
        for (int round = 0; round < 2; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> (pane() == null || !pane().isBusy()) && !window.isBusy());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Goes to step {@code index} with the Next / Previous buttons. */
    void goTo(int index) throws Exception {
        while (pane().lesson().indexOf(pane().current().id()) < index) fire("#lesson-next");
        while (pane().lesson().indexOf(pane().current().id()) > index) fire("#lesson-previous");
        assertEquals(pane().lesson().steps().get(index).id(), pane().current().id());
    }

    void fire(String id) throws Exception {
        ButtonBase b = node(id);
        assertEquals(false, b.isDisabled(), id + " is enabled");
        robot.interact(b::fire);
        idle();
    }

    <T extends Node> T node(String id) {
        T n = robot.lookup(id).query();
        assertNotNull(n, id);
        return n;
    }

    boolean present(String id) { return robot.lookup(id).tryQuery().isPresent(); }

    /** Chooses these options (and only these) and submits. */
    StepResult choose(Step s, List<String> ids) throws Exception {
        robot.interact(() -> robot.lookup(".lesson-option").queryAll().forEach(n -> {
            boolean on = ids.contains((String) n.getUserData());
            if (n instanceof CheckBox c) c.setSelected(on);
            else if (n instanceof RadioButton r) r.setSelected(on);
        }));
        fire("#lesson-submit");
        return pane().result(s.id());
    }

    /** Types a number and submits (numeric) or commits it (predict). */
    StepResult type(Step s, String value, boolean predict) throws Exception {
        TextField f = node(predict ? "#lesson-prediction" : "#lesson-answer");
        robot.interact(() -> f.setText(value));
        fire(predict ? "#lesson-commit" : "#lesson-submit");
        return pane().result(s.id());
    }

    StepResult check(Step s) throws Exception {
        fire("#lesson-check");
        return pane().result(s.id());
    }

    String text(String id) { return ((Label) node(id)).getText(); }

    /** Runs a pipeline from the step's buttons, waits for the pass diff window and saves its result into the workspace. */
    void runPipelineAndSave(Path pipeline) throws Exception {
        String button = pipeline == null ? "#lesson-run-default" : "#lesson-run-" + pipeline.getFileName().toString().replaceAll("\\W+", "-");
        fire(button);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> diffView() != null);
        PassDiffView diff = diffView();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !diff.isBusy());
        // Toolbar items that do not fit are not in the scene graph (they sit in the overflow menu): ask the toolbar.
        Button save = (Button) ((javafx.scene.control.ToolBar) diff.getTop()).getItems().stream()
                .filter(n -> "lesson-save-model".equals(n.getId())).findFirst().orElse(null);
        assertNotNull(save, "the diff window offers to save into the lesson");
        assertEquals(false, save.isDisabled());
        robot.interact(save::fire);
        idle();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> diffView() == null);
        idle();
    }

    /** The pass diff view of a showing window, or null. */
    static PassDiffView diffView() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof PassDiffView v) return v;
        }
        return null;
    }

    /** Puts a file into the workspace through the pane (a model is opened again). */
    void adopt(String name, Path file) throws Exception {
        robot.interact(() -> pane().adopt(name, file));
        idle();
    }

    /**
     * Makes the profiler's NPU editor show an NPU file's values (as a student typing them would), then saves them
     * into the workspace with the step's button (or the same save when the step has none).
     */
    void editNpuAndSave(Path npuFile) throws Exception {
        NpuConfig target = new DeviceConfigReader().read(npuFile).npu();
        if (pane().host().npuEditor() == null) robot.interact(() -> pane().host().simulate());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> pane().host().npuEditor() != null);
        idle();
        robot.interact(() -> pane().host().npuEditor().edit(target));
        idle();
        if (present("#lesson-save-npu")) fire("#lesson-save-npu");
        else {
            robot.interact(() -> pane().saveNpu());
            idle();
        }
    }

    /** Opens a plan file in the partition editor, then saves it into the workspace with the step's button. */
    void drawPlanAndSave(Path plan) throws Exception {
        robot.interact(() -> window.partitionTab().whenReady(ws -> ws.document().open(plan)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.partitionTab().workspace() != null);
        idle();
        if (present("#lesson-save-plan")) fire("#lesson-save-plan");
        else {
            // A step not about the partition editor has no button for it; the same save, as the button does it.
            robot.interact(() -> pane().savePlan());
            idle();
        }
    }
}
