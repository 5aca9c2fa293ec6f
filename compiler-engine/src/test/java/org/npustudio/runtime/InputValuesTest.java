package org.npustudio.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

class InputValuesTest {
    private static Graph graph() {
        Graph g = new Graph("g");
        g.addInput(ValueInfo.tensor("sr", DataType.INT64, Shape.SCALAR));
        g.addInput(ValueInfo.tensor("gain", DataType.FLOAT16, Shape.of(2)));
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(java.util.List.of(org.npustudio.ir.Dim.symbol("n")))));
        return g;
    }

    @Test
    void fillsTheInputWithOneValueOfItsType() throws Exception {
        Map<String, Tensor> v = InputValues.parse(List.of("sr=16000", "gain=0.5"), graph());
        assertEquals(DataType.INT64, v.get("sr").dataType());
        assertEquals(0, v.get("sr").shape().rank());
        assertArrayEquals(new long[] {16000}, v.get("sr").toLongs());
        assertArrayEquals(new float[] {0.5f, 0.5f}, v.get("gain").toFloats());
    }

    @Test
    void halfPrecisionRoundsToNearest() {
        assertEquals((short) 0x3c00, InputValues.half(1f));
        assertEquals((short) 0xc000, InputValues.half(-2f));
        assertEquals((short) 0x7c00, InputValues.half(1e6f));
        assertEquals((short) 0x0001, InputValues.half(5.96e-8f));
    }

    @Test
    void badNameValueOrShapeIsOneLine() {
        assertEquals("--input-value: rate: the model has no input named 'rate'; inputs: sr, gain, x",
                assertThrows(StudioException.class, () -> InputValues.parse(List.of("rate=1"), graph())).oneLine());
        assertEquals("--input-value: sr: '16k' is not a valid int64 value",
                assertThrows(StudioException.class, () -> InputValues.parse(List.of("sr=16k"), graph())).oneLine());
        assertEquals("--input-value: 'sr' is not NAME=VALUE, e.g. sr=16000",
                assertThrows(StudioException.class, () -> InputValues.parse(List.of("sr"), graph())).oneLine());
        assertEquals("--input-value: x: input 'x' has no static shape ([n]); give it one with --input-shape",
                assertThrows(StudioException.class, () -> InputValues.parse(List.of("x=1"), graph())).oneLine());
    }
}
