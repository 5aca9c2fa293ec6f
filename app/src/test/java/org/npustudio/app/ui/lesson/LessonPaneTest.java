package org.npustudio.app.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonReader;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.ui.MainWindow;
import org.npustudio.npusim.Dataflow;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson pane in the real window: presenter keys step through the lesson (and leave a text field's caret
 * alone), the pane's type scales with presenter mode, progress is kept in the workspace, and a workspace of
 * another lesson or version, a non-empty folder and a lesson file with a mistake are refused with one line
 * while nothing is written.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPaneTest {
    static final Path LESSON1 = TestData.inCheckout("samples/lessons/01-reading-a-graph");
    static final Path LESSON2 = TestData.inCheckout("samples/lessons/02-graph-optimisation");
    static final Path NPU_SAVE = TestData.inCheckout("app/src/test/resources/lessons/npu-save");
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void presenterKeysStepThroughTheLessonAndItsTypeGrows(FxRobot robot) throws Exception {
        PaneDriver d = new PaneDriver(robot, window);
        LessonPane pane = d.open(LESSON1, dir.resolve("ws"));
        double body = bodyFont(robot);
        robot.interact(() -> window.stage().requestFocus());
        robot.type(KeyCode.F5);
        d.idle();
        assertTrue(window.presenter().isActive());
        assertTrue(bodyFont(robot) >= 1.6 * body - 0.01, "step text " + bodyFont(robot) + " vs " + body);

        robot.type(KeyCode.RIGHT);
        d.idle();
        assertEquals("count-nodes", pane.current().id(), "Right: next step");
        assertEquals("Step 2/13 · How many operators?", window.presenter().notesTitleProperty().get(), "the notes follow");
        robot.type(KeyCode.PAGE_DOWN);
        d.idle();
        assertEquals("weighted-ops", pane.current().id(), "Page Down: next step");
        robot.type(KeyCode.LEFT);
        d.idle();
        assertEquals("count-nodes", pane.current().id(), "Left: previous step");

        // Typing an answer: the arrows move the caret, not the lesson.
        TextField answer = d.node("#lesson-answer");
        robot.interact(() -> {
            answer.setText("12");
            answer.requestFocus();
        });
        robot.type(KeyCode.LEFT);
        d.idle();
        assertEquals("count-nodes", pane.current().id());
        robot.type(KeyCode.PAGE_UP);
        d.idle();
        assertEquals("intro", pane.current().id(), "a clicker's Page Up still steps");
        assertEquals("intro", LessonSession.open(pane.lesson(), dir.resolve("ws")).state().currentStep(), "the current step is kept in the workspace");

        robot.type(KeyCode.F5);
        d.idle();
        assertEquals(body, bodyFont(robot), 1e-9);
        robot.type(KeyCode.RIGHT);
        d.idle();
        assertEquals("intro", pane.current().id(), "outside presenter mode Right is not a step key");
    }

    @Test
    void theProfilersEditedNpuIsSavedIntoTheWorkspaceKeepingTheRestOfTheFile(FxRobot robot) throws Exception {
        PaneDriver d = new PaneDriver(robot, window);
        Path ws = dir.resolve("ws");
        LessonPane pane = d.open(NPU_SAVE, ws);
        Path npu = ws.resolve("npu.yaml");
        String before = Files.readString(npu);
        assertFalse(d.check(pane.current()).passed(), "output-stationary is too slow for the check");
        d.fire("#lesson-save-npu");
        assertEquals(before, Files.readString(npu), "before a simulation there is no edited NPU: nothing is written");

        d.fire("#lesson-simulate");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> pane.host().npuEditor() != null);
        d.idle();
        ComboBox<Dataflow> dataflow = d.node("#npu-dataflow");
        robot.interact(() -> dataflow.setValue(Dataflow.WS));
        d.idle();
        d.fire("#lesson-save-npu");
        assertEquals(before.replace("dataflow: os", "dataflow: ws"), Files.readString(npu), "only the edited value changes, comments stay");
        assertTrue(d.check(pane.current()).passed(), "the check reads the saved NPU");
    }

    @Test
    void reopeningAWorkspaceContinuesWhereTheStudentLeft(FxRobot robot) throws Exception {
        PaneDriver d = new PaneDriver(robot, window);
        Path ws = dir.resolve("ws");
        d.open(LESSON1, ws);
        d.goTo(3);
        d.type(d.pane().current(), "4704", false);
        d.open(LESSON1, ws);
        LessonPane again = d.pane();
        assertEquals("conv1-shape", again.current().id());
        assertEquals("4704", d.<TextField>node("#lesson-answer").getText(), "the recorded answer is shown");
        assertEquals("\u2714 All checks pass \u00B7 2 / 2 points", d.text("#lesson-result"));
    }

    @Test
    void aWorkspaceOfAnotherLessonIsRefusedAndLeftUntouched(FxRobot robot) throws Exception {
        Path ws = dir.resolve("ws1");
        LessonSession.start(LessonReader.read(LESSON1), ws);
        Map<String, byte[]> before = files(ws);
        String message = refusal(robot, LESSON2, ws);
        assertEquals(ws.resolve("lesson-workspace.yaml") + ": is a workspace of lesson '01-reading-a-graph', not '02-graph-optimisation';"
                + " nothing was changed", message);
        assertSame(before, files(ws));
    }

    @Test
    void aWorkspaceOfAnotherVersionIsRefusedAndLeftUntouched(FxRobot robot) throws Exception {
        Path ws = dir.resolve("ws1");
        Lesson lesson = LessonReader.read(LESSON1);
        LessonSession.start(lesson, ws);
        Path state = ws.resolve("lesson-workspace.yaml");
        Files.writeString(state, Files.readString(state).replace("version: " + lesson.version(), "version: 99"));
        Map<String, byte[]> before = files(ws);
        String message = refusal(robot, LESSON1, ws);
        assertTrue(message.startsWith(state + ": was made for version 99 of lesson '01-reading-a-graph'"), message);
        assertSame(before, files(ws));
    }

    @Test
    void aFolderThatIsNoWorkspaceIsRefusedAndLeftUntouched(FxRobot robot) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(ws.resolve("mine.txt"), "my notes");
        String message = refusal(robot, LESSON1, ws);
        assertTrue(message.startsWith(ws + ": is not empty and not a lesson workspace"), message);
        assertEquals(Map.of("mine.txt", "my notes"), Map.of("mine.txt", Files.readString(ws.resolve("mine.txt"))));
        assertEquals(1, files(ws).size());
    }

    @Test
    void aLessonFileWithAMistakeIsOneLineNamingFileAndLine(FxRobot robot) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("lesson"));
        // Lesson 1 with one step type misspelt; its start files and figure from the checkout.
        Files.createDirectories(copy.resolve("figures"));
        Files.copy(LESSON1.resolve("figures/lenet5.png"), copy.resolve("figures/lenet5.png"));
        Files.writeString(copy.resolve("lesson.yaml"), Files.readString(LESSON1.resolve("lesson.yaml"))
                .replace("../../", TestData.inCheckout("samples") + "/").replace("type: numeric", "type: numerical"));
        String message = refusal(robot, copy, dir.resolve("ws"));
        assertTrue(message.startsWith(copy.resolve("lesson.yaml") + ": line "), message);
        assertTrue(message.contains("numerical"), message);
        assertFalse(Files.exists(dir.resolve("ws")), "no workspace was made");
    }

    /** Opens the lesson, expects the error dialog instead of a pane, returns its one line and closes it. */
    private String refusal(FxRobot robot, Path lesson, Path ws) throws Exception {
        robot.interact(() -> window.openLesson(lesson.toString(), ws));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#error-dialog").query();
        String text = dialog.getContentText();
        assertEquals("Could not open the lesson", dialog.getHeaderText());
        assertFalse(text.contains("\n") || text.contains("Exception"), text);
        assertNull(window.lessonPane(), "no lesson pane");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        return text;
    }

    private static double bodyFont(FxRobot robot) {
        Text t = robot.lookup(".lesson-run").query();
        return t.getFont().getSize();
    }

    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        for (String k : before.keySet()) assertTrue(Arrays.equals(before.get(k), after.get(k)), k + " unchanged");
    }
}
