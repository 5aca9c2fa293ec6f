package org.npustudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;

/** Expected values are worked out by hand in the comments. */
class OpCostModelTest {
    private static OpCost cost(GraphBuilder b, Node n) {
        return new OpCostModel(b.graph).cost(n);
    }

    private static void assertCost(long macs, long flops, OpCost c) {
        assertEquals(OptionalLong.of(macs), c.macs(), "MACs");
        assertEquals(OptionalLong.of(flops), c.flops(), "FLOPs");
    }

    private static void assertUnknown(OpCost c) {
        assertFalse(c.isKnown());
        assertEquals(OptionalLong.empty(), c.macs());
        assertEquals(OptionalLong.empty(), c.flops());
    }

    @Test
    void resnetStemConvFromAttributesAndWeight() {
        // out 112x112 = (224 + 6 - 7) / 2 + 1; MACs = 64 * 112 * 112 * 3 * 7 * 7 = 118,013,952
        GraphBuilder b = new GraphBuilder().input("x", 1, 3, 224, 224).weight("w", 64, 3, 7, 7);
        Node conv = b.node("Conv", List.of("x", "w"), "y", Attribute.of("kernel_shape", 7L, 7L),
                Attribute.of("strides", 2L, 2L), Attribute.of("pads", 3L, 3L, 3L, 3L));
        OpCost c = cost(b, conv);
        assertCost(118_013_952L, 2 * 118_013_952L, c);
        assertEquals(64 * 3 * 7 * 7, c.params());
        assertEquals(64 * 3 * 7 * 7 * 4, c.paramBytes());
    }

