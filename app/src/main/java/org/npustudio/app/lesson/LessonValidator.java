package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.PipelineYaml;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlNode;

/**
 * The authoring check behind {@code lesson validate}: every name a lesson refers to exists, the reference
 * solution gets full marks, and the untouched start fails at least one check.
 */
public final class LessonValidator {
    /** Runs one {@code npustudio} command of {@code solution/commands.txt}; returns its exit status, output appended. */
    public interface CommandRunner {
        int run(List<String> args, StringBuilder output);
    }

    /** The outcome: both grades and the problems found (none: the lesson is valid). */
    public record Validation(Lesson lesson, Grade solution, Grade start, List<String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private LessonValidator() {}

    /**
     * Validates in temporary folders (removed afterwards). A mistake in a lesson file (a node that does not
     * exist, a bad answers.yaml) is thrown as one line naming file and line; grading problems are listed.
     */
    public static Validation validate(Lesson lesson, CommandRunner runner) throws StudioException {
        Path tmp = tempDir();
        try {
            Path solutionDir = tmp.resolve("solution");
            LessonSession solution = LessonSession.start(lesson, solutionDir);
            playSolution(lesson, solution, runner);
            Model solved = Files.isRegularFile(solutionDir.resolve(Workspaces.MODEL)) ? solution.work().model() : null;
            references(lesson, solved);
            List<String> problems = new ArrayList<>();
            Grade sol = solution.grade();
            for (StepResult s : sol.steps()) {
                for (CheckResult c : s.checks()) {
                    if (!c.passed()) {
                        problems.add(c.check().place() + ": the reference solution fails step '" + s.step().id() + "' check " + c.check().index()
                                + " (" + c.check().type() + "): " + c.check().describe() + (c.detail() == null ? "" : " — " + c.detail()));
                    }
                }
            }
            Grade start = LessonSession.start(lesson, tmp.resolve("start")).grade();
            if (start.full()) problems.add(lesson.file() + ": the untouched start gets full marks; the lesson checks nothing");
            return new Validation(lesson, sol, start, problems);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Every node a check, measure or view names exists in the start model or in {@code solved} (the reference
     * solution's model; may be null), and every NPU file a measure names is a start file.
     */
    public static void references(Lesson lesson, Model solved) throws StudioException {
        Model start = WorkState.ofStart(lesson).model();
        for (Step s : lesson.steps()) {
            if (s.view().select() != null) node(lesson, s.view().select(), start, solved, s.place());
            if (s.question() instanceof Question.Predict p) measure(lesson, p.measure(), start, solved);
            for (Check c : s.checks()) {
                for (String n : c.rule().nodeNames()) node(lesson, n, start, solved, c.place());
                for (Measure m : c.rule().measures()) measure(lesson, m, start, solved);
                for (String a : c.rule().artifacts()) {
                    if (!a.equals(Workspaces.MODEL) && !a.equals(Workspaces.PLAN) && lesson.startFile(a).isEmpty()) {
                        throw c.place().error("'" + a + "' is not one of the lesson's start files");
                    }
                }
            }
        }
    }

    private static void measure(Lesson lesson, Measure m, Model start, Model solved) throws StudioException {
        for (String n : m.nodeNames()) node(lesson, n, start, solved, m.place());
        String npu = m.param("npu");
        if (m.type().simulated() && lesson.startFile(npu == null ? Workspaces.NPU : npu).isEmpty()) {
            throw m.place().error("'" + (npu == null ? Workspaces.NPU : npu) + "' is not one of the lesson's start files");
        }
        String devices = m.param("devices");
        if (devices != null && lesson.startFile(devices).isEmpty()) throw m.place().error("'" + devices + "' is not one of the lesson's start files");
        String pipeline = m.param("pipeline");
        if (pipeline != null && !pipeline.equals("default")) {
            Path file = lesson.folder().resolve(pipeline);
            if (!Files.isRegularFile(file)) throw m.place().error("missing pipeline file " + file.normalize());
            PipelineYaml.read(file);
        }
    }

    private static void node(Lesson lesson, String name, Model start, Model solved, Place at) throws StudioException {
        if (start.graph().nodeById(name) != null) return;
        if (solved != null && solved.graph().nodeById(name) != null) return;
        throw at.error("no node named '" + name + "' in " + Workspaces.MODEL + " (start) or the solution");
    }

    private static void playSolution(Lesson lesson, LessonSession ws, CommandRunner runner) throws StudioException {
        Path sol = lesson.solutionFolder();
        if (!Files.isDirectory(sol)) throw new StudioException(sol.toString(), "", "missing: a lesson needs a reference solution folder");
        Map<String, YamlNode> answers = answers(lesson);
        Map<String, List<List<String>>> commands = SolutionCommands.read(sol.resolve("commands.txt"), lesson, ws.workspace());
        run(commands.getOrDefault("", List.of()), runner, sol);
        for (Step s : lesson.steps()) {
            run(commands.getOrDefault(s.id(), List.of()), runner, sol);
            copyFiles(sol.resolve(s.id()), ws.workspace());
            YamlNode a = answers.get(s.id());
            if (!s.type().answered()) continue;
            if (a == null) throw new StudioException(sol.resolve("answers.yaml").toString(), "", "no answer for step '" + s.id() + "'");
            if (s.type() == StepType.PREDICT) ws.predict(s.id(), a.doubleValue());
            else ws.answer(s.id(), a.isSequence() ? String.join(",", a.textList()) : a.text());
        }
        copyFiles(sol, ws.workspace());
    }

    private static Map<String, YamlNode> answers(Lesson lesson) throws StudioException {
        Path file = lesson.solutionFolder().resolve("answers.yaml");
        if (!Files.isRegularFile(file)) return Map.of();
        Map<String, YamlNode> out = SafeYaml.read(file).entries();
        for (Map.Entry<String, YamlNode> e : out.entrySet()) {
            var step = lesson.step(e.getKey());
            if (step.isEmpty()) throw e.getValue().error("no step '" + e.getKey() + "' in the lesson");
            if (!step.get().type().answered()) throw e.getValue().error("step '" + e.getKey() + "' is " + step.get().type().withArticle() + " and takes no answer");
        }
        return out;
    }

    private static void run(List<List<String>> commands, CommandRunner runner, Path sol) throws StudioException {
        for (List<String> c : commands) {
            StringBuilder out = new StringBuilder();
            int status = runner.run(c, out);
            if (status != 0) {
                throw new StudioException(sol.resolve("commands.txt").toString(), "", "'npustudio " + String.join(" ", c) + "' exited "
                        + status + ": " + out.toString().strip().replace('\n', ' '));
            }
        }
    }

    /** Regular files of {@code from} (not answers.yaml, commands.txt or step folders) copied into the workspace. */
    private static void copyFiles(Path from, Path to) throws StudioException {
        if (!Files.isDirectory(from)) return;
        Set<String> skip = Set.of("answers.yaml", "commands.txt");
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !skip.contains(p.getFileName().toString())).sorted().toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StudioException(from.toString(), "", "cannot copy the solution files: " + e.getMessage());
        }
    }

    private static Path tempDir() throws StudioException {
        try {
            return Files.createTempDirectory("npustudio-lesson-");
        } catch (IOException e) {
            throw new StudioException(System.getProperty("java.io.tmpdir"), "", "cannot make a temporary folder: " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

}
