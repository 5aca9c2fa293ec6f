package org.npustudio.passes;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeInference;

/** Builds small test graphs in code: node ids are the given names; weights are seeded random. */
public final class G {
    public final Graph graph = new Graph("test");
    public final Model model = new Model(graph);
    private final Random random = new Random(42);

    public G(long opset) {
        model.setIrVersion(opset >= 21 ? 10 : 8);
        model.opsetImports().add(new OpsetId("", opset));
    }

    public G input(String name, long... dims) {
        graph.addInput(ValueInfo.tensor(name, DataType.FLOAT, Shape.of(dims)));
        return this;
    }

    public G output(String name) {
        graph.addOutput(ValueInfo.tensor(name, DataType.FLOAT, null));
        return this;
    }

    /** A seeded random float initializer (uniform in [lo, hi]). */
    public G weight(String name, double lo, double hi, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * random.nextDouble());
        graph.putInitializer(Tensor.ofFloats(name, dims, v));
        return this;
    }

    public G floats(String name, long[] dims, float... v) {
        graph.putInitializer(Tensor.ofFloats(name, dims, v));
        return this;
    }

    public G scalar(String name, float v) {
        return floats(name, new long[0], v);
    }

    public G ints(String name, long... v) {
        graph.putInitializer(Tensor.ofLongs(name, new long[] {v.length}, v));
        return this;
    }

    /** Adds node {@code id} (also its name); inputs/outputs comma-separated, "" items are omitted inputs. */
    public Node node(String id, String op, String inputs, String outputs, Attribute... attrs) {
        return node(id, "", op, inputs, outputs, attrs);
    }

    public Node node(String id, String domain, String op, String inputs, String outputs, Attribute... attrs) {
        Node n = new Node(id, id, op, domain, split(inputs), split(outputs));
        for (Attribute a : attrs) n.setAttribute(a);
        graph.addNode(n);
        return n;
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(",", -1));
    }

    /** The model with shapes inferred, ready for passes. */
    public Model build() {
        ShapeInference.infer(model);
        return model;
    }
}
