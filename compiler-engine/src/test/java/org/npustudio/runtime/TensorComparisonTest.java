package org.npustudio.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

class TensorComparisonTest {
    private static Tensor f(float... v) {
        return Tensor.ofFloats("t", new long[] {v.length}, v);
    }

    private static Tensor l(long... v) {
        return Tensor.ofLongs("t", new long[] {v.length}, v);
    }

    @Test
    void identicalTensorsAreBitIdenticalAndClose() {
        TensorComparison c = TensorComparison.of(f(1, 2, Float.NaN), f(1, 2, Float.NaN));
        assertTrue(c.bitIdentical());
        assertTrue(c.allClose(0, 0));
        assertEquals(0.0, c.maxAbsDiff());
    }

    @Test
    void floatsFollowTheBackendRule() {
        assertTrue(TensorComparison.of(f(1.0009f), f(1f)).allClose(1e-3, 0));
        assertFalse(TensorComparison.of(f(1.0011f), f(1f)).allClose(1e-3, 0));
        assertTrue(TensorComparison.of(f(5e-8f), f(0f)).allClose(1e-3, 1e-7));
        assertFalse(TensorComparison.of(f(2e-7f), f(0f)).allClose(1e-3, 1e-7));
        TensorComparison c = TensorComparison.of(f(1.5f, 10f), f(1f, 10f));
        assertEquals(0.5, c.maxAbsDiff(), 1e-12);
        assertEquals(0.5, c.maxRelDiff(), 1e-12);
        assertFalse(c.bitIdentical());
    }

    @Test
    void nanMustBeInTheSamePlaceAndInfinitiesMustMatch() {
        assertTrue(TensorComparison.of(f(Float.NaN, 1), f(Float.intBitsToFloat(0x7fc00001), 1)).allClose(1e-3, 1e-7));
        assertFalse(TensorComparison.of(f(Float.NaN, 1), f(1, 1)).allClose(1, 1));
        assertFalse(TensorComparison.of(f(1, 1), f(1, Float.NaN)).allClose(1, 1));
        assertTrue(TensorComparison.of(f(Float.POSITIVE_INFINITY), f(Float.POSITIVE_INFINITY)).allClose(0, 0));
        assertFalse(TensorComparison.of(f(Float.POSITIVE_INFINITY), f(Float.NEGATIVE_INFINITY)).allClose(1, 1));
        assertFalse(TensorComparison.of(f(Float.MAX_VALUE), f(Float.POSITIVE_INFINITY)).allClose(1, 1));
    }

    @Test
    void integersMustBeExactWhateverTheTolerance() {
        assertFalse(TensorComparison.of(l(1, 2, 3), l(1, 2, 4)).allClose(1, 1));
        assertTrue(TensorComparison.of(l(1, 2, 3), l(1, 2, 3)).allClose(0, 0));
        long big = (1L << 60) + 1;
        assertFalse(TensorComparison.of(l(big), l(big + 1)).allClose(1, 1), "no precision lost above 2^53");
    }

    @Test
    void typeAndShapeMustAgree() {
        TensorComparison type = TensorComparison.of(f(1, 2), Tensor.raw("t", DataType.INT32, new long[] {2}, new byte[8]));
        assertFalse(type.sameType());
        assertFalse(type.allClose(1, 1));
        assertTrue(type.describe().contains("element type"));
        TensorComparison shape = TensorComparison.of(Tensor.ofFloats("t", new long[] {1, 2}, new float[] {1, 2}), f(1, 2));
        assertFalse(shape.sameShape());
        assertFalse(shape.allClose(1, 1));
        assertTrue(shape.describe().contains("shape [1, 2]"));
    }

    @Test
    void typedFieldsAndRawDataWithTheSameValuesAreIdentical() {
        Tensor typed = Tensor.of(TensorProto.newBuilder().setName("t").setDataType(1).addDims(2).addFloatData(1).addFloatData(2).build());
        assertTrue(TensorComparison.of(typed, f(1, 2)).bitIdentical());
    }

    @Test
    void stringsCompareExactly() {
        Tensor a = strings("x", "é");
        assertTrue(TensorComparison.of(a, strings("x", "é")).allClose(0, 0));
        assertFalse(TensorComparison.of(a, strings("x", "e")).allClose(1, 1));
    }

    private static Tensor strings(String... s) {
        TensorProto.Builder b = TensorProto.newBuilder().setName("s").setDataType(DataType.STRING.code()).addDims(s.length);
        for (String v : s) b.addStringData(ByteString.copyFromUtf8(v));
        return Tensor.of(b.build());
    }
}
