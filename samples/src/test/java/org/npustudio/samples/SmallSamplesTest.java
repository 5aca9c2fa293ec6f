package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npustudio.samples.ModelAssertions.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

class SmallSamplesTest {
    /** Weights plus biases of a dense layer or of a conv with one bias per output channel. */
    private static long dense(long in, long out) {
        return (in + 1) * out;
    }

    @Test
    void lenet5() throws Exception {
        Model m = Built.read("lenet5");
        ModelAssertions.assertExportConventions(m, new long[] {1, 1, 32, 32}, new long[] {1, 10});
        assertEquals(dense(25, 6) + dense(6 * 25, 16) + dense(16 * 5 * 5, 120) + dense(120, 84) + dense(84, 10),
                ParameterCount.of(m));
        assertEquals(Map.of("Conv", 2, "Tanh", 4, "AveragePool", 2, "Flatten", 1, "Gemm", 3), Built.opHistogram(m));
        assertEquals(List.of("/pool2/AveragePool_output_0"), node(m, "/Flatten").inputs());
        assertArrayEquals(new long[] {120, 400}, m.graph().initializers().get("fc1.weight").dims());
    }

    @Test
    void mlp() throws Exception {
        Model m = Built.read("mlp");
        ModelAssertions.assertExportConventions(m, new long[] {1, 784}, new long[] {1, 10});
        assertEquals(dense(784, 256) + dense(256, 10), ParameterCount.of(m));
        assertEquals(Map.of("Gemm", 2, "Relu", 1), Built.opHistogram(m));
        assertEquals(List.of("/relu/Relu_output_0", "fc2.weight", "fc2.bias"), node(m, "/fc2/Gemm").inputs());
    }

    @Test
    void transformerEncoder() throws Exception {
        Model m = Built.read("transformer-encoder");
        ModelAssertions.assertExportConventions(m, new long[] {1, 16, 64}, new long[] {1, 16, 64});
        long perLayer = 4 * dense(64, 64) + dense(64, 256) + dense(256, 64) + 2 * (64 + 64);
        assertEquals(2 * perLayer, ParameterCount.of(m));
        // Per layer: 6 projections (MatMul + Add), Q.K^T and attention.V, 2 residual Adds, the GELU pattern.
        assertEquals(Map.of("MatMul", 16, "Add", 18, "Reshape", 8, "Transpose", 8, "Div", 4, "Softmax", 2,
                "Erf", 2, "Mul", 4, "LayerNormalization", 4), Built.opHistogram(m));
        assertEquals(List.of("layers.0.self_attn.q_proj.bias", "/layers/layers.0/self_attn/q_proj/MatMul_output_0"),
                node(m, "/layers/layers.0/self_attn/q_proj/Add").inputs());
        assertEquals(List.of("/layers/layers.1/Add_1_output_0", "layers.1.norm2.weight", "layers.1.norm2.bias"),
                node(m, "/layers/layers.1/norm2/LayerNormalization").inputs());
        assertEquals(List.of("output"), node(m, "/layers/layers.1/norm2/LayerNormalization").outputs());
    }

    @Test
    void transformerGeluIsTheErfPattern() throws Exception {
        Graph g = Built.read("transformer-encoder").graph();
        int found = 0;
        for (Node erf : g.nodes()) {
            if (!erf.opType().equals("Erf")) continue;
            Node div = g.producer(erf.input(0));
            assertEquals("Div", div.opType());
            assertArrayEquals(new float[] {(float) Math.sqrt(2)}, g.initializers().get(div.input(1)).toFloats());
            Node add = only(g.consumers(erf.output(0)));
            assertEquals("Add", add.opType());
            assertArrayEquals(new float[] {1f}, g.initializers().get(add.input(1)).toFloats());
            Node mul = only(g.consumers(add.output(0)));
            assertEquals("Mul", mul.opType());
            assertEquals(List.of(div.input(0), add.output(0)), mul.inputs());
            Node half = only(g.consumers(mul.output(0)));
            assertEquals("Mul", half.opType());
            assertArrayEquals(new float[] {0.5f}, g.initializers().get(half.input(1)).toFloats());
            assertTrue(g.producer(div.input(0)).name().endsWith("/linear1/Add"), div.input(0));
            found++;
        }
        assertEquals(2, found);
    }

    @Test
    void attentionScalesBySqrtOfHeadSize() throws Exception {
        Model m = Built.read("transformer-encoder");
        Node div = node(m, "/layers/layers.0/self_attn/Div");
        assertEquals("/layers/layers.0/self_attn/MatMul_output_0", div.input(0));
        assertArrayEquals(new float[] {4f}, m.graph().initializers().get(div.input(1)).toFloats());
        assertEquals(List.of("/layers/layers.0/self_attn/Div_output_0"), node(m, "/layers/layers.0/self_attn/Softmax").inputs());
        assertArrayEquals(new long[] {0, 2, 3, 1}, node(m, "/layers/layers.0/self_attn/Transpose_1").attrLongs("perm"));
    }

    private static Node only(List<Node> nodes) {
        assertEquals(1, nodes.size(), nodes::toString);
        return nodes.get(0);
    }
}
