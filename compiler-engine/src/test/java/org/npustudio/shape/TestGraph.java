package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/** Builds small IR graphs for rule tests: dims are numbers or symbol names, "?" is unknown. */
final class TestGraph {
    final Graph graph = new Graph("test");
    final Model model = new Model(graph);
    private int count;
    ShapeInferenceReport report;

    TestGraph(long opset) {
        model.opsetImports().add(new OpsetId("", opset));
    }

    static Shape shape(Object... dims) {
        List<Dim> out = new ArrayList<>();
        for (Object d : dims) {
            if (d instanceof Number n) out.add(Dim.of(n.longValue()));
            else if ("?".equals(d)) out.add(Dim.UNKNOWN);
            else out.add(Dim.symbol((String) d));
        }
        return Shape.of(out);
    }

    TestGraph input(String name, DataType type, Object... dims) {
        graph.addInput(ValueInfo.tensor(name, type, shape(dims)));
        return this;
    }

    TestGraph ints(String name, long... values) {
        graph.putInitializer(Tensor.ofLongs(name, new long[] {values.length}, values));
        return this;
    }

    TestGraph floats(String name, long[] dims, float... values) {
        graph.putInitializer(Tensor.ofFloats(name, dims, values));
        return this;
    }

    Node node(String op, String inputs, String outputs, Attribute... attrs) {
        return node("", op, inputs, outputs, attrs);
    }

    /** Inputs/outputs as comma-separated names; an empty item is an omitted optional input. */
    Node node(String domain, String op, String inputs, String outputs, Attribute... attrs) {
        Node n = new Node(op + "_" + count++, op + "_" + (count - 1), op, domain, split(inputs), split(outputs));
        for (Attribute a : attrs) n.setAttribute(a);
        graph.addNode(n);
        return n;
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(",", -1));
    }

    TestGraph output(String name) {
        graph.addOutput(new ValueInfo(name, null, "", null, null));
        return this;
    }

    ShapeInferenceReport infer() {
        report = ShapeInference.infer(model);
        return report;
    }

    /** "FLOAT[batch,16,?]"-style description of a value's type after inference. */
    String type(String value) {
        return ShapeInferenceCorpusTest.describe(graph.typeOf(value));
    }

    Shape shapeOf(String value) {
        TypeInfo t = graph.typeOf(value);
        return t instanceof TypeInfo.TensorType tt ? tt.shape() : null;
    }

    ShapeInferenceReport.Status status(Node n) {
        return report.result(n.id()).status();
    }
}
