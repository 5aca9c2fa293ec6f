package org.npustudio.shape;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;

/**
 * The small tensors known while inferring: initializers and pinned inputs (decoded lazily, only when
 * small) and node outputs folded by {@link ConstantFolder}. This is what lets a PyTorch-style
 * {@code Shape -> Gather -> Unsqueeze -> Concat -> Reshape} chain end in a static shape.
 */
final class ConstantPropagation {
    private final Graph graph;
    private final Map<String, ConstValue> values = new HashMap<>();
    private final Set<String> decoded = new HashSet<>();
    private final ConstantPropagation outer;

    /** The constants of a subgraph: its own, then those of the scope around it. */
    ConstantPropagation(Graph graph, ConstantPropagation outer) {
        this.graph = graph;
        this.outer = outer;
    }

    ConstantPropagation(Graph graph, Map<String, Tensor> knownInputs) {
        this.graph = graph;
        this.outer = null;
        for (Map.Entry<String, Tensor> e : knownInputs.entrySet()) {
            ConstValue v = decode(e.getValue());
            if (v != null) values.put(e.getKey(), v);
            decoded.add(e.getKey());
        }
    }

    ConstValue value(String name) {
        ConstValue v = values.get(name);
        if (v != null || decoded.contains(name)) return v;
        decoded.add(name);
        Tensor t = graph.initializers().get(name);
        v = t != null ? decode(t) : outer != null && !graph.isGraphInput(name) ? outer.value(name) : null;
        if (v != null) values.put(name, v);
        return v;
    }

    private static ConstValue decode(Tensor t) {
        try {
            return ConstValue.of(t);
        } catch (RuntimeException e) {
            return null; // unreadable data is reported by the loader; here it just stays unknown
        }
    }

    /** Folds the node's outputs when its inputs are known; best effort, never fails inference. */
    void fold(InferenceContext c) {
        ConstValue v;
        try {
            v = ConstantFolder.fold(c);
        } catch (RuntimeException e) {
            return;
        }
        if (v == null || v.size() > ConstValue.MAX_ELEMENTS || !c.hasOutput(0)) return;
        if (c.output(0) instanceof TypeInfo.TensorType t && t.shape() != null && t.shape().isStatic()
                && t.shape().elementCount() != v.size()) {
            return; // the fold disagrees with the inferred shape; trust neither
        }
        values.put(c.node().output(0), v);
    }
}