    @Test
    void convBiasAddsOneFlopPerOutput() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 3, 224, 224).weight("w", 64, 3, 7, 7).weight("bias", 64);
        Node conv = b.node("Conv", List.of("x", "w", "bias"), "y",
                Attribute.of("strides", 2L, 2L), Attribute.of("pads", 3L, 3L, 3L, 3L));
        // kernel taken from the weight; bias adds 64 * 112 * 112 = 802,816
        OpCost c = cost(b, conv);
        assertCost(118_013_952L, 236_027_904L + 802_816L, c);
        assertEquals(9408 + 64, c.params());
    }

    @Test
    void convFromDeclaredOutputShapeWhenWeightShapeUnknown() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 3, 224, 224).valueInfo("y", 1, 64, 112, 112);
        b.graph.addInput(new ValueInfo("w", null, "", null, null));
        Node conv = b.node("Conv", List.of("x", "w"), "y", Attribute.of("kernel_shape", 7L, 7L));
        assertCost(118_013_952L, 2 * 118_013_952L, cost(b, conv));
    }

    @Test
    void depthwiseConvUsesGroups() {
        // 32 groups of 1 channel: MACs = 32 * 56 * 56 * 1 * 3 * 3 = 903,168
        GraphBuilder b = new GraphBuilder().input("x", 1, 32, 56, 56).weight("w", 32, 1, 3, 3);
        Node conv = b.node("Conv", List.of("x", "w"), "y", Attribute.of("group", 32L),
                Attribute.of("pads", 1L, 1L, 1L, 1L));
        assertCost(903_168L, 1_806_336L, cost(b, conv));
    }

    @Test
    void dilatedConvShrinksOutput() {
        // effective kernel 5: out = 32 - 5 + 1 = 28; MACs = 16 * 28 * 28 * 8 * 9 = 903,168
        GraphBuilder b = new GraphBuilder().input("x", 1, 8, 32, 32).weight("w", 16, 8, 3, 3);
        Node conv = b.node("Conv", List.of("x", "w"), "y", Attribute.of("dilations", 2L, 2L));
        assertEquals(OptionalLong.of(903_168L), cost(b, conv).macs());
    }

    @Test
    void conv1dAndConv3d() {
        // 1-D: out = (100 - 5) / 2 + 1 = 48; MACs = 2 * 8 * 48 * 4 * 5 = 15,360
        GraphBuilder b = new GraphBuilder().input("x", 2, 4, 100).weight("w", 8, 4, 5);
        Node c1 = b.node("Conv", List.of("x", "w"), "y", Attribute.of("strides", new long[] {2}));
        assertEquals(OptionalLong.of(15_360L), cost(b, c1).macs());
        // 3-D, same padding: MACs = 4 * 8*8*8 * 2 * 27 = 110,592
        GraphBuilder b3 = new GraphBuilder().input("x", 1, 2, 8, 8, 8).weight("w", 4, 2, 3, 3, 3);
        Node c3 = b3.node("Conv", List.of("x", "w"), "y", Attribute.of("auto_pad", "SAME_UPPER"));
        assertEquals(OptionalLong.of(110_592L), cost(b3, c3).macs());
    }

    @Test
    void symbolicBatchMakesConvUnknown() {
        GraphBuilder b = new GraphBuilder().weight("w", 64, 3, 7, 7);
        b.graph.addInput(ValueInfo.tensor("x", DataType.FLOAT,
                Shape.of(List.of(Dim.symbol("N"), Dim.of(3), Dim.of(224), Dim.of(224)))));
        Node conv = b.node("Conv", List.of("x", "w"), "y");
        OpCost c = cost(b, conv);
        assertUnknown(c);
        assertEquals(9408, c.params(), "parameters are known even when the shapes are not");
    }

    @Test
    void convTransposeScattersEachInput() {
        // MACs = 16 * 8 * 8 inputs * 8 outputs/group * 4 * 4 = 131,072; out = 2 * 7 + 4 - 2 = 16
        GraphBuilder b = new GraphBuilder().input("x", 1, 16, 8, 8).weight("w", 16, 8, 4, 4).weight("bias", 8);
        Node n = b.node("ConvTranspose", List.of("x", "w", "bias"), "y", Attribute.of("strides", 2L, 2L),
                Attribute.of("pads", 1L, 1L, 1L, 1L));
        assertCost(131_072L, 2 * 131_072L + 8 * 16 * 16, cost(b, n));
    }

    @Test
    void gemmWithTransposeAndBias() {
        // 1 x 2048 times (1000 x 2048)^T: MACs = 2,048,000; bias adds 1,000
        GraphBuilder b = new GraphBuilder().input("a", 1, 2048).weight("b", 1000, 2048).weight("c", 1000);
        Node n = b.node("Gemm", List.of("a", "b", "c"), "y", Attribute.of("transB", 1L));
        OpCost c = cost(b, n);
        assertCost(2_048_000L, 4_097_000L, c);
        assertEquals(2_049_000L, c.params());
    }

    @Test
    void batchedMatMulBroadcastsBatchDims() {
        // batch [2,1,4] with [3,1] -> [2,3,4] = 24; MACs = 24 * 8 * 16 * 32 = 98,304
        GraphBuilder b = new GraphBuilder().input("a", 2, 1, 4, 8, 16).input("b", 3, 1, 16, 32);
        assertCost(98_304L, 196_608L, cost(b, b.node("MatMul", List.of("a", "b"), "y")));
    }

    @Test
    void matMulWithVectors() {
        GraphBuilder b = new GraphBuilder().input("v", 16).input("m", 16, 32).input("m2", 4, 16);
        assertEquals(OptionalLong.of(512), cost(b, b.node("MatMul", List.of("v", "m"), "y1")).macs());
        assertEquals(OptionalLong.of(64), cost(b, b.node("MatMul", List.of("m2", "v"), "y2")).macs());
    }

    @Test
    void matMulWithMismatchedInnerDimIsUnknown() {
        GraphBuilder b = new GraphBuilder().input("a", 4, 16).input("b", 15, 8);
        assertUnknown(cost(b, b.node("MatMul", List.of("a", "b"), "y")));
        GraphBuilder c = new GraphBuilder().input("a", 4, 2, 8, 16).input("b", 3, 16, 8);
        assertUnknown(cost(c, c.node("MatMul", List.of("a", "b"), "y")));
    }

    @Test
    void normalizations() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 64, 112, 112)
                .weight("s", 64).weight("bb", 64).weight("m", 64).weight("v", 64);
        OpCost bn = cost(b, b.node("BatchNormalization", List.of("x", "s", "bb", "m", "v"), "y"));
        assertCost(802_816L, 1_605_632L, bn);
        assertEquals(256, bn.params());
        GraphBuilder l = new GraphBuilder().input("x", 2, 10, 768).weight("g", 768).weight("bt", 768);
        assertCost(15_360L, 8 * 15_360L, cost(l, l.node("LayerNormalization", List.of("x", "g", "bt"), "y")));
    }

    @Test
    void pools() {
        // out = (112 + 2 - 3) / 2 + 1 = 56; FLOPs = 64 * 56 * 56 * 9 = 1,806,336
        GraphBuilder b = new GraphBuilder().input("x", 1, 64, 112, 112).input("g", 1, 2048, 7, 7).input("s", 1, 1, 6, 6);
        Node max = b.node("MaxPool", List.of("x"), "y", Attribute.of("kernel_shape", 3L, 3L),
                Attribute.of("strides", 2L, 2L), Attribute.of("pads", 1L, 1L, 1L, 1L));
        assertCost(0, 1_806_336L, cost(b, max));
        assertCost(0, 100_352L, cost(b, b.node("GlobalAveragePool", List.of("g"), "gy")));
        // 6 wide, kernel 3, stride 2: floor gives 2 outputs per axis, ceil_mode 3
        Node floor = b.node("AveragePool", List.of("s"), "f", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L));
        Node ceil = b.node("AveragePool", List.of("s"), "c", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("ceil_mode", 1L));
        assertCost(0, 4 * 9, cost(b, floor));
        assertCost(0, 9 * 9, cost(b, ceil));
        // VALID keeps ceil_mode (as ONNX Runtime runs it): 3 outputs per axis as above, not floor mode's 2
        Node valid = b.node("AveragePool", List.of("s"), "v", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("auto_pad", "VALID"), Attribute.of("ceil_mode", 1L));
        assertCost(0, 9 * 9, cost(b, valid));
        // With ceil_mode a 3x3 window overhanging a 2x2 input by less than a stride still has one position.
        GraphBuilder tiny = new GraphBuilder().input("t", 1, 1, 2, 2);
        Node overhang = tiny.node("MaxPool", List.of("t"), "o", Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("ceil_mode", 1L));
        assertCost(0, 9, cost(tiny, overhang));
        assertUnknown(cost(tiny, tiny.node("MaxPool", List.of("t"), "n", Attribute.of("kernel_shape", 3L, 3L))));
    }

    @Test
    void elementwiseAndActivations() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 64, 56, 56).weight("bias", 64, 1, 1);
        assertCost(0, 200_704L, cost(b, b.node("Add", List.of("x", "bias"), "a")));
        assertCost(0, 200_704L, cost(b, b.node("Relu", List.of("x"), "r")));
        assertCost(0, 2 * 200_704L, cost(b, b.node("Sum", List.of("x", "x", "x"), "s")));
        assertCost(0, 200_704L, cost(b, b.node("ReduceMean", List.of("x"), "m")));
        GraphBuilder s = new GraphBuilder().input("logits", 1, 1000);
        assertCost(0, 3000, cost(s, s.node("Softmax", List.of("logits"), "p")));
    }

    @Test
    void dataMovementIsFreeAndUnknownOpsAreUnknown() {
        GraphBuilder b = new GraphBuilder().input("x", 1, 64, 7, 7).input("boxes", 1, 10, 4);
        assertCost(0, 0, cost(b, b.node("Flatten", List.of("x"), "f")));
        assertUnknown(cost(b, b.node("NonMaxSuppression", List.of("boxes", "boxes"), "sel")));
        Node custom = b.node("Relu", List.of("x"), "c");
        custom.setDomain("com.example");
        assertUnknown(cost(b, custom));
    }

    @Test
    void overflowGivesUnknownNotAWrongNumber() {
        long big = 1L << 31;
        GraphBuilder b = new GraphBuilder().input("a", big, big).input("b", big, big);
        assertUnknown(cost(b, b.node("MatMul", List.of("a", "b"), "y")));
    }
}
