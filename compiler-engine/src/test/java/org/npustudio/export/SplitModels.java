package org.npustudio.export;

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
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.shape.ShapeInference;

/** A small real model with branches, shared weights, an unnamed node and an internal attribute. */
final class SplitModels {
    private SplitModels() {}

    static Model branchy() throws Exception {
        Graph g = new Graph("branchy");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(2, 8)));
        Random r = new Random(3);
        g.putInitializer(Tensor.ofFloats("w1", new long[] {8, 8}, floats(r, 64)));
        g.putInitializer(Tensor.ofFloats("w2", new long[] {8, 8}, floats(r, 64)));
        g.putInitializer(Tensor.ofFloats("b", new long[] {8}, floats(r, 8)));
        g.putInitializer(Tensor.ofFloats("unused", new long[] {4}, floats(r, 4)));
        g.addNode(new Node("mm1", "mm1", "MatMul", "", List.of("x", "w1"), List.of("h1")));
        Node relu = new Node("relu", "relu", "Relu", "", List.of("h1"), List.of("r1"));
        relu.setAttribute(Attribute.of("npustudio.note", "internal"));
        g.addNode(relu);
        g.addNode(new Node("add_b", "add_b", "Add", "", List.of("r1", "b"), List.of("a1")));
        Node soft = new Node("soft", "soft", "Softmax", "", List.of("a1"), List.of("s"));
        soft.setAttribute(Attribute.of("axis", 1L));
        g.addNode(soft);
        g.addNode(new Node("MatMul_0", "", "MatMul", "", List.of("r1", "w2"), List.of("m2")));
        g.addNode(new Node("tanh", "tanh", "Tanh", "", List.of("m2"), List.of("t2")));
        g.addNode(new Node("mix", "mix", "Add", "", List.of("s", "t2"), List.of("y")));
        g.addNode(new Node("side", "side", "Mul", "", List.of("t2", "b"), List.of("z")));
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(2, 8)));
        g.addOutput(ValueInfo.tensor("z", DataType.FLOAT, Shape.of(2, 8)));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        // through bytes, as a model opened from a file: ids assigned by the reader
        Model read = OnnxReader.read(OnnxWriter.toBytes(m), "branchy.onnx", null);
        ShapeInference.infer(read);
        return read;
    }

    private static float[] floats(Random r, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) r.nextGaussian();
        return f;
    }

    static Plan plan(Model m, List<List<String>> parts) {
        Plan p = Plan.empty(ModelRef.UNKNOWN, List.of(org.npustudio.plan.Device.of("cpu", org.npustudio.plan.DeviceKind.CPU, 0)), "cpu");
        for (int k = 0; k < parts.size(); k++) {
            p = p.createPartition("p" + k, "cpu", parts.get(k).stream().map(id -> NodeRef.of(m.graph().nodeById(id))).toList());
        }
        return p;
    }
}
