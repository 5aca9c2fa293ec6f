package org.npustudio.npusim.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Attribute;
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

    private ShapeTable(Graph graph, ShapeTable outer, Set<String> defined) {
        this.graph = graph;
        this.outer = outer;
        this.defined = defined;
    }

    /** True when the value is read from an enclosing graph. */
    private boolean captured(String value) { return outer != null && !defined.contains(value); }

    /**
     * Shapes of every value. When some node output has no declared type (a graph handed over without
     * shape inference), shape inference runs first; a graph outside any model is inferred in an
     * opset-17 context.
     */
    public static ShapeTable resolve(Graph graph, List<Node> topological) {
        ShapeTable t = new ShapeTable(graph, null, Set.of());
        if (t.missing(topological)) {
            infer(graph, Map.of());
            t.shapes.clear();
        }
        return t;
    }

    /**
     * Shapes inside a subgraph (If branch, Loop/Scan body) whose captured values resolve in {@code outer}.
     * Shape inference does not enter bodies, so a body with untyped values is inferred here — on a scratch
     * copy (same values, fresh nodes), never on the model, which the IDE may be drawing meanwhile — with the
     * captured outer values seeded as inputs, weights and constants with their values.
     */
    static ShapeTable body(Graph body, ShapeTable outer) {
        Set<String> defined = body.definedValues();
        ShapeTable t = new ShapeTable(body, outer, defined);
        if (!t.missing(body.topologicalOrder())) return t;
        Graph scratch = new Graph(body.name());
        for (ValueInfo v : body.inputs()) scratch.addInput(v);
        for (Tensor w : body.initializers().values()) scratch.putInitializer(w);
        for (ValueInfo v : body.valueInfos()) scratch.putValueInfo(v);
        for (ValueInfo v : body.outputs()) scratch.addOutput(v);
        for (Node n : body.nodes()) {
            Node copy = new Node(n.id(), n.name(), n.opType(), n.domain(), n.inputs(), n.outputs());
            for (Attribute a : n.attributes().values()) copy.setAttribute(a);
            scratch.addNode(copy);
        }
        Map<String, Tensor> values = new HashMap<>();
        for (String v : body.outerScopeReferences()) {
            TypeInfo type = outer.typeOf(v);
            if (type != null) scratch.addInput(new ValueInfo(v, type, "", null, null));
            // Captured weights and constants keep their values, so shapes computed from them (Reshape targets) resolve.
            Tensor value = outer.constant(v);
            if (value != null) values.put(v, value);
        }
        infer(scratch, values);
        return new ShapeTable(scratch, outer, defined);
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

    /** Elements of a static shape (1 for a scalar), failing on overflow. */
    static long elements(long[] shape) {
        long p = 1;
        for (long v : shape) p = Math.multiplyExact(p, v);
        return p;
    }

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
