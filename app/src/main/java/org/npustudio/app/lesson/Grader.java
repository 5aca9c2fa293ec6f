package org.npustudio.app.lesson;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;

/**
 * Evaluates checks. A check that cannot be evaluated because of the student's files (missing plan.yaml, a
 * model that does not load, a measure that cannot be known) fails with that one-line problem as its detail;
 * grading never stops half way.
 */
public final class Grader {
    private Grader() {}

    public static Grade grade(Lesson lesson, Path workspace, WorkState work, WorkspaceState answers) {
        List<StepResult> steps = new ArrayList<>();
        for (Step s : lesson.steps()) steps.add(step(lesson, s, work, answers));
        return new Grade(lesson, workspace, steps);
    }

    public static StepResult step(Lesson lesson, Step step, WorkState work, WorkspaceState answers) {
        CheckContext ctx = new CheckContext(lesson, step, work, answers);
        List<CheckResult> results = new ArrayList<>();
        for (Check c : step.checks()) {
            CheckRule.Outcome o;
            try {
                o = c.rule().evaluate(ctx);
            } catch (StudioException e) {
                o = CheckRule.Outcome.of(false, e.oneLine());
            } catch (UncheckedIOException e) {
                o = CheckRule.Outcome.of(false, String.valueOf(e.getMessage()));
            }
            results.add(new CheckResult(c, o.passed(), o.passed() ? c.points() : 0, o.detail()));
        }
        return new StepResult(step, results);
    }
}
