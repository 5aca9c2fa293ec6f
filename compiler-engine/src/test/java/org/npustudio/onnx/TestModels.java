package org.npustudio.onnx;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/** Small models built in code for reader/writer tests. */
final class TestModels {
    private TestModels() {}

    /** x[1,4] -> Gemm(w[3,4], b[3], transB) -> Relu -> y[1,3]; node names as given (null = unnamed). */
    static Model gemmRelu(String gemmName, String reluName) {
        Graph g = new Graph("tiny");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 4)));
        float[] w = new float[12];
        for (int i = 0; i < w.length; i++) w[i] = (i % 5) * 0.25f - 0.5f;
        g.putInitializer(Tensor.ofFloats("w", new long[] {3, 4}, w));
        g.putInitializer(Tensor.ofFloats("b", new long[] {3}, new float[] {0.1f, -0.2f, 0.3f}));
        Node gemm = new Node(gemmName == null ? "Gemm_0" : gemmName, gemmName, "Gemm", "", List.of("x", "w", "b"), List.of("h"));
        gemm.setAttribute(Attribute.of("transB", 1L));
        g.addNode(gemm);
        g.addNode(new Node(reluName == null ? "Relu_0" : reluName, reluName, "Relu", "", List.of("h"), List.of("y")));
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 3)));
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        return m;
    }
}
