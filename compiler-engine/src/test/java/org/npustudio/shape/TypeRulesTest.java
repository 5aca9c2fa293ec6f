package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;

/** Rules that decide element types: casts, quantization and normalization statistics. */
class TypeRulesTest {
    @Test
    void castAndQuantization() {
        TestGraph t = new TestGraph(21).input("x", DataType.FLOAT, "n", 4).input("s", DataType.FLOAT)
                .input("zp", DataType.INT8).input("q", DataType.UINT8, "n", 4).input("s16", DataType.FLOAT16);
        t.node("Cast", "x", "c", Attribute.of("to", (long) DataType.FLOAT16.code()));
        t.node("QuantizeLinear", "x,s,zp", "q8");
        t.node("QuantizeLinear", "x,s", "qu");
        t.node("QuantizeLinear", "x,s", "q16", Attribute.of("output_dtype", (long) DataType.UINT16.code()));
        t.node("DequantizeLinear", "q,s16", "dq");
        t.infer();
        assertEquals("FLOAT16[n,4]", t.type("c"));
        assertEquals("INT8[n,4]", t.type("q8"));
        assertEquals("UINT8[n,4]", t.type("qu"));
        assertEquals("UINT16[n,4]", t.type("q16"));
        assertEquals("FLOAT16[n,4]", t.type("dq"));
    }

    @Test
    void normalizationOutputs() {
        TestGraph t = new TestGraph(17).input("x", DataType.FLOAT16, "n", 3, 8).input("g", DataType.FLOAT16, 8)
                .input("c", DataType.FLOAT, 3).input("x4", DataType.FLOAT, 2, 3, 5, 5);
        t.node("LayerNormalization", "x,g", "y,mean,inv", Attribute.of("axis", -1L));
        t.node("BatchNormalization", "x4,c,c,c,c", "bn,rm,rv", Attribute.of("training_mode", 1L));
        t.node("Softmax", "x", "sm", Attribute.of("axis", 1L));
        t.infer();
        assertEquals("FLOAT16[n,3,8]", t.type("y"));
        assertEquals("FLOAT[n,3,1]", t.type("mean"));
        assertEquals("FLOAT[n,3,1]", t.type("inv"));
        assertEquals("FLOAT[2,3,5,5]", t.type("bn"));
        assertEquals("FLOAT[3]", t.type("rv"));
        assertEquals("FLOAT16[n,3,8]", t.type("sm"));
    }
}
