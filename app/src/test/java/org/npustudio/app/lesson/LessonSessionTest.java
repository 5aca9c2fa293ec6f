package org.npustudio.app.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.error.StudioException;

/** Workspaces: made from the start files, bound to one lesson and version, progress recorded as it happens. */
class LessonSessionTest {
    static final String STEPS = """
              - {id: p, type: predict, title: P, text: p, measure: {type: cycles, node: /conv1/Conv}, tolerance: {rel: 0.1}}
              - id: c
                type: choice
                title: C
                text: c
                options: [{id: a, text: A, correct: true}, {id: b, text: B}]
              - {id: n, type: numeric, title: N, text: n, answer: 2.5}
              - id: act
                type: action
                title: Act
                text: act
                hints: [look at the graph, {text: remove the Flatten, after-failures: 2}]
                checks: [{type: no_op, op: Flatten, message: a Flatten is left}]
            """;

    @TempDir Path dir;

    private Lesson lesson(String id, int version) throws Exception {
        return LessonReader.read(LessonFixture.write(dir, id + "-v" + version, LessonFixture.header(id, version) + STEPS));
    }

    @Test
    void startCopiesTheStartFilesAndWritesProgress() throws Exception {
        LessonSession s = LessonSession.start(lesson("one", 1), dir.resolve("ws"));
        assertArrayEquals(Files.readAllBytes(LessonFixture.LENET), Files.readAllBytes(dir.resolve("ws/model.onnx")));
        assertArrayEquals(Files.readAllBytes(LessonFixture.NPU), Files.readAllBytes(dir.resolve("ws/npu.yaml")));
        WorkspaceState st = WorkspaceFile.read(dir.resolve("ws"));
        assertEquals("one", st.lessonId());
        assertEquals(1, st.lessonVersion());
        assertEquals("p", st.currentStep());
        s.goTo("act");
        assertEquals("act", WorkspaceFile.read(dir.resolve("ws")).currentStep());
    }

