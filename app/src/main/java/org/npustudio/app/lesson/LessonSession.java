package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;

/**
 * A student's work on one lesson in one workspace folder: what the CLI's {@code lesson} commands and the
 * IDE's lesson pane drive. Every change of progress is written to {@code lesson-workspace.yaml} at once.
 * Headless; call it off the FX thread (checks open models, run ONNX Runtime and the simulator).
 */
public final class LessonSession {
    private final Lesson lesson;
    private final Path dir;
    private final WorkState work;
    private WorkspaceState state;

    private LessonSession(Lesson lesson, Path dir, WorkspaceState state) {
        this.lesson = lesson;
        this.dir = dir;
        this.work = WorkState.ofWorkspace(lesson, dir);
        this.state = state;
    }

    /**
     * Makes a workspace in {@code dir} (absent or empty): the start files (models with their input shapes
     * bound) and a fresh progress file. A folder that already is this lesson's workspace is opened as it is;
     * any other non-empty folder is refused and left untouched.
     */
    public static LessonSession start(Lesson lesson, Path dir) throws StudioException {
        if (WorkspaceFile.exists(dir)) return open(lesson, dir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "is a file, not a folder");
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new StudioException(dir.toString(), "", "is not empty and not a lesson workspace; start a lesson in a new or empty folder (nothing was written)");
        }
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot create folder: " + e.getMessage());
        }
        List<Path> written = new ArrayList<>();
        try {
            for (StartFile f : lesson.start()) {
                written.add(dir.resolve(f.name()));
                copy(f, dir.resolve(f.name()));
            }
            WorkspaceState s = WorkspaceState.fresh(lesson);
            WorkspaceFile.write(dir, s);
            return new LessonSession(lesson, dir, s);
        } catch (StudioException e) {
            // leave the folder as it was, so a second try is not refused as "not empty"
            for (Path p : written) deleteQuietly(p);
            if (created) deleteQuietly(dir);
            throw e;
        }
    }

    /** Opens an existing workspace; one of another lesson or another version of this one is refused. */
    public static LessonSession open(Lesson lesson, Path dir) throws StudioException {
        if (!WorkspaceFile.exists(dir)) {
            throw new StudioException(dir.toString(), "", "is not a lesson workspace (no " + Workspaces.STATE + "); make one with 'npustudio lesson start'");
        }
        WorkspaceState s = WorkspaceFile.read(dir);
        String file = WorkspaceFile.of(dir).toString();
        if (!s.lessonId().equals(lesson.id())) {
            throw new StudioException(file, "", "is a workspace of lesson '" + s.lessonId() + "', not '" + lesson.id() + "'; nothing was changed");
        }
        if (s.lessonVersion() != lesson.version()) {
            throw new StudioException(file, "", "was made for version " + s.lessonVersion() + " of lesson '" + lesson.id() + "', which is now version "
                    + lesson.version() + "; start a new workspace (nothing was changed)");
        }
        return new LessonSession(lesson, dir, s);
    }

    public Lesson lesson() { return lesson; }

    /** The workspace folder: the IDE opens model.onnx, plan.yaml and npu.yaml from it and saves over them. */
    public Path workspace() { return dir; }

    public WorkspaceState state() { return state; }

    /** The files as checks see them (cached by size and time). */
    public WorkState work() { return work; }

    public Step currentStep() {
        return lesson.step(state.currentStep()).orElse(lesson.steps().get(0));
    }

    public void goTo(String stepId) throws StudioException {
        save(state.withCurrentStep(step(stepId).id()));
    }

    /** Evaluates one step's checks; a run with a failed check is recorded (hints unlock on failures). */
    public StepResult check(String stepId) throws StudioException {
        StepResult r = Grader.step(lesson, step(stepId), work, state);
        if (!r.passed()) save(state.withFailedCheck(stepId));
        return r;
    }

    /** Every step, read-only. */
    public Grade grade() {
        return Grader.grade(lesson, dir, work, state);
    }

    /** Records the answer of a choice ({@code b}, {@code a,c}) or numeric step. */
    public void answer(String stepId, String value) throws StudioException {
        Step s = step(stepId);
        List<String> values;
        if (s.question() instanceof Question.Choice c) {
            values = Stream.of(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
            for (String v : values) {
                if (c.options().stream().noneMatch(o -> o.id().equals(v))) {
                    throw new StudioException(stepId, "", "no option '" + v + "' (options: "
                            + String.join(", ", c.options().stream().map(Question.Option::id).toList()) + ")");
                }
            }
            if (values.isEmpty() || (!c.multiple() && values.size() != 1)) {
                throw new StudioException(stepId, "", c.multiple() ? "give one or more option ids, e.g. a,c" : "give exactly one option id");
            }
        } else if (s.question() instanceof Question.Numeric) {
            Numbers.parse(stepId, value);
            values = List.of(value.trim());
        } else if (s.type() == StepType.PREDICT) {
            throw new StudioException(stepId, "", "is a predict step: commit a prediction instead");
        } else {
            throw new StudioException(stepId, "", "is " + s.type().withArticle() + " and takes no answer");
        }
        save(state.withAnswer(stepId, new Answer(values, Instant.now())));
    }

    /**
     * Commits a prediction (written before anything is computed), then computes the step's measure on the
     * work as it is now, records the revealed answer and gap, and returns them. A prediction is committed
     * once; a second one is refused.
     */
    public Reveal predict(String stepId, double value) throws StudioException {
        Step s = step(stepId);
        if (!(s.question() instanceof Question.Predict q)) throw new StudioException(stepId, "", "is not a predict step");
        Prediction earlier = state.predictions().get(stepId);
        if (earlier != null && earlier.revealed() != null) {
            throw new StudioException(stepId, "", "a prediction (" + Numbers.format(earlier.value()) + ") was already committed and revealed; it cannot be changed");
        }
        Prediction p = earlier != null ? earlier : new Prediction(value, Instant.now(), null);
        save(state.withPrediction(stepId, p));
        double answer = Measures.compute(q.measure(), work);
        save(state.withPrediction(stepId, p.reveal(answer)));
        return new Reveal(stepId, p.value(), answer, q.tolerance().accepts(answer, p.value()), q.unit(), q.measure().describe());
    }

    /** Hints of a step available now (unlocked by failures so far). */
    public List<Hint> unlockedHints(String stepId) throws StudioException {
        List<Hint> out = new ArrayList<>();
        for (Hint h : step(stepId).hints()) if (h.afterFailures() <= state.failedChecks(stepId)) out.add(h);
        return out;
    }

    /** Hints already shown for a step, in order. */
    public List<Hint> shownHints(String stepId) throws StudioException {
        List<Hint> all = step(stepId).hints();
        return all.subList(0, Math.min(all.size(), state.hintsShown(stepId)));
    }

    /** Shows the next hint when it is unlocked (recorded); empty when none is left or the next is still locked. */
    public Optional<Hint> showHint(String stepId) throws StudioException {
        List<Hint> all = step(stepId).hints();
        int next = state.hintsShown(stepId);
        if (next >= all.size() || all.get(next).afterFailures() > state.failedChecks(stepId)) return Optional.empty();
        save(state.withHintsShown(stepId, next + 1));
        return Optional.of(all.get(next));
    }

    /** Forgets cached files (after the IDE wrote one) and rereads the progress file. */
    public void refresh() throws StudioException {
        work.forget();
        state = WorkspaceFile.read(dir);
    }

    public Step step(String stepId) throws StudioException {
        return lesson.step(stepId).orElseThrow(() -> new StudioException(lesson.id(), "", "no step '" + stepId + "' (steps: "
                + String.join(", ", lesson.steps().stream().map(Step::id).toList()) + ")"));
    }

    private void save(WorkspaceState s) throws StudioException {
        WorkspaceFile.write(dir, s);
        state = s;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // what cannot be removed stays; the error already being reported says why the start failed
        }
    }

    private static boolean isEmpty(Path dir) throws StudioException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot list: " + e.getMessage());
        }
    }

    private static void copy(StartFile f, Path to) throws StudioException {
        if (f.isModel() && !f.inputShapes().isEmpty()) {
            Model m = org.npustudio.onnx.ModelOpener.open(f.source(),
                    org.npustudio.shape.ShapeBinding.parse(f.inputShapes(), List.of()));
            OnnxWriter.write(m, to);
            return;
        }
        try {
            Files.copy(f.source(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StudioException(f.source().toString(), "", "cannot copy to " + to + ": " + e.getMessage());
        }
    }
}
