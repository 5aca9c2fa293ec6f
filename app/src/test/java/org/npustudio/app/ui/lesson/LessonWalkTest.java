package org.npustudio.app.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.app.cli.Cli;
import org.npustudio.app.lesson.CheckResult;
import org.npustudio.app.lesson.Grade;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonReader;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.lesson.Question;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.StepResult;
import org.npustudio.app.lesson.StepType;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.app.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every bundled lesson walked end to end in the real window's lesson pane (headless Monocle). A correct
 * student answers from the reference solution and does the action steps — for lessons 1 and 2 with the real
 * views (the pass pipelines run in the pass diff window, whose result is saved into the workspace), for the
 * others by applying the solution's artifacts through the same saves — and ends with full marks. A wrong
 * student answers wrongly and checks untouched work: each failing check shows the lesson's own message, hidden
 * checks only their points, hints unlock.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWalkTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    static Stream<Path> lessons() throws Exception { return BundledLessons.folders().stream(); }

    /**
     * Each lesson once, its action steps done as {@link BundledLessons#walkedThroughViews} says; a lesson done
     * with the views and having action steps once more by applying the solution's files, so that way is
     * tested on a lesson that exists today.
     */
    static Stream<Arguments> correctWalks() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path f : BundledLessons.folders()) {
            boolean views = BundledLessons.walkedThroughViews(f);
            out.add(Arguments.of(f, views));
            if (views && LessonReader.read(f).steps().stream().anyMatch(s -> s.type() == StepType.ACTION)) out.add(Arguments.of(f, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, action steps with the views: {1}")
    @MethodSource("correctWalks")
    void aCorrectStudentGetsFullMarks(Path folder, boolean views, FxRobot robot) throws Exception {
        Lesson lesson = LessonReader.read(folder);
        Solution solution = Solution.of(lesson);
        Path ws = dir.resolve("ws");
        PaneDriver d = new PaneDriver(robot, window);
        LessonPane pane = d.open(folder, ws);
        assertEquals(lesson.steps().get(0).id(), pane.current().id(), "a new workspace starts at the first step");
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step s = lesson.steps().get(i);
            d.goTo(i);
            assertViewFollows(d, s);
            StepResult r = switch (s.type()) {
                case THEORY -> null;
                case CHOICE -> d.choose(s, solution.answer(s));
                case NUMERIC -> d.type(s, solution.answer(s).get(0), false);
                case PREDICT -> {
                    StepResult p = d.type(s, solution.answer(s).get(0), true);
                    assertTrue(d.text("#lesson-reveal").contains("within the tolerance"), s.id() + ": " + d.text("#lesson-reveal"));
                    yield p;
                }
                case ACTION -> {
                    doAction(d, solution, s, ws, views);
                    yield d.check(s);
                }
            };
            if (r == null) continue;
            assertTrue(r.passed(), lesson.id() + " step " + s.id() + ": " + failures(r));
            assertEquals(s.points(), r.earned());
            assertEquals("\u2714 All checks pass \u00B7 " + s.points() + " / " + s.points() + " points", d.text("#lesson-result"));
        }
        for (Path f : solution.endFiles()) adopt(d, f.getFileName().toString(), f);
        Grade g = LessonSession.open(lesson, ws).grade();
        assertTrue(g.full(), lesson.id() + ": " + g.earned() + "/" + g.possible());
        assertEquals(lesson.totalPoints() + " / " + lesson.totalPoints() + " points", d.text("#lesson-points"), "the pane shows full marks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void aWrongStudentSeesTheFailingChecksWithTheirMessages(Path folder, FxRobot robot) throws Exception {
        Lesson lesson = LessonReader.read(folder);
        Solution solution = Solution.of(lesson);
        Path ws = dir.resolve("ws");
        LessonSession untouched = LessonSession.start(lesson, dir.resolve("untouched"));
        PaneDriver d = new PaneDriver(robot, window);
        d.open(folder, ws);
        int failed = 0;
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step s = lesson.steps().get(i);
            d.goTo(i);
            StepResult r = switch (s.type()) {
                case THEORY -> null;
                case CHOICE -> d.choose(s, wrongChoice((Question.Choice) s.question()));
                case NUMERIC -> d.type(s, wrong(((Question.Numeric) s.question()).answer()), false);
                case PREDICT -> {
                    StepResult p = d.type(s, wrong(solution.number(s)), true);
                    assertTrue(d.text("#lesson-reveal").contains("outside the tolerance"), s.id() + ": " + d.text("#lesson-reveal"));
                    yield p;
                }
                case ACTION -> d.check(s);
            };
            if (r == null) continue;
            // What the engine finds on an untouched copy is what the pane must show, check by check.
            StepResult expected = s.type() == StepType.ACTION ? untouched.check(s.id()) : null;
            for (CheckResult c : r.checks()) {
                boolean shouldPass = expected != null && expected.checks().get(c.check().index()).passed();
                assertEquals(shouldPass, c.passed(), s.id() + " check " + c.check().index());
                if (c.check().hidden()) continue;
                String row = d.text("#lesson-check-" + c.check().index());
                if (c.passed()) assertEquals(c.check().describe(), row);
                else {
                    assertTrue(row.startsWith(c.check().message()), s.id() + ": '" + row + "' starts with the lesson's message");
                    failed++;
                }
            }
            assertHiddenSummary(d, r);
            if (!r.passed()) assertHintsUnlock(d, s, untouched);
        }
        assertTrue(failed > 0, "a wrong student fails visible checks");
        Grade g = LessonSession.open(lesson, ws).grade();
        assertFalse(g.full());
        assertEquals(g.earned() + " / " + lesson.totalPoints() + " points", d.text("#lesson-points"));
    }

    /** The step's view hints reach the views: its node selected in the graph. */
    private void assertViewFollows(PaneDriver d, Step s) {
        if (s.view() == null || s.view().select() == null) return;
        assertEquals(s.view().select(), window.graphView().selectionProperty().get(), s.id() + " selects its node");
        if ("profiler".equals(s.view().tab())) assertTrue(d.present("#profiling-session"), s.id() + " opens the profiler");
    }

    /** The hidden checks of a step in one line, with their points and without their messages. */
    private static void assertHiddenSummary(PaneDriver d, StepResult r) {
        List<CheckResult> hidden = r.checks().stream().filter(c -> c.check().hidden()).toList();
        if (hidden.isEmpty()) {
            assertFalse(d.present("#lesson-hidden"));
            return;
        }
        String line = d.text("#lesson-hidden");
        assertEquals(CheckFeedback.hiddenLine(hidden.size(), hidden.stream().mapToInt(CheckResult::earned).sum(),
                hidden.stream().mapToInt(CheckResult::possible).sum()), line);
        for (CheckResult c : hidden) assertFalse(line.contains(c.check().message()), "a hidden check's message stays hidden");
    }

    /** After a failed check the first hint is available (hints unlocking later are not yet); showing it records it. */
    private static void assertHintsUnlock(PaneDriver d, Step s, LessonSession untouched) throws Exception {
        if (s.hints().isEmpty()) return;
        if (s.hints().get(0).afterFailures() > 1) {
            assertTrue(d.present("#lesson-hint-locked"), s.id());
            return;
        }
        d.fire("#lesson-hint");
        assertEquals("Hint 1: " + s.hints().get(0).text(), d.text("#lesson-hint-1"));
        assertEquals(1, d.pane().session().state().hintsShown(s.id()), "the hint is recorded in the workspace");
    }

    /** Does an action step: commands that compile model.onnx run in the pass diff view; anything else is applied as the solution's files. */
    private void doAction(PaneDriver d, Solution solution, Step s, Path ws, boolean views) throws Exception {
        Path scratch = dir.resolve("scratch-" + s.id());
        for (List<String> c : solution.commands(s, views ? ws : scratch)) {
            Optional<Optional<Path>> compile = Solution.compileOverModel(c, ws);
            if (views && compile.isPresent()) {
                d.runPipelineAndSave(compile.get().orElse(null));
                continue;
            }
            // The command's effect, made in a scratch copy of the workspace by the CLI, then saved as the views save.
            copyTree(ws, scratch);
            List<String> words = new ArrayList<>();
            for (String w : c) words.add(views ? w.replace(ws.toString(), scratch.toString()) : w);
            npustudio(words);
            for (String name : List.of(Workspaces.MODEL, Workspaces.PLAN, Workspaces.NPU)) {
                Path made = scratch.resolve(name);
                if (Files.isRegularFile(made) && !sameBytes(made, ws.resolve(name))) adopt(d, name, made);
            }
        }
        for (Path f : solution.stepFiles(s)) {
            if (views && f.getFileName().toString().equals(Workspaces.NPU)) d.editNpuAndSave(f);
            else adopt(d, f.getFileName().toString(), f);
        }
    }

    /** A plan through the partition editor's save; any other file into the workspace, the model reopened. */
    private void adopt(PaneDriver d, String name, Path file) throws Exception {
        if (name.equals(Workspaces.PLAN)) {
            d.drawPlanAndSave(file);
            return;
        }
        d.adopt(name, file);
    }

    private static String failures(StepResult r) {
        return String.join("; ", r.checks().stream().filter(c -> !c.passed()).map(c -> c.check().type() + ": " + c.detail()).toList());
    }

    /** Single choice: the first wrong option; multiple: every option (exactly the right ones is required). */
    private static List<String> wrongChoice(Question.Choice c) {
        if (c.multiple()) return c.options().stream().map(Question.Option::id).toList();
        return List.of(c.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow().id());
    }

    /** Far outside any tolerance a lesson would give. */
    private static String wrong(double answer) { return org.npustudio.app.lesson.Numbers.format(answer * 10 + 10); }

    private static void npustudio(List<String> args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = Cli.standard(ps, ps, Map.of()).run(args.toArray(String[]::new));
        if (status != 0) throw new AssertionError("npustudio " + String.join(" ", args) + " exited " + status + ": " + bytes.toString(StandardCharsets.UTF_8));
    }

    private static boolean sameBytes(Path a, Path b) throws Exception {
        return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
