package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npustudio.samples.ModelAssertions.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;

class MobileNetV2Test {
    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = Built.read("mobilenetv2");
    }

    @Test
    void followsExportConventions() {
        ModelAssertions.assertExportConventions(model, new long[] {1, 3, 224, 224}, new long[] {1, 1000});
    }

    @Test
    void hasTorchvisionParameterCount() {
        assertEquals(3_504_872L, ParameterCount.of(model));
    }

    @Test
    void hasTorchvisionOpHistogram() {
        assertEquals(Map.of("Conv", 52, "BatchNormalization", 52, "Clip", 35, "Add", 10, "GlobalAveragePool", 1,
                "Flatten", 1, "Gemm", 1), Built.opHistogram(model));
    }

    @Test
    void everyThreeByThreeConvAfterTheStemIsDepthwise() {
        int depthwise = 0;
        for (Node n : model.graph().nodes()) {
            if (!n.opType().equals("Conv") || n.attrLongs("kernel_shape")[0] != 3 || n.name().equals("/features/features.0/features.0.0/Conv")) {
                continue;
            }
            long[] w = model.graph().initializers().get(n.input(1)).dims();
            assertEquals(1, w[1], n.name());
            assertEquals(w[0], n.attrLong("group", 1), n.name());
            depthwise++;
        }
        assertEquals(17, depthwise);
        assertEquals(1L, node(model, "/features/features.0/features.0.0/Conv").attrLong("group", 0));
    }

    @Test
    void relu6IsClipWithMinAndMaxInputs() {
        for (Node n : model.graph().nodes()) {
            if (!n.opType().equals("Clip")) continue;
            assertEquals(3, n.inputs().size(), n.name());
            Tensor min = model.graph().initializers().get(n.input(1));
            Tensor max = model.graph().initializers().get(n.input(2));
            assertArrayEquals(new float[] {0f}, min.toFloats(), n.name());
            assertArrayEquals(new float[] {6f}, max.toFloats(), n.name());
            assertEquals(0, min.dims().length);
        }
    }

    @Test
    void usesTorchvisionModulePaths() {
        assertArrayEquals(new long[] {32, 3, 3, 3}, model.graph().initializers().get("features.0.0.weight").dims());
        assertEquals(List.of("/features/features.0/features.0.2/Clip_output_0", "features.1.conv.0.0.weight"),
                node(model, "/features/features.1/conv/conv.0/conv.0.0/Conv").inputs());
        assertArrayEquals(new long[] {16, 32, 1, 1}, model.graph().initializers().get("features.1.conv.1.weight").dims());
        assertArrayEquals(new long[] {144, 24, 1, 1}, model.graph().initializers().get("features.3.conv.0.0.weight").dims());
        assertArrayEquals(new long[] {1280, 320, 1, 1}, model.graph().initializers().get("features.18.0.weight").dims());
        assertArrayEquals(new long[] {1000, 1280}, model.graph().initializers().get("classifier.1.weight").dims());
        assertEquals(List.of("/Flatten_output_0", "classifier.1.weight", "classifier.1.bias"),
                node(model, "/classifier/classifier.1/Gemm").inputs());
    }

    @Test
    void residualAddsOnlyWhereStrideIsOneAndChannelsMatch() {
        List<String> adds = model.graph().nodes().stream().filter(n -> n.opType().equals("Add")).map(Node::name).toList();
        List<String> expected = java.util.stream.IntStream.of(3, 5, 6, 8, 9, 10, 12, 13, 15, 16)
                .mapToObj(i -> "/features/features." + i + "/Add").toList();
        assertEquals(expected, adds);
        Node add = node(model, "/features/features.3/Add");
        assertEquals(List.of("/features/features.2/conv/conv.3/BatchNormalization_output_0",
                "/features/features.3/conv/conv.3/BatchNormalization_output_0"), add.inputs());
    }

    @Test
    void batchNormRunningVarianceIsStrictlyPositive() {
        for (Tensor t : model.graph().initializers().values()) {
            if (t.name().endsWith(".running_var")) for (float v : t.toFloats()) assertTrue(v > 0, t.name());
        }
    }
}
