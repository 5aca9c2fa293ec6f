package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;

/** Shape subgraphs the way PyTorch exports them must end in static (or symbolic) shapes. */
class ConstantPropagationTest {
    private static TestGraph flattenChain(Object batch) {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, batch, 8, 6);
        t.graph.putInitializer(Tensor.ofLongs("zero", new long[0], new long[] {0}));
        t.ints("ax0", 0).ints("minus1", -1);
        t.node("Shape", "x", "shp");
        t.node("Gather", "shp,zero", "b", Attribute.of("axis", 0L));
        t.node("Unsqueeze", "b,ax0", "b1");
        t.node("Concat", "b1,minus1", "target", Attribute.of("axis", 0L));
        t.node("Reshape", "x,target", "y");
        t.output("y");
        return t;
    }

    @Test
    void shapeGatherUnsqueezeConcatReshapeGivesStaticShape() {
        TestGraph t = flattenChain(4);
        t.infer();
        assertEquals("FLOAT[4,48]", t.type("y"));
        assertEquals(0, t.report.count(ShapeInferenceReport.Status.DATA_DEPENDENT));
    }

    @Test
    void symbolicBatchFlowsThroughTheChain() {
        TestGraph t = flattenChain("batch");
        t.infer();
        assertEquals("FLOAT[batch,48]", t.type("y"));
    }

    @Test
    void arithmeticCastSliceAndConstantOfShape() {
        TestGraph t = new TestGraph(15).input("x", DataType.FLOAT, 2, 3, 16, 16).input("v", DataType.FLOAT, 3, 1, 1);
        t.node("Shape", "x", "hw", Attribute.of("start", -2L));
        t.node("Constant", "", "two", Attribute.of("value_ints", 2L, 2L));
        t.node("Div", "hw,two", "half");
        t.node("Cast", "half", "halff", Attribute.of("to", (long) DataType.FLOAT.code()));
        t.node("Cast", "halff", "halfi", Attribute.of("to", (long) DataType.INT64.code()));
        t.node("Shape", "x", "nc", Attribute.of("end", 2L));
        t.node("Concat", "nc,halfi", "target", Attribute.of("axis", 0L));
        t.node("ConstantOfShape", "target", "zeros",
                Attribute.of("value", Tensor.ofLongs("v", new long[] {1}, new long[] {0})));
        t.ints("st", 1).ints("en", 100);
        t.node("Slice", "target,st,en", "tail");
        t.node("Expand", "v,tail", "ex");
        t.infer();
        assertEquals("INT64[2]", t.type("hw"));
        assertEquals("INT64[2,3,8,8]", t.type("zeros"));
        assertEquals("FLOAT[3,8,8]", t.type("ex"));
    }

    @Test
    void constantVariantsAndRange() {
        TestGraph t = new TestGraph(13);
        t.node("Constant", "", "f", Attribute.of("value_float", 1f));
        t.node("Constant", "", "fs", Attribute.of("value_floats", 1f, 2f, 3f));
        t.node("Constant", "", "s", Attribute.of("value_string", "hi"));
        t.node("Constant", "", "lim", Attribute.of("value_int", 10L));
        t.node("Constant", "", "t", Attribute.of("value", Tensor.ofFloats("t", new long[] {2, 2}, new float[4])));
        t.graph.putInitializer(Tensor.ofLongs("start", new long[0], new long[] {1}));
        t.graph.putInitializer(Tensor.ofLongs("delta", new long[0], new long[] {3}));
        t.node("Range", "start,lim,delta", "r");
        t.infer();
        assertEquals("FLOAT[]", t.type("f"));
        assertEquals("FLOAT[3]", t.type("fs"));
        assertEquals("STRING[]", t.type("s"));
        assertEquals("FLOAT[2,2]", t.type("t"));
        assertEquals("INT64[3]", t.type("r"));
    }
}
