package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.npustudio.ir.TypeInfo;

/** What shape inference achieved on one graph: one line per node, plus declared/inferred disagreements. */
public final class ShapeInferenceReport {
    public enum Status {
        /** Every output has an element type and a shape (dims may be symbolic or unknown). */
        INFERRED,
        /** Some output stays unknown because an input's type or shape was unknown. */
        PARTIAL,
        /** Some output dims depend on runtime data values that are not constants. */
        DATA_DEPENDENT,
        /** No rule for this operator; its outputs keep whatever type the file declared. */
        UNSUPPORTED,
        /** The node contradicts its inputs (e.g. mismatched MatMul dims); the reason says how. */
        FAILED
    }

    public record NodeResult(String nodeId, String nodeName, String opType, Status status, String reason) {
        /** One line naming the node, e.g. "Reshape 'r1': data-dependent: ...". */
        public String describe() {
            String label = opType + " '" + nodeName + "'";
            return reason == null ? label + ": " + status.name().toLowerCase() : label + ": "
                    + status.name().toLowerCase().replace('_', '-') + ": " + reason;
        }
    }

    /** The file declared one type for a value and inference found another; the declared one was kept. */
    public record Conflict(String value, TypeInfo declared, TypeInfo inferred, String problem) {
        public String describe() { return "value '" + value + "': " + problem; }
    }

    private final String graphName;
    private final List<NodeResult> nodes = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<ShapeInferenceReport> subgraphs = new ArrayList<>();
    private String graphProblem;

    ShapeInferenceReport(String graphName) {
        this.graphName = graphName;
    }

    void add(NodeResult r) { nodes.add(r); }

    void addConflict(Conflict c) { conflicts.add(c); }

    void setGraphProblem(String p) { graphProblem = p; }

    void addSubgraph(ShapeInferenceReport r) { subgraphs.add(r); }

    /** An If branch that a constant condition never takes: not inferred (it may be invalid for these shapes). */
    public record DeadBranch(String nodeId, String branch) {}

    private final List<DeadBranch> deadBranches = new ArrayList<>();

    void addDeadBranch(DeadBranch d) { deadBranches.add(d); }

    /** The dead If branches of this graph (not of its subgraphs). */
    public List<DeadBranch> deadBranches() { return Collections.unmodifiableList(deadBranches); }

    /** The reports of If branches and Loop/Scan bodies inferred inside this graph, in visiting order. */
    public List<ShapeInferenceReport> subgraphs() { return Collections.unmodifiableList(subgraphs); }

    public String graphName() { return graphName; }

    public List<NodeResult> nodes() { return Collections.unmodifiableList(nodes); }

    public List<Conflict> conflicts() { return Collections.unmodifiableList(conflicts); }

    /** A problem with the graph as a whole (e.g. a cycle, so nodes were visited in file order), or null. */
    public String graphProblem() { return graphProblem; }

    public NodeResult result(String nodeId) {
        for (NodeResult r : nodes) if (r.nodeId().equals(nodeId)) return r;
        return null;
    }

    public List<NodeResult> withStatus(Status s) {
        return nodes.stream().filter(r -> r.status() == s).toList();
    }

    public long count(Status s) { return nodes.stream().filter(r -> r.status() == s).count(); }

    public String summary() {
        StringBuilder b = new StringBuilder("shape inference of '" + graphName + "': ");
        for (Status s : Status.values()) {
            long n = count(s);
            if (n > 0) b.append(n).append(' ').append(s.name().toLowerCase().replace('_', '-')).append(", ");
        }
        b.append(conflicts.size()).append(" conflicts");
        if (graphProblem != null) b.append("; ").append(graphProblem);
        return b.toString();
    }
}
