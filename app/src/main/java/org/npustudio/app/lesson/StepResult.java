package org.npustudio.app.lesson;

import java.util.List;

/** The checks of one step, evaluated. */
public record StepResult(Step step, List<CheckResult> checks) {
    public StepResult {
        checks = List.copyOf(checks);
    }

    public int earned() { return checks.stream().mapToInt(CheckResult::earned).sum(); }

    public int possible() { return step.points(); }

    public boolean passed() { return checks.stream().allMatch(CheckResult::passed); }
}
