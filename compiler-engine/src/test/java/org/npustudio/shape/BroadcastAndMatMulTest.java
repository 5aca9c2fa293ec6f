package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;

class BroadcastAndMatMulTest {
    @Test
    void numpyBroadcastingWithSymbols() {
        TestGraph t = new TestGraph(17).input("a", DataType.FLOAT, "batch", 1, 4).input("b", DataType.FLOAT, 3, 1)
                .input("one", DataType.FLOAT, 1).input("s", DataType.FLOAT, "seq", 4).input("u", DataType.FLOAT, "?", 4);
        t.node("Add", "a,b", "ab");
        t.node("Mul", "one,s", "onesym");
        t.node("Sub", "u,a", "unknownvs1");
        t.node("Less", "a,b", "cmp");
        t.node("Where", "cmp,a,b", "w");
        t.node("Max", "a,b,one", "m");
        t.infer();
        assertEquals("FLOAT[batch,3,4]", t.type("ab"));
        assertEquals("FLOAT[seq,4]", t.type("onesym"));
        assertEquals("FLOAT[batch,?,4]", t.type("unknownvs1"));
        assertEquals("BOOL[batch,3,4]", t.type("cmp"));
        assertEquals("FLOAT[batch,3,4]", t.type("w"));
        assertEquals("FLOAT[batch,3,4]", t.type("m"));
    }

    @Test
    void incompatibleBroadcastFailsNamingTheNode() {
        TestGraph t = new TestGraph(17).input("a", DataType.FLOAT, 2, 3).input("b", DataType.FLOAT, 4);
        Node add = t.node("Add", "a,b", "c");
        t.node("Relu", "c", "d");
        t.infer();
        assertEquals(ShapeInferenceReport.Status.FAILED, t.status(add));
        assertTrue(t.report.result(add.id()).describe().startsWith("Add 'Add_0': failed: cannot broadcast"),
                t.report.result(add.id()).describe());
        assertEquals("unknown", t.type("d"));
    }

    @Test
    void legacyBroadcastTakesFirstShape() {
        TestGraph t = new TestGraph(6).input("a", DataType.FLOAT, 2, 3, 4, 5).input("b", DataType.FLOAT, 3);
        t.node("Add", "a,b", "c", Attribute.of("broadcast", 1L), Attribute.of("axis", 1L));
        t.infer();
        assertEquals("FLOAT[2,3,4,5]", t.type("c"));
    }

    @Test
    void matMulOneDimensionalAndBatchRules() {
        TestGraph t = new TestGraph(13).input("v", DataType.FLOAT, 4).input("m", DataType.FLOAT, 4, 5)
                .input("b3", DataType.FLOAT, "b", 1, 3, 4).input("b2", DataType.FLOAT, 7, 4, 6);
        t.node("MatMul", "v,m", "vm");
        t.node("MatMul", "m,m", "bad");
        t.node("MatMul", "b3,v", "bv");
        t.node("MatMul", "b3,b2", "bb");
        t.node("MatMul", "v,v", "dot");
        t.infer();
        assertEquals("FLOAT[5]", t.type("vm"));
        assertEquals("unknown", t.type("bad"));
        assertEquals("FLOAT[b,1,3]", t.type("bv"));
        assertEquals("FLOAT[b,7,3,6]", t.type("bb"));
        assertEquals("FLOAT[]", t.type("dot"));
    }

    @Test
    void gemmTransposes() {
        TestGraph t = new TestGraph(13).input("a", DataType.FLOAT, 3, "m").input("b", DataType.FLOAT, 10, 3)
                .input("c", DataType.FLOAT, 10);
        t.node("Gemm", "a,b,c", "y", Attribute.of("transA", 1L), Attribute.of("transB", 1L));
        t.infer();
        assertEquals("FLOAT[m,10]", t.type("y"));
    }
}
