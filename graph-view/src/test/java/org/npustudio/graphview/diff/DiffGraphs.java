package org.npustudio.graphview.diff;

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

/** Small real models for the diff-view tests: x → Conv → BatchNormalization → Relu → MaxPool → y. */
final class DiffGraphs {
    private DiffGraphs() {}

    static Model convBnRelu() {
        Graph g = new Graph("conv_bn_relu");
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        Random r = new Random(3);
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 3, 8, 8)));
        weight(g, r, "w", 4, 3, 3, 3);
        for (String p : List.of("gamma", "beta", "mean")) weight(g, r, p, 4);
        g.putInitializer(Tensor.ofFloats("var", new long[] {4}, new float[] {1f, 1.5f, 0.8f, 1.2f}));
        Node conv = new Node("/block/conv/Conv", "/block/conv/Conv", "Conv", "", List.of("x", "w"), List.of("c"));
        conv.setAttribute(Attribute.of("pads", 1L, 1L, 1L, 1L));
        g.addNode(conv);
        g.addNode(new Node("/block/bn/BatchNormalization", "/block/bn/BatchNormalization", "BatchNormalization", "",
                List.of("c", "gamma", "beta", "mean", "var"), List.of("n")));
        g.addNode(new Node("/block/relu/Relu", "/block/relu/Relu", "Relu", "", List.of("n"), List.of("r")));
        Node pool = new Node("/pool/MaxPool", "/pool/MaxPool", "MaxPool", "", List.of("r"), List.of("y"));
        pool.setAttribute(Attribute.of("kernel_shape", 2L, 2L));
        g.addNode(pool);
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, null));
        ShapeInference.infer(m);
        return m;
    }

    private static void weight(Graph g, Random r, String name, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() - 0.5);
        g.putInitializer(Tensor.ofFloats(name, dims, v));
    }
}
