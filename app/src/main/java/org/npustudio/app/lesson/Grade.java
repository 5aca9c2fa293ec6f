package org.npustudio.app.lesson;

import java.nio.file.Path;
import java.util.List;

/** A whole lesson graded on one workspace: per step results and the total. */
public record Grade(Lesson lesson, Path workspace, List<StepResult> steps) {
    public Grade {
        steps = List.copyOf(steps);
    }

    public int earned() { return steps.stream().mapToInt(StepResult::earned).sum(); }

    public int possible() { return steps.stream().mapToInt(StepResult::possible).sum(); }

    /** Full marks: what {@code lesson check} exits 0 on. */
    public boolean full() { return earned() == possible(); }
}
