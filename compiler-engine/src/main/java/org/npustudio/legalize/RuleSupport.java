package org.npustudio.legalize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;

/**
 * Builds the standard nodes one expansion emits, in order, each with provenance to the node being
 * expanded. A fused node's provenance lists the ids it replaced; the expansion gives those ids back to
 * the matching standard nodes when they are free, so Conv+Relu → FusedConv → Conv+Relu ends with the
 * original ids, and diffs and plans still line up after legalization.
 */
final class RuleSupport {
    final Graph graph;
    final Model model;
    final Node origin;
    final List<Node> emitted = new ArrayList<>();
    /** Names and ids minted by this expansion; the graph's own are asked of its look-up maps (O(1) each). */
    private final Set<String> names = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private int reused;

    RuleSupport(Graph graph, Model model, Node origin) {
        this.graph = graph;
        this.model = model;
        this.origin = origin;
    }

    long opset() {
        long v = model.opsetVersion("");
        return v > 0 ? v : 21;
    }

    String freshValue(String base) {
        String n = base;
        for (int k = 1; taken(n) || !names.add(n); k++) n = base + "_" + k;
        return n;
    }

    private boolean taken(String value) {
        return graph.producer(value) != null || !graph.consumers(value).isEmpty() || graph.isInitializer(value)
                || graph.valueInfo(value) != null || graph.isGraphInput(value)
                || graph.outputs().stream().anyMatch(o -> o.name().equals(value));
    }

    /** A scalar float initializer. */
    String scalar(String base, float v) {
        String n = freshValue(base);
        graph.putInitializer(Tensor.ofFloats(n, new long[0], new float[] {v}));
        return n;
    }

    String int64s(String base, long... v) {
        String n = freshValue(base);
        graph.putInitializer(Tensor.ofLongs(n, new long[] {v.length}, v));
        return n;
    }

    /**
     * Emits a standard node. {@code reuseOriginalId} takes the next id from the origin's provenance
     * when it is not in use; otherwise the id is fresh.
     */
    Node emit(String opType, String domain, List<String> inputs, List<String> outputs, boolean reuseOriginalId, Attribute... attrs) {
        String id = null;
        if (reuseOriginalId && reused < origin.provenance().size()) {
            String candidate = origin.provenance().get(reused++);
            if (graph.nodeById(candidate) == null && !ids.contains(candidate)) id = candidate;
        }
        if (id == null) id = model.freshNodeId(origin.id() + "_" + opType);
        ids.add(id);
        Node n = new Node(id, id, opType, domain, inputs, outputs);
        for (Attribute a : attrs) n.setAttribute(a);
        n.setProvenance(List.of(origin.id()));
        emitted.add(n);
        return n;
    }

    /** Emits the node that continues the origin itself (same id and provenance), e.g. Nhwc's wrapped op. */
    Node emitAsOrigin(String opType, String domain, List<String> inputs, List<String> outputs, Attribute... attrs) {
        Node n = new Node(origin.id(), origin.name(), opType, domain, inputs, outputs);
        for (Attribute a : attrs) n.setAttribute(a);
        n.setProvenance(origin.provenance());
        emitted.add(n);
        return n;
    }

    /** Replaces the origin by the emitted nodes, at its position in file order. */
    void commit() {
        int at = graph.nodes().indexOf(origin);
        graph.removeNode(origin);
        for (Node n : emitted) graph.addNode(Math.min(at++, graph.nodes().size()), n);
    }
}
