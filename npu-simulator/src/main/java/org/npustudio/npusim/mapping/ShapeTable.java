package org.npustudio.npusim.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;

/**
 * Static shapes of a graph's values. Declared types ({@code graph.typeOf}: inputs, outputs, value_info
 * filled by shape inference, initializers) win; where a value has none, the output shapes of the ops
 * the cost model needs are propagated here so that a model without value_info can still be costed.
 */
public final class ShapeTable {
    private final Graph graph;
    private final Map<String, long[]> shapes = new HashMap<>();

    private ShapeTable(Graph graph) { this.graph = graph; }

    public static ShapeTable resolve(Graph graph, List<Node> topological) {
        ShapeTable t = new ShapeTable(graph);
        for (Node n : topological) {
            for (String in : n.inputs()) t.declared(in);
            for (int i = 0; i < n.outputs().size(); i++) {
                String out = n.output(i);
                if (out.isEmpty() || t.declared(out) != null) continue;
                long[] s = ShapeRules.infer(n, i, t);
                if (s != null) t.shapes.put(out, s);
            }
        }
        return t;
    }

    /** The shape of a value or null when unknown or dynamic. */
    public long[] get(String value) {
        if (value == null || value.isEmpty()) return null;
        long[] s = shapes.get(value);
        return s != null ? s : declared(value);
    }

    public Map<String, long[]> all() { return shapes; }

    /** Constant integer contents of an initializer (Reshape targets, axes), or null. */
    long[] constantLongs(String value) {
        Tensor t = graph.initializers().get(value);
        if (t == null || t.elementCount() > 64) return null;
        try {
            return t.toLongs();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private long[] declared(String value) {
        if (value.isEmpty()) return null;
        long[] s = shapes.get(value);
        if (s != null) return s;
        TypeInfo type = graph.typeOf(value);
        if (type instanceof TypeInfo.TensorType tt && tt.shape() != null && tt.shape().isStatic()) {
            Shape shape = tt.shape();
            s = shape.sizes();
            shapes.put(value, s);
            return s;
        }
        return null;
    }
}
