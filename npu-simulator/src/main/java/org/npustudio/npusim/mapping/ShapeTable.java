package org.npustudio.npusim.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeInference;

/** Static shapes of a graph's values, read from their types (inputs, outputs, value_info, initializers). */
public final class ShapeTable {
    private final Graph graph;
    private final ShapeTable outer;
    private final Map<String, long[]> shapes = new HashMap<>();
    private final Set<String> defined;

    private ShapeTable(Graph graph, ShapeTable outer) {
        this.graph = graph;
        this.outer = outer;
        this.defined = outer == null ? Set.of() : graph.definedValues();
    }

    /** True when the value is read from an enclosing graph. */
    private boolean captured(String value) { return outer != null && !defined.contains(value); }

    /**
     * Shapes of every value. When some node output has no declared type (a graph handed over without
     * shape inference), shape inference runs first; a graph outside any model is inferred in an
     * opset-17 context.
     */
    public static ShapeTable resolve(Graph graph, List<Node> topological) {
        ShapeTable t = new ShapeTable(graph, null);
        if (t.missing(topological)) {
            infer(graph, Map.of());
            t.shapes.clear();
        }
        return t;
    }

    /**
     * Shapes inside a subgraph (If branch, Loop/Scan body) whose captured values resolve in {@code outer}.
     * Shape inference does not enter bodies, so a body with untyped values is inferred here, its captured
     * outer values seeded as temporary graph inputs (removed again afterwards).
     */
    static ShapeTable body(Graph body, ShapeTable outer) {
        ShapeTable t = new ShapeTable(body, outer);
        if (!t.missing(body.topologicalOrder())) return t;
        List<ValueInfo> original = List.copyOf(body.inputs());
        List<ValueInfo> seeded = new ArrayList<>(original);
        Map<String, Tensor> values = new HashMap<>();
        for (String v : body.outerScopeReferences()) {
            TypeInfo type = outer.typeOf(v);
            if (type != null) seeded.add(new ValueInfo(v, type, "", null, null));
            // Captured weights and constants keep their values, so shapes computed from them (Reshape targets) resolve.
            Tensor value = outer.constant(v);
            if (value != null) values.put(v, value);
        }
        try {
            body.setInputs(seeded);
            infer(body, values);
        } finally {
            body.setInputs(original);
        }
        t.shapes.clear();
        return t;
    }

    private boolean missing(List<Node> topological) {
        for (Node n : topological) {
            for (String out : n.outputs()) if (!out.isEmpty() && declared(out) == null) return true;
        }
        return false;
    }

    private static void infer(Graph graph, Map<String, Tensor> knownValues) {
        Model context = new Model(graph);
        context.setIrVersion(8);
        context.opsetImports().add(new OpsetId("", 17));
        ShapeInference.infer(context, graph, knownValues);
    }

    /** The constant tensor behind a value (initializer or Constant node, here or in an enclosing graph), or null. */
    Tensor constant(String value) {
        Tensor t = graph.initializers().get(value);
        if (t == null) t = constantNodeValue(value);
        if (t == null && captured(value)) t = outer.constant(value);
        return t;
    }

    /** The declared type of a value here or in an enclosing graph, or null. */
    TypeInfo typeOf(String value) {
        TypeInfo t = graph.typeOf(value);
        if (t == null && captured(value)) return outer.typeOf(value);
        return t;
    }

    /** The shape of a value or null when unknown or dynamic. */
    public long[] get(String value) {
        if (value == null || value.isEmpty()) return null;
        long[] s = shapes.get(value);
        if (s == null) s = declared(value);
        if (s == null && captured(value)) s = outer.get(value);
        return s;
    }

    public Map<String, long[]> all() { return shapes; }

    /** A shape the enclosing node implies for an undeclared body input (Loop carried values, Scan slices). */
    void assume(String value, long[] shape) {
        if (shape != null && declared(value) == null) shapes.put(value, shape);
    }

    /** Constant integer contents of an initializer (Reshape targets, axes), or null. */
    long[] constantLongs(String value) {
        Tensor t = graph.initializers().get(value);
        if (t == null) t = constantNodeValue(value);
        if (t == null) return outer == null ? null : outer.constantLongs(value);
        if (t.elementCount() > 64) return null;
        try {
            return t.toLongs();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Tensor constantNodeValue(String value) {
        Node p = graph.producer(value);
        if (p == null || !p.opType().equals("Constant") || p.attribute("value") == null) return null;
        return p.attribute("value").value() instanceof Tensor t ? t : null;
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
