package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;

/** Experimental ops of opsets 1-9 as old converters wrote them, with the semantics of their last schema. */
class LegacyOpShapesTest {
    @Test
    void imageOpsKeepOrCropTheirInput() {
        TestGraph g = new TestGraph(7).input("x", DataType.FLOAT, "n", 3, 10, 12);
        Node scaler = g.node("ImageScaler", "x", "s", Attribute.of("scale", 0.5f), Attribute.of("bias", new float[] {1, 2, 3}));
        g.node("Crop", "s", "c", Attribute.of("border", new long[] {1, 2, 3, 4}));
        g.node("Crop", "s", "fixed", Attribute.of("border", new long[] {0, 0, 0, 0}), Attribute.of("scale", new long[] {5, 6}));
        g.node("Affine", "x", "a", Attribute.of("alpha", 2f));
        g.node("ScaledTanh", "x", "t");
        g.node("ParametricSoftplus", "x", "p");
        g.node("Scale", "x", "sc", Attribute.of("scale", 3f));
        g.node("ThresholdedRelu", "x", "r");
        g.node("MeanVarianceNormalization", "x", "m");
        g.infer();
        assertEquals(ShapeInferenceReport.Status.INFERRED, g.status(scaler));
        assertEquals("FLOAT[n,3,10,12]", g.type("s"));
        assertEquals("FLOAT[n,3,4,8]", g.type("c"), "height minus top+bottom, width minus left+right");
        assertEquals("FLOAT[n,3,5,6]", g.type("fixed"));
        for (String v : new String[] {"a", "t", "p", "sc", "r", "m"}) assertEquals("FLOAT[n,3,10,12]", g.type(v), v);
    }

    @Test
    void fillsTakeTheirShapeFromAttributesOrTheInput() {
        TestGraph g = new TestGraph(7).input("x", DataType.FLOAT, 2, 3).ints("dims", 4, 5);
        g.node("ConstantFill", "", "attr", Attribute.of("shape", new long[] {2, 7}), Attribute.of("dtype", 7L));
        g.node("ConstantFill", "x", "like", Attribute.of("extra_shape", new long[] {9}));
        g.node("ConstantFill", "dims", "asShape", Attribute.of("input_as_shape", 1L), Attribute.of("dtype", 6L));
        g.node("GivenTensorFill", "", "given", Attribute.of("shape", new long[] {3}), Attribute.of("values", new float[] {1, 2, 3}));
        g.infer();
        assertEquals("INT64[2,7]", g.type("attr"));
        assertEquals("FLOAT[2,3,9]", g.type("like"));
        assertEquals("INT32[4,5]", g.type("asShape"));
        assertEquals("FLOAT[3]", g.type("given"));
    }

    @Test
    void gruUnitAndDynamicSlice() {
        TestGraph g = new TestGraph(8).input("h", DataType.FLOAT, "n", 16).input("gates", DataType.FLOAT, "n", 48)
                .input("len", DataType.INT32, "n").input("t", DataType.INT32, 1)
                .input("data", DataType.FLOAT, 6, 10).ints("starts", 1, -4).ints("ends", 4, 100).ints("axes", 0, 1)
                .input("dynamic", DataType.INT64, 2);
        g.node("GRUUnit", "h,gates,len,t", "next");
        g.node("DynamicSlice", "data,starts,ends,axes", "cut");
        Node unknown = g.node("DynamicSlice", "data,dynamic,ends", "open");
        g.infer();
        assertEquals("FLOAT[n,16]", g.type("next"));
        assertEquals("FLOAT[3,4]", g.type("cut"));
        assertEquals("FLOAT[?,?]", g.type("open"));
        assertEquals(ShapeInferenceReport.Status.DATA_DEPENDENT, g.status(unknown));
    }
}
