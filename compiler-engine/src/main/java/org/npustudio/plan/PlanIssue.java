package org.npustudio.plan;

import java.util.List;

/**
 * One finding of {@link PlanValidator}.
 *
 * @param partition the partition concerned (empty for plan-wide findings)
 * @param nodes     node ids concerned; for {@link Kind#NON_CONVEX} the offending path in order: a member,
 *                  the outside nodes, then the member it re-enters at; for {@link Kind#PARTITION_CYCLE} the
 *                  partition names around the cycle
 */
public record PlanIssue(Severity severity, Kind kind, String partition, List<String> nodes, String message) {
    public enum Severity { ERROR, WARNING }

    public enum Kind {
        UNKNOWN_NODE, DUPLICATE_NODE, UNKNOWN_DEVICE, EMPTY_PARTITION, MODEL_MISMATCH, NON_CONVEX, PARTITION_CYCLE,
        UNSUPPORTED_OP, UNSUPPORTED_TYPE, UNSUPPORTED_PRECISION
    }

    public PlanIssue {
        nodes = List.copyOf(nodes);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** One line: {@code error: partition p1: ...}. */
    @Override
    public String toString() {
        return severity.name().toLowerCase() + ": " + (partition.isEmpty() ? "" : "partition " + partition + ": ") + message;
    }
}
