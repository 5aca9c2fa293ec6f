package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;

/** Operators whose parameters moved from attributes to inputs across opsets. */
class OpsetVariantsTest {
    @Test
    void splitAttributeInputAndNumOutputs() {
        TestGraph v11 = new TestGraph(11).input("x", DataType.FLOAT, 2, 10);
        v11.node("Split", "x", "a,b", Attribute.of("axis", 1L), Attribute.of("split", 3L, 7L));
        v11.node("Split", "x", "c,d");
        v11.infer();
        assertEquals("FLOAT[2,3]", v11.type("a"));
        assertEquals("FLOAT[2,7]", v11.type("b"));
        assertEquals("FLOAT[1,10]", v11.type("d"));

        TestGraph v18 = new TestGraph(18).input("x", DataType.FLOAT, 2, 10).ints("sp", 4, 6);
        v18.node("Split", "x,sp", "a,b", Attribute.of("axis", -1L));
        v18.node("Split", "x", "c,d,e", Attribute.of("axis", 1L), Attribute.of("num_outputs", 3L));
        v18.infer();
        assertEquals("FLOAT[2,4]", v18.type("a"));
        assertEquals("FLOAT[2,6]", v18.type("b"));
        assertEquals("FLOAT[2,4]", v18.type("c"));
        assertEquals("FLOAT[2,2]", v18.type("e"));
    }

    @Test
    void reduceMeanAxesAttributeThenInput() {
        TestGraph v13 = new TestGraph(13).input("x", DataType.FLOAT, "n", 3, 4);
        v13.node("ReduceMean", "x", "k", Attribute.of("axes", new long[] {-1}));
        v13.node("ReduceMean", "x", "d", Attribute.of("axes", new long[] {1}), Attribute.of("keepdims", 0L));
        v13.node("ReduceMean", "x", "all");
        v13.infer();
        assertEquals("FLOAT[n,3,1]", v13.type("k"));
        assertEquals("FLOAT[n,4]", v13.type("d"));
        assertEquals("FLOAT[1,1,1]", v13.type("all"));

        TestGraph v18 = new TestGraph(18).input("x", DataType.FLOAT, "n", 3, 4).ints("ax", 1, 2);
        v18.node("ReduceMean", "x,ax", "k");
        v18.node("ReduceMean", "x", "noop", Attribute.of("noop_with_empty_axes", 1L));
        v18.infer();
        assertEquals("FLOAT[n,1,1]", v18.type("k"));
        assertEquals("FLOAT[n,3,4]", v18.type("noop"));
    }

    @Test
    void sliceAttributesThenInputsWithStepsAndClamping() {
        TestGraph v9 = new TestGraph(9).input("x", DataType.FLOAT, 20, 10, 5);
        v9.node("Slice", "x", "y", Attribute.of("starts", 0L, 2L), Attribute.of("ends", 3L, -1L),
                Attribute.of("axes", 0L, 1L));
        v9.infer();
        assertEquals("FLOAT[3,7,5]", v9.type("y"));

        TestGraph v13 = new TestGraph(13).input("x", DataType.FLOAT, 20, 10, 5).ints("st", 20, -1)
                .ints("en", 0, -1000).ints("ax", 0, -2).ints("sp", -3, -2);
        v13.node("Slice", "x,st,en,ax,sp", "y");
        v13.infer();
        assertEquals("FLOAT[7,5,5]", v13.type("y"));
    }

    @Test
    void padAttributeThenInputWithAxes() {
        TestGraph v2 = new TestGraph(2).input("x", DataType.FLOAT, 1, 3, 4, 4);
        v2.node("Pad", "x", "y", Attribute.of("pads", 0L, 0L, 1L, 2L, 0L, 0L, 3L, 4L));
        v2.infer();
        assertEquals("FLOAT[1,3,8,10]", v2.type("y"));

        TestGraph v18 = new TestGraph(18).input("x", DataType.FLOAT, "n", 3, 4, 4).ints("p", 1, -1, 1, 0)
                .ints("ax", -2, 3);
        v18.node("Pad", "x,p,,ax", "y");
        v18.infer();
        assertEquals("FLOAT[n,3,6,3]", v18.type("y"));
    }

    @Test
    void resizeScalesSizesAndAspectPolicy() {
        TestGraph t = new TestGraph(19).input("x", DataType.FLOAT, 1, 3, 10, 20)
                .floats("sc", new long[] {4}, 1f, 1f, 1.5f, 0.5f).ints("sz", 1, 3, 7, 9).ints("s2", 5, 5);
        t.node("Resize", "x,,sc", "a");
        t.node("Resize", "x,,,sz", "b");
        t.node("Resize", "x,,,s2", "c", Attribute.of("axes", 2L, 3L),
                Attribute.of("keep_aspect_ratio_policy", "not_larger"));
        t.infer();
        assertEquals("FLOAT[1,3,15,10]", t.type("a"));
        assertEquals("FLOAT[1,3,7,9]", t.type("b"));
        assertEquals("FLOAT[1,3,3,5]", t.type("c"));

        TestGraph v10 = new TestGraph(10).input("x", DataType.FLOAT, 1, 3, 10, 20)
                .floats("sc", new long[] {4}, 1f, 1f, 2f, 2f);
        v10.node("Resize", "x,sc", "y");
        v10.infer();
        assertEquals("FLOAT[1,3,20,40]", v10.type("y"));
    }

    @Test
    void dropoutMaskTypeDependsOnOpset() {
        TestGraph v12 = new TestGraph(12).input("x", DataType.FLOAT, 2, 3);
        v12.node("Dropout", "x", "y,m");
        v12.infer();
        assertEquals("BOOL[2,3]", v12.type("m"));
        TestGraph v7 = new TestGraph(7).input("x", DataType.FLOAT, 2, 3);
        v7.node("Dropout", "x", "y,m");
        v7.infer();
        assertEquals("FLOAT[2,3]", v7.type("m"));
    }
}
