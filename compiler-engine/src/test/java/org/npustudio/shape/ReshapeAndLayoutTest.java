package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;

class ReshapeAndLayoutTest {
    @Test
    void reshapeZeroCopiesAndMinusOneSolves() {
        TestGraph t = new TestGraph(14).input("x", DataType.FLOAT, 2, 3, 4).ints("s1", 0, -1).ints("s2", -1, 0, 2)
                .ints("z", 0, 3, 4).input("e", DataType.FLOAT, 0, 3, 4);
        t.node("Reshape", "x,s1", "a");
        t.node("Reshape", "x,s2", "b", Attribute.of("allowzero", 0L));
        t.node("Reshape", "e,z", "c", Attribute.of("allowzero", 1L));
        t.infer();
        assertEquals("FLOAT[2,12]", t.type("a"));
        assertEquals("FLOAT[4,3,2]", t.type("b"));
        assertEquals("FLOAT[0,3,4]", t.type("c"));
    }

    @Test
    void reshapeWithSymbolicBatch() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, "batch", 8, 6).ints("s", 0, -1);
        t.node("Reshape", "x,s", "y");
        t.infer();
        assertEquals("FLOAT[batch,48]", t.type("y"));
    }

    @Test
    void reshapeRejectsWrongElementCount() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, 2, 3).ints("s", 4, 2);
        Node r = t.node("Reshape", "x,s", "y");
        t.infer();
        assertEquals(ShapeInferenceReport.Status.FAILED, t.status(r));
    }

    @Test
    void reshapeOfRuntimeShapeIsDataDependentWithKnownRank() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, 2, 3).input("s", DataType.INT64, 3);
        Node r = t.node("Reshape", "x,s", "y");
        t.infer();
        assertEquals(ShapeInferenceReport.Status.DATA_DEPENDENT, t.status(r));
        assertEquals("FLOAT[?,?,?]", t.type("y"));
    }

    @Test
    void flattenTransposeGatherConcat() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, "n", 3, 4, 5).input("i", DataType.INT64, 2, 6)
                .input("k", DataType.INT64).input("y", DataType.FLOAT, "n", 3, 4, 2);
        t.node("Flatten", "x", "f1");
        t.node("Flatten", "x", "f2", Attribute.of("axis", -2L));
        t.node("Flatten", "x", "f0", Attribute.of("axis", 0L));
        t.node("Transpose", "x", "tr");
        t.node("Transpose", "x", "tp", Attribute.of("perm", 0L, 2L, 3L, 1L));
        t.node("Gather", "x,i", "g", Attribute.of("axis", 2L));
        t.node("Gather", "x,k", "gs", Attribute.of("axis", -1L));
        t.node("Concat", "x,y", "c", Attribute.of("axis", -1L));
        t.infer();
        assertEquals("FLOAT[n,60]", t.type("f1"));
        assertEquals("FLOAT[?,20]", t.type("f2"));
        assertEquals("FLOAT[1,?]", t.type("f0"));
        assertEquals("FLOAT[5,4,3,n]", t.type("tr"));
        assertEquals("FLOAT[n,4,5,3]", t.type("tp"));
        assertEquals("FLOAT[n,3,2,6,5]", t.type("g"));
        assertEquals("FLOAT[n,3,4]", t.type("gs"));
        assertEquals("FLOAT[n,3,4,7]", t.type("c"));
    }

    @Test
    void squeezeAndUnsqueezeAxesAttributeBeforeOpset13() {
        TestGraph t = new TestGraph(11).input("x", DataType.FLOAT, 1, 3, 1, 5);
        t.node("Squeeze", "x", "s", Attribute.of("axes", 0L, -2L));
        t.node("Squeeze", "x", "all");
        t.node("Unsqueeze", "x", "u", Attribute.of("axes", 0L, -1L));
        t.infer();
        assertEquals("FLOAT[3,5]", t.type("s"));
        assertEquals("FLOAT[3,5]", t.type("all"));
        assertEquals("FLOAT[1,1,3,1,5,1]", t.type("u"));
    }

    @Test
    void squeezeAndUnsqueezeAxesInputFromOpset13() {
        TestGraph t = new TestGraph(13).input("x", DataType.FLOAT, 1, 3, 1, 5).ints("a", 2).ints("u", 1, 3);
        t.node("Squeeze", "x,a", "s");
        t.node("Unsqueeze", "x,u", "un");
        t.infer();
        assertEquals("FLOAT[1,3,5]", t.type("s"));
        assertEquals("FLOAT[1,1,3,1,1,5]", t.type("un"));
    }
}
