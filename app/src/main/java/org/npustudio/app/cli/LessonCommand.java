package org.npustudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.npustudio.app.lesson.Grade;
import org.npustudio.app.lesson.GradeExport;
import org.npustudio.app.lesson.Hint;
import org.npustudio.app.lesson.Lesson;
import org.npustudio.app.lesson.LessonLibrary;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.lesson.LessonValidator;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.app.lesson.Reveal;
import org.npustudio.app.lesson.Step;
import org.npustudio.app.lesson.StepResult;
import org.npustudio.app.lesson.StepType;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;

/** {@code npustudio lesson list|start|check|answer|hint|validate}: guided lessons and grading (docs/lessons.md). */
@Command(name = "lesson", description = "guided lessons: start a workspace, answer, check and grade it, validate a lesson",
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Start.class, LessonCommand.Check.class, LessonCommand.Answer.class,
                LessonCommand.HintCommand.class, LessonCommand.Validate.class},
        footer = "LESSON is a bundled lesson's id or a lesson folder (or its lesson.yaml).")
final class LessonCommand extends CommandGroup {
    private static final String LESSON = "a bundled lesson's id or a lesson folder (or its lesson.yaml)";

    /** {@code LESSON DIR}: the lesson and the student's workspace folder (a picocli mixin). */
    static final class Workspace {
        @Parameters(index = "0", paramLabel = "LESSON", description = LESSON)
        String lessonName;

        @Parameters(index = "1", paramLabel = "DIR", description = "the workspace folder")
        Path dir;

        LessonSession open() throws StudioException {
            return LessonSession.open(LessonLibrary.find(lessonName), dir);
        }
    }

    @Command(name = "list", description = "the bundled lessons (samples/lessons): id, title, minutes, steps, points",
            footer = "A lesson that does not read is reported on stderr (exit 2) and the others are listed.")
    static final class ListLessons extends StudioCommand {
        @Option(names = "--json", description = "one JSON array")
        boolean json;

        @Override
        public int run() throws StudioException {
            LessonLibrary.Scan scan = LessonLibrary.scan();
            List<Lesson> lessons = scan.lessons();
            for (StudioException e : scan.problems()) ctx.err().println("npustudio: " + e.oneLine());
            if (json) {
                ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode arr = m.createArrayNode();
                for (Lesson l : lessons) {
                    ObjectNode o = arr.addObject();
                    o.put("id", l.id());
                    o.put("title", l.title());
                    o.put("version", l.version());
                    o.put("minutes", l.minutes());
                    o.put("steps", l.steps().size());
                    o.put("points", l.totalPoints());
                    o.put("summary", l.summary());
                    o.put("folder", l.folder().toString());
                }
                ctx.out().println(arr.toPrettyString());
                return scan.problems().isEmpty() ? Cli.OK : Cli.USER_ERROR;
            }
            if (lessons.isEmpty()) ctx.out().println("no lessons in " + LessonLibrary.folder());
            for (Lesson l : lessons) {
                ctx.out().printf("%-28s %-36s %3d min %3d steps %4d points%n", l.id(), l.title(), l.minutes(), l.steps().size(), l.totalPoints());
            }
            return scan.problems().isEmpty() ? Cli.OK : Cli.USER_ERROR;
        }
    }

    @Command(name = "start", description = "make a student workspace in DIR (new or empty)",
            footer = """
                    Writes model.onnx, npu.yaml, ... and lesson-workspace.yaml. A folder that is already this
                    lesson's workspace is left as it is; any other non-empty folder is refused.""")
    static final class Start extends StudioCommand {
        @Mixin Workspace workspace;

        @Override
        public int run() throws StudioException {
            Lesson lesson = LessonLibrary.find(workspace.lessonName);
            Path dir = workspace.dir;
            boolean existed = org.npustudio.app.lesson.WorkspaceFile.exists(dir);
            LessonSession s = LessonSession.start(lesson, dir);
            if (existed) {
                ctx.out().println(dir + " is already a workspace of " + lesson.id() + " (version " + lesson.version() + "); left as it is");
            } else {
                ctx.out().println("started " + lesson.id() + " (version " + lesson.version() + ", " + lesson.minutes() + " min, "
                        + lesson.totalPoints() + " points) in " + dir + ": "
                        + String.join(", ", lesson.start().stream().map(f -> f.name()).toList()));
            }
            Step first = s.currentStep();
            ctx.out().println("current step: " + first.id() + " — " + first.title());
            return Cli.OK;
        }
    }

    @Command(name = "check", description = "grade the workspace: points per step and check, and the total",
            footer = """
                    Hidden checks show their points, not their message. --step checks one step and records a
                    failed attempt (hints unlock after failures); otherwise the workspace is only read.
                    Exit 0 only at full marks (of the step with --step), 1 otherwise.""")
    static final class Check extends StudioCommand {
        @Mixin Workspace workspace;

        @Option(names = "--json", description = "the grade as JSON")
        boolean json;

        @Option(names = "--csv", paramLabel = "FILE", description = "also write the grade as CSV")
        Path csv;