    @Test
    void startRefusesAFolderThatIsNotAWorkspaceAndWritesNothing() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("notes.txt"), "mine");
        StudioException e = assertThrows(StudioException.class, () -> LessonSession.start(lesson("one", 1), ws));
        assertTrue(e.oneLine().contains("is not empty and not a lesson workspace"), e.oneLine());
        assertEquals(List.of(ws.resolve("notes.txt")), Files.list(ws).toList());
    }

    @Test
    void anotherLessonsOrVersionsWorkspaceIsRefusedAndLeftAlone() throws Exception {
        Path ws = dir.resolve("ws");
        LessonSession.start(lesson("one", 1), ws).answer("c", "b");
        byte[] state = Files.readAllBytes(ws.resolve(Workspaces.STATE));
        Lesson other = lesson("two", 1);
        StudioException e = assertThrows(StudioException.class, () -> LessonSession.start(other, ws));
        assertEquals(ws.resolve(Workspaces.STATE) + ": is a workspace of lesson 'one', not 'two'; nothing was changed", e.oneLine());
        e = assertThrows(StudioException.class, () -> LessonSession.open(lesson("one", 2), ws));
        assertTrue(e.oneLine().contains("was made for version 1 of lesson 'one', which is now version 2"), e.oneLine());
        assertArrayEquals(state, Files.readAllBytes(ws.resolve(Workspaces.STATE)));
        assertArrayEquals(Files.readAllBytes(LessonFixture.LENET), Files.readAllBytes(ws.resolve(Workspaces.MODEL)));
    }

    @Test
    void startingAgainOpensTheWorkspaceAsItIs() throws Exception {
        Path ws = dir.resolve("ws");
        Lesson l = lesson("one", 1);
        LessonSession.start(l, ws).answer("n", "2.5");
        Files.writeString(ws.resolve(Workspaces.MODEL), "edited");
        LessonSession again = LessonSession.start(l, ws);
        assertEquals("edited", Files.readString(ws.resolve(Workspaces.MODEL)));
        assertEquals(List.of("2.5"), again.state().answers().get("n").values());
    }

    @Test
    void aPredictionIsCommittedBeforeItsAnswerIsComputedAndCannotChange() throws Exception {
        Path ws = dir.resolve("ws");
        LessonSession s = LessonSession.start(lesson("one", 1), ws);
        Files.move(ws.resolve(Workspaces.NPU), dir.resolve("npu-away.yaml"));
        StudioException e = assertThrows(StudioException.class, () -> s.predict("p", 2000));
        assertTrue(e.oneLine().startsWith("npu.yaml: missing"), e.oneLine());
        Prediction committed = WorkspaceFile.read(ws).predictions().get("p");
        assertEquals(2000, committed.value());
        assertTrue(committed.committed() != null);
        assertNull(committed.revealed(), "nothing was revealed: the simulator could not run");

        Files.move(dir.resolve("npu-away.yaml"), ws.resolve(Workspaces.NPU));
        Reveal r = s.predict("p", 9999);
        assertEquals(2000, r.predicted(), "the committed prediction stands; a new number is ignored");
        Prediction done = WorkspaceFile.read(ws).predictions().get("p");
        assertEquals(r.answer(), done.revealed());
        assertEquals(r.answer() - 2000, done.gap());
        assertEquals(committed.committed(), done.committed());
        e = assertThrows(StudioException.class, () -> s.predict("p", r.answer()));
        assertTrue(e.oneLine().contains("was already committed and revealed"), e.oneLine());
    }

    @Test
    void hintsUnlockAfterFailedChecksAndTheirUseIsRecorded() throws Exception {
        Path ws = dir.resolve("ws");
        LessonSession s = LessonSession.start(lesson("one", 1), ws);
        assertEquals("look at the graph", s.showHint("act").orElseThrow().text());
        assertTrue(s.showHint("act").isEmpty(), "the second hint needs two failed checks");
        assertFalse(s.check("act").passed());
        assertFalse(s.check("act").passed());
        assertEquals(2, s.unlockedHints("act").size());
        assertEquals("remove the Flatten", s.showHint("act").orElseThrow().text());
        assertTrue(s.showHint("act").isEmpty());
        WorkspaceState st = LessonSession.open(s.lesson(), ws).state();
        assertEquals(2, st.hintsShown("act"));
        assertEquals(2, st.failedChecks("act"));
    }

    @Test
    void answersAreCheckedAgainstTheStep() throws Exception {
        LessonSession s = LessonSession.start(lesson("one", 1), dir.resolve("ws"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("c", "z")).oneLine().contains("no option 'z' (options: a, b)"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("c", "a,b")).oneLine().contains("give exactly one option id"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("n", "two")).oneLine().contains("'two' is not a number"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("act", "1")).oneLine().contains("is an action step and takes no answer"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("p", "1")).oneLine().contains("commit a prediction"));
        assertTrue(assertThrows(StudioException.class, () -> s.answer("nope", "1")).oneLine().contains("no step 'nope'"));
        s.answer("n", " 2.5 ");
        assertTrue(s.check("n").passed());
    }

    @Test
    void aStartThatFailsLeavesNoHalfMadeWorkspace() throws Exception {
        Path folder = LessonFixture.write(dir, "shapes", LessonFixture.header("shapes", 1).replace("  model.onnx: LENET\n",
                "  model.onnx: {from: LENET, input-shape: [image=1x1x32x32]}\n") + STEPS);
        Lesson l = LessonReader.read(folder);
        Path ws = dir.resolve("ws");
        StudioException e = assertThrows(StudioException.class, () -> LessonSession.start(l, ws));
        assertTrue(e.oneLine().contains("no input named 'image'"), e.oneLine());
        assertFalse(Files.exists(ws), "the folder the start made is gone again");
        Path existing = Files.createDirectories(dir.resolve("empty"));
        assertThrows(StudioException.class, () -> LessonSession.start(l, existing));
        assertEquals(List.of(), Files.list(existing).toList(), "an empty folder is left empty");
    }
}
