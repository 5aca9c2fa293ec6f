package org.npustudio.samples;

import java.util.List;
import java.util.Random;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeInference;

/**
 * Large seeded models for benchmarks and scale tests (not listed in the library): sizes are chosen by
 * the caller, weights are tiny so the graph, not the tensors, dominates.
 */
public final class SyntheticModels {
    private SyntheticModels() {}

    /**
     * {@code blocks} residual blocks of Conv 1x1, BatchNormalization, Relu, Identity and Add (5 nodes
     * each) on a 1x4x4x4 input: something for every cleanup, folding and fusion pass to do. Node ids
     * are the names {@code b<i>_conv}, {@code b<i>_bn}, ...; shapes are inferred.
     */
    public static Model residualChain(int blocks) {
        Graph g = new Graph("residual_chain_" + blocks);
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        Random random = new Random(42);
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 4, 4, 4)));
        String cur = "x";
        for (int i = 0; i < blocks; i++) {
            String p = "b" + i + "_";
            weight(g, random, p + "w", -0.3, 0.3, 4, 4, 1, 1);
            weight(g, random, p + "g", 0.9, 1.1, 4);
            weight(g, random, p + "be", -0.1, 0.1, 4);
            weight(g, random, p + "m", -0.1, 0.1, 4);
            weight(g, random, p + "v", 0.9, 1.1, 4);
            String out = i == blocks - 1 ? "y" : p + "s";
            node(g, p + "conv", "Conv", List.of(cur, p + "w"), p + "c");
            node(g, p + "bn", "BatchNormalization", List.of(p + "c", p + "g", p + "be", p + "m", p + "v"), p + "n");
            node(g, p + "relu", "Relu", List.of(p + "n"), p + "r");
            node(g, p + "id", "Identity", List.of(p + "r"), p + "i");
            node(g, p + "add", "Add", List.of(p + "i", cur), out);
            cur = out;
        }
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, null));
        ShapeInference.infer(m);
        return m;
    }

    private static void node(Graph g, String id, String op, List<String> inputs, String output) {
        g.addNode(new Node(id, id, op, "", inputs, List.of(output)));
    }

    private static void weight(Graph g, Random random, String name, double lo, double hi, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * random.nextDouble());
        g.putInitializer(Tensor.ofFloats(name, dims, v));
    }
}
