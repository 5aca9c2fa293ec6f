package org.npustudio.plan;

import java.util.List;

/**
 * What {@link PlanValidator} found. {@link #executionOrder()} is the order partitions can run in
 * (a topological order of the partition graph that follows plan order where it can; the catch-all
 * last among ready ones) — empty when the partition graph has a cycle.
 */
public record ValidationReport(List<PlanIssue> issues, List<String> executionOrder, long nanos) {
    public ValidationReport {
        issues = List.copyOf(issues);
        executionOrder = List.copyOf(executionOrder);
    }

    public boolean isLegal() { return issues.stream().noneMatch(PlanIssue::isError); }

    public List<PlanIssue> errors() { return issues.stream().filter(PlanIssue::isError).toList(); }

    public List<PlanIssue> warnings() { return issues.stream().filter(i -> !i.isError()).toList(); }

    public List<PlanIssue> of(PlanIssue.Kind kind) { return issues.stream().filter(i -> i.kind() == kind).toList(); }
}