        @Option(names = "--step", paramLabel = "ID", description = "check this step only (and record a failed attempt)")
        String stepId;

        @Override
        public int run() throws StudioException {
            LessonSession s = workspace.open();
            Grade g;
            boolean ok;
            if (stepId != null) {
                StepResult r = s.check(stepId);
                g = new Grade(s.lesson(), s.workspace(), List.of(r));
                ok = r.earned() == r.possible();
            } else {
                g = s.grade();
                ok = g.full();
            }
            if (csv != null) AtomicFiles.writeString(csv, GradeExport.csv(g));
            if (json) ctx.out().print(GradeExport.json(g));
            else LessonText.grade(g, ctx.out());
            return ok ? Cli.OK : 1;
        }
    }

    @Command(name = "answer", description = "answer a choice (b, or a,c), numeric or predict step",
            footer = """
                    A prediction is committed and recorded first; then the answer is computed from the workspace,
                    shown and recorded.""")
    static final class Answer extends StudioCommand {
        @Mixin Workspace workspace;

        @Parameters(index = "2", paramLabel = "STEP", description = "the step's id")
        String stepId;

        @Parameters(index = "3", paramLabel = "VALUE", description = "the answer")
        String value;

        @Override
        public int run() throws StudioException {
            LessonSession s = workspace.open();
            Step step = s.step(stepId);
            if (step.type() == StepType.PREDICT) {
                Reveal r = s.predict(stepId, Numbers.parse(stepId, value));
                ctx.out().println("committed prediction " + Numbers.format(r.predicted()) + unit(r.unit()) + " for " + stepId
                        + " at " + s.state().predictions().get(stepId).committed());
                ctx.out().println("revealed: " + r.measured() + " = " + Numbers.format(r.answer()) + unit(r.unit())
                        + "; your prediction " + Numbers.format(r.predicted()) + ", gap " + Numbers.format(r.gap())
                        + (r.within() ? " (within tolerance)" : " (outside the tolerance)"));
            } else {
                s.answer(stepId, value);
                ctx.out().println("recorded answer '" + value + "' for " + stepId);
            }
            StepResult r = s.check(stepId);
            LessonText.step(r, ctx.out());
            return r.earned() == r.possible() ? Cli.OK : 1;
        }
    }

    @Command(name = "hint", description = "show the next unlocked hint of a step and record that it was used")
    static final class HintCommand extends StudioCommand {
        @Mixin Workspace workspace;

        @Parameters(index = "2", paramLabel = "STEP", description = "the step's id")
        String stepId;

        @Override
        public int run() throws StudioException {
            LessonSession s = workspace.open();
            List<Hint> all = s.step(stepId).hints();
            int shown = s.state().hintsShown(stepId);
            Optional<Hint> h = s.showHint(stepId);
            if (h.isPresent()) {
                ctx.out().println("hint " + (shown + 1) + " of " + all.size() + ": " + h.get().text().strip());
            } else if (shown >= all.size()) {
                ctx.out().println(all.isEmpty() ? "step " + stepId + " has no hints" : "no more hints for " + stepId + " (" + all.size() + " shown)");
            } else {
                ctx.out().println("the next hint unlocks after " + all.get(shown).afterFailures() + " failed checks of " + stepId
                        + " (" + s.state().failedChecks(stepId) + " so far; 'lesson check --step " + stepId + "' records one)");
            }
            return Cli.OK;
        }
    }

    @Command(name = "validate", description = "the authoring check of a lesson",
            footer = """
                    Schema, files and node names, the reference solution gets full marks, the untouched start
                    fails a check. Exit 0 when valid, 1 when not.""")
    static final class Validate extends StudioCommand {
        @Parameters(paramLabel = "LESSON", description = LESSON)
        String lessonName;

        @Override
        public int run() throws StudioException {
            Lesson lesson = LessonLibrary.find(lessonName);
            LessonValidator.Validation v = LessonValidator.validate(lesson, (cmd, out) -> runNested(ctx, cmd, out));
            for (String p : v.problems()) ctx.out().println(p);
            long failing = v.start().steps().stream().flatMap(s -> s.checks().stream()).filter(c -> !c.passed()).count();
            ctx.out().printf("%s %s (version %d, %d steps): %s; solution %d/%d, untouched start %d/%d (%d checks fail)%n",
                    v.ok() ? "valid:" : "INVALID:", lesson.id(), lesson.version(), lesson.steps().size(),
                    v.ok() ? "ok" : v.problems().size() + " problem" + (v.problems().size() == 1 ? "" : "s"),
                    v.solution().earned(), v.solution().possible(), v.start().earned(), v.start().possible(), failing);
            return v.ok() ? Cli.OK : 1;
        }
    }

    /** Runs one command of a solution's commands.txt through this CLI, capturing what it printed. */
    private static int runNested(CliContext ctx, List<String> cmd, StringBuilder output) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new Cli(ctx.commands(), ps, ps, ctx.env()).run(cmd.toArray(String[]::new));
        output.append(bytes.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static String unit(String u) {
        return u == null || u.isEmpty() ? "" : " " + u;
    }
}
