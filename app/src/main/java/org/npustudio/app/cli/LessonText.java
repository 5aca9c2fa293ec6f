package org.npustudio.app.cli;

import java.io.PrintStream;
import org.npustudio.app.lesson.CheckResult;
import org.npustudio.app.lesson.Grade;
import org.npustudio.app.lesson.StepResult;

/** The text form of a lesson grade: one line per step, one per check, then the total. */
final class LessonText {
    private LessonText() {}

    static void grade(Grade g, PrintStream out) {
        out.println("lesson " + g.lesson().id() + " (version " + g.lesson().version() + "), workspace " + g.workspace());
        for (StepResult s : g.steps()) step(s, out);
        out.printf("total %d/%d%s%n", g.earned(), g.possible(), g.full() ? " (full marks)" : "");
    }

    static void step(StepResult s, PrintStream out) {
        if (s.checks().isEmpty()) {
            out.printf("%-26s %-8s  -%n", s.step().id(), s.step().type().yamlName());
            return;
        }
        out.printf("%-26s %-8s %3d/%d%n", s.step().id(), s.step().type().yamlName(), s.earned(), s.possible());
        for (CheckResult c : s.checks()) {
            out.printf("    %-4s %2d/%d  %s%s%n", c.passed() ? "ok" : "FAIL", c.earned(), c.possible(),
                    c.check().hidden() ? "[hidden] " : "", c.studentMessage());
        }
    }
}
