package org.npustudio.npusim.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.shape.ShapeInference;

/** Static shapes of a graph's values, read from their types (inputs, outputs, value_info, initializers). */
public final class ShapeTable {
    private final Graph graph;
    private final Map<String, long[]> shapes = new HashMap<>();

    private ShapeTable(Graph graph) { this.graph = graph; }

    /**
     * Shapes of every value. When some node output has no declared type (a graph handed over without
     * shape inference), shape inference runs first; a graph outside any model is inferred in an
     * opset-17 context.
     */
    public static ShapeTable resolve(Graph graph, List<Node> topological) {
        ShapeTable t = new ShapeTable(graph);
        boolean missing = false;
        for (Node n : topological) {
            for (String out : n.outputs()) if (!out.isEmpty() && t.declared(out) == null) missing = true;
        }
        if (missing) {
            Model context = new Model(graph);
            context.setIrVersion(8);
            context.opsetImports().add(new OpsetId("", 17));
            ShapeInference.infer(context, graph);
            t.shapes.clear();
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
