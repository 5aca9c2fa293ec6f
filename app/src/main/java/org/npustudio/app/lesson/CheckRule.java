package org.npustudio.app.lesson;

import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;

/**
 * How one check type evaluates (one class per type in {@code lesson.check}, registered in
 * {@code CheckTypes}). Rules are immutable and compute from the real workspace files with the product's
 * code; a rule never hard-codes a result.
 */
public interface CheckRule {
    /** What the check asks, e.g. "no BatchNormalization node", "plan.yaml is legal". */
    String describe();

    /** Node names the rule refers to; {@code lesson validate} checks each exists in the start or solution model. */
    default List<String> nodeNames() { return List.of(); }

    /** Measures the rule computes; {@code lesson validate} checks their nodes, NPU files and pipelines. */
    default List<Measure> measures() { return List.of(); }

    /** Workspace files the rule reads (missing ones fail the check with a clear detail). */
    default Set<String> artifacts() { return Set.of(Workspaces.MODEL); }

    /**
     * Evaluates on a work state. A problem with the student's files (unreadable model, illegal plan) is a
     * failed outcome or a {@link StudioException} the grader turns into one; never a crash.
     */
    Outcome evaluate(CheckContext ctx) throws StudioException;

    /** The result: passed or not, and what was found (e.g. "3 BatchNormalization nodes left"). */
    record Outcome(boolean passed, String detail) {
        public static Outcome of(boolean passed, String detail) { return new Outcome(passed, detail); }
    }
}
