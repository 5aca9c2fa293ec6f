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

class ResNet50Test {
    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = Built.read("resnet50");
    }

    @Test
    void followsExportConventions() {
        ModelAssertions.assertExportConventions(model, new long[] {1, 3, 224, 224}, new long[] {1, 1000});
    }

    @Test
    void hasTorchvisionParameterCount() {
        assertEquals(25_557_032L, ParameterCount.of(model));
    }

    @Test
    void hasTorchvisionOpHistogram() {
        assertEquals(Map.of("Conv", 53, "BatchNormalization", 53, "Relu", 49, "Add", 16, "MaxPool", 1,
                "GlobalAveragePool", 1, "Flatten", 1, "Gemm", 1), Built.opHistogram(model));
    }

    @Test
    void stemIsSevenBySevenStrideTwoThenMaxPool() {
        Node conv = node(model, "/conv1/Conv");
        assertEquals(List.of("input", "conv1.weight"), conv.inputs());
        assertArrayEquals(new long[] {7, 7}, conv.attrLongs("kernel_shape"));
        assertArrayEquals(new long[] {2, 2}, conv.attrLongs("strides"));
        assertArrayEquals(new long[] {3, 3, 3, 3}, conv.attrLongs("pads"));
        Node pool = node(model, "/maxpool/MaxPool");
        assertEquals(List.of("/relu/Relu_output_0"), pool.inputs());
        assertArrayEquals(new long[] {3, 3}, pool.attrLongs("kernel_shape"));
        assertArrayEquals(new long[] {2, 2}, pool.attrLongs("strides"));
        assertArrayEquals(new long[] {1, 1, 1, 1}, pool.attrLongs("pads"));
    }

    @Test
    void strideSitsOnTheThreeByThreeConv() {
        for (int layer = 2; layer <= 4; layer++) {
            String block = "/layer" + layer + "/layer" + layer + ".0";
            assertArrayEquals(new long[] {1, 1}, node(model, block + "/conv1/Conv").attrLongs("strides"));
            assertArrayEquals(new long[] {2, 2}, node(model, block + "/conv2/Conv").attrLongs("strides"));
            assertArrayEquals(new long[] {2, 2}, node(model, block + "/downsample/downsample.0/Conv").attrLongs("strides"));
        }
    }

    @Test
    void onlyTheFirstBlockOfEachLayerHasADownsample() {
        List<String> downsampleConvs = model.graph().nodes().stream()
                .filter(n -> n.opType().equals("Conv") && n.name().contains("/downsample/")).map(Node::name).toList();
        assertEquals(List.of("/layer1/layer1.0/downsample/downsample.0/Conv", "/layer2/layer2.0/downsample/downsample.0/Conv",
                "/layer3/layer3.0/downsample/downsample.0/Conv", "/layer4/layer4.0/downsample/downsample.0/Conv"), downsampleConvs);
        assertArrayEquals(new long[] {256, 64, 1, 1}, model.graph().initializers().get("layer1.0.downsample.0.weight").dims());
    }

    @Test
    void blockWiringMatchesTheBottleneckForward() {
        String b = "/layer1/layer1.1";
        assertEquals(List.of("/layer1/layer1.0/relu_2/Relu_output_0", "layer1.1.conv1.weight"), node(model, b + "/conv1/Conv").inputs());
        assertEquals(List.of(b + "/conv1/Conv_output_0", "layer1.1.bn1.weight", "layer1.1.bn1.bias",
                "layer1.1.bn1.running_mean", "layer1.1.bn1.running_var"), node(model, b + "/bn1/BatchNormalization").inputs());
        assertEquals(List.of(b + "/bn1/BatchNormalization_output_0"), node(model, b + "/relu/Relu").inputs());
        assertEquals(List.of(b + "/bn2/BatchNormalization_output_0"), node(model, b + "/relu_1/Relu").inputs());
        assertEquals(List.of(b + "/bn3/BatchNormalization_output_0", "/layer1/layer1.0/relu_2/Relu_output_0"),
                node(model, b + "/Add").inputs());
        assertEquals(List.of(b + "/Add_output_0"), node(model, b + "/relu_2/Relu").inputs());
    }

    @Test
    void headPoolsFlattensAndClassifies() {
        assertEquals(List.of("/layer4/layer4.2/relu_2/Relu_output_0"), node(model, "/avgpool/GlobalAveragePool").inputs());
        assertEquals(1L, node(model, "/Flatten").attrLong("axis", -1));
        Node fc = node(model, "/fc/Gemm");
        assertEquals(List.of("/Flatten_output_0", "fc.weight", "fc.bias"), fc.inputs());
        assertEquals(List.of("output"), fc.outputs());
        assertEquals(1L, fc.attrLong("transB", 0));
        assertArrayEquals(new long[] {1000, 2048}, model.graph().initializers().get("fc.weight").dims());
    }

    @Test
    void batchNormRunningVarianceIsStrictlyPositive() {
        int checked = 0;
        for (Tensor t : model.graph().initializers().values()) {
            if (!t.name().endsWith(".running_var")) continue;
            for (float v : t.toFloats()) assertTrue(v > 0, () -> t.name() + " holds " + v);
            checked++;
        }
        assertEquals(53, checked);
    }
}
