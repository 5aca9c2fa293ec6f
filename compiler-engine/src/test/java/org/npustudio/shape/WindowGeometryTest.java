package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Node;

/**
 * The edge cases on which shape inference, the MACs model and the simulator used to disagree, each pinned to
 * the answer of ONNX's backend tests or ONNX Runtime (WindowGeometryOrtTest runs the runtime on the same cases).
 */
class WindowGeometryTest {
    private static WindowGeometry window(String op, long[] kernel, Attribute... attrs) {
        Node n = new Node("n", "n", op, "", List.of("x"), List.of("y"));
        for (Attribute a : attrs) n.setAttribute(a);
        return WindowGeometry.of(n, kernel);
    }

    private static long[] k(long... v) { return v; }

    /** An INTS attribute, also for one value (Attribute.of(name, 2L) would be an INT). */
    private static Attribute ints(String name, long... v) { return Attribute.of(name, v); }

    @Test
    void missingAttributesTakeOnnxDefaults() {
        WindowGeometry g = window("Conv", k(3, 3));
        assertEquals(1, g.stride(1));
        assertEquals(1, g.dilation(1));
        assertEquals(WindowGeometry.AutoPad.NOTSET, g.autoPad());
        assertEquals(0, g.padTotal(0, 10));
        assertArrayEquals(k(8, 6), g.outputs(k(10, 8)));
    }

    @Test
    void sameUpperPutsTheOddPadAtTheEndAndSameLowerAtTheBeginning() {
        // test_averagepool_2d_same_lower: 32x32, kernel 2, stride 1 -> 32x32 with one pad pixel before.
        WindowGeometry lower = window("AveragePool", k(2, 2), Attribute.of("auto_pad", "SAME_LOWER"));
        WindowGeometry upper = window("AveragePool", k(2, 2), Attribute.of("auto_pad", "SAME_UPPER"));
        assertEquals(32, lower.output(0, 32));
        assertEquals(1, lower.padBegin(0, 32));
        assertEquals(0, upper.padBegin(0, 32));
        assertEquals(1, upper.padTotal(0, 32));
        // Stride 2 over 7: ceil(7/2) = 4 outputs, total pad (4-1)*2 + 3 - 7 = 2, one on each side.
        WindowGeometry strided = window("Conv", k(3), Attribute.of("auto_pad", "SAME_UPPER"), ints("strides", 2L));
        assertEquals(4, strided.output(0, 7));
        assertEquals(1, strided.padBegin(0, 7));
    }

    @Test
    void sameIgnoresDilationAndCeilModeForItsOutputSize() {
        // ONNX: SAME gives ceil(in / stride) whatever the kernel (ONNX Runtime's CPU Conv refuses dilated SAME).
        WindowGeometry dilated = window("Conv", k(3, 3), Attribute.of("auto_pad", "SAME_UPPER"), ints("dilations", 2L, 2L),
                ints("strides", 2L, 2L));
        assertArrayEquals(k(4, 4), dilated.outputs(k(7, 7)));
        assertEquals(2, dilated.padBegin(0, 7)); // total (4-1)*2 + 5 - 7 = 4
        WindowGeometry ceil = window("MaxPool", k(3), Attribute.of("auto_pad", "SAME_UPPER"), ints("strides", 2L),
                Attribute.of("ceil_mode", 1L));
        assertEquals(3, ceil.output(0, 5));
    }

    @Test
    void validStillHonoursCeilMode() {
        // The analysis used to ignore ceil_mode under VALID; ONNX Runtime and ONNX's shape inference apply it.
        WindowGeometry floor = window("MaxPool", k(2), Attribute.of("auto_pad", "VALID"), ints("strides", 2L));
        WindowGeometry ceil = window("MaxPool", k(2), Attribute.of("auto_pad", "VALID"), ints("strides", 2L),
                Attribute.of("ceil_mode", 1L));
        assertEquals(2, floor.output(0, 5));
        assertEquals(3, ceil.output(0, 5));
        assertEquals(0, ceil.padTotal(0, 5));
    }

    @Test
    void ceilModeDropsALastWindowThatWouldStartInTheEndPadding() {
        // test_maxpool_2d_ceil_output_size_reduce_by_one: 2 positions, kernel 1, stride 2 -> 1 (not 2).
        assertEquals(1, window("MaxPool", k(1), ints("strides", 2L), Attribute.of("ceil_mode", 1L)).output(0, 2));
        // test_averagepool_2d_ceil_last_window_starts_on_pad: 2 positions, kernel 3, stride 3, pads 1/1 -> 1.
        assertEquals(1, window("AveragePool", k(3), ints("strides", 3L), ints("pads", 1L, 1L),
                Attribute.of("ceil_mode", 1L)).output(0, 2));
        // test_maxpool_2d_ceil: 4 positions, kernel 3, stride 2 -> 2 (floor mode gives 1).
        assertEquals(2, window("MaxPool", k(3), ints("strides", 2L), Attribute.of("ceil_mode", 1L)).output(0, 4));
        assertEquals(1, window("MaxPool", k(3), ints("strides", 2L)).output(0, 4));
    }

    @Test
    void convolutionsHaveNoCeilMode() {
        WindowGeometry conv = window("Conv", k(3), ints("strides", 2L), Attribute.of("ceil_mode", 1L));
        assertEquals(false, conv.ceilMode());
        assertEquals(1, conv.output(0, 4));
    }

    @Test
    void aWindowLargerThanThePaddedInputHasNoOutput() {
        // ONNX's formula floor((2 - 3) / 2 + 1) = 0; the simulator and MACs model report such a node as not costed.
        WindowGeometry big = window("MaxPool", k(3, 3), ints("strides", 2L, 2L));
        assertEquals(0, big.output(0, 2));
        assertNull(big.outputs(k(2, 2)));
        // With ceil_mode a window overhanging by less than a stride still starts inside the input (ONNX Runtime: 1).
        WindowGeometry ceil = window("MaxPool", k(3, 3), ints("strides", 2L, 2L), Attribute.of("ceil_mode", 1L));
        assertArrayEquals(k(1, 1), ceil.outputs(k(2, 2)));
    }

    @Test
    void malformedAttributesAreRefusedWithTheirName() {
        assertEquals("strides has 0 values but 2 are needed",
                assertThrows(IllegalArgumentException.class, () -> window("Conv", k(3, 3), ints("strides"))).getMessage());
        assertEquals("pads has 2 values but 4 are needed",
                assertThrows(IllegalArgumentException.class, () -> window("Conv", k(3, 3), ints("pads", 1L, 1L))).getMessage());
        assertEquals("strides must be positive, got [1, 0]",
                assertThrows(IllegalArgumentException.class, () -> window("Conv", k(3, 3), ints("strides", 1L, 0L))).getMessage());
        assertEquals("kernel_shape must be positive, got [0]",
                assertThrows(IllegalArgumentException.class, () -> window("MaxPool", k(0))).getMessage());
        assertEquals("dilations must be non-negative, got [-1]",
                assertThrows(IllegalArgumentException.class, () -> window("Conv", k(3), ints("dilations", -1L))).getMessage());
        assertEquals("auto_pad 'SAME' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID",
                assertThrows(IllegalArgumentException.class, () -> window("Conv", k(3), Attribute.of("auto_pad", "SAME"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> window("ConvTranspose", k(3, 3), ints("output_padding", 1L)));
        assertThrows(IllegalArgumentException.class, () -> window("ConvTranspose", k(3, 3), ints("output_shape", 1L, 8L, 8L)));
    }

    @Test
    void emptyAutoPadIsNotSetAndZeroDilationReadsOnePosition() {
        assertEquals(WindowGeometry.AutoPad.NOTSET, window("Conv", k(3), Attribute.of("auto_pad", "")).autoPad());
        WindowGeometry zero = window("Conv", k(3), ints("dilations", 0L));
        assertEquals(1, zero.extent(0));
        assertEquals(5, zero.output(0, 5));
    }

    @Test
    void convTransposeSizes() {
        WindowGeometry plain = window("ConvTranspose", k(3, 3), ints("strides", 3L, 2L), ints("output_padding", 1L, 1L));
        assertArrayEquals(k(10, 8), plain.transposedOutputs(k(3, 3)));
        WindowGeometry same = window("ConvTranspose", k(3), Attribute.of("auto_pad", "SAME_UPPER"), ints("strides", 2L));
        assertEquals(6, same.transposedOutput(0, 3));
        // output_shape with or without the batch and channel dims; it wins over the input size.
        WindowGeometry spatial = window("ConvTranspose", k(3, 3), ints("output_shape", 8L, 9L));
        WindowGeometry full = window("ConvTranspose", k(3, 3), ints("output_shape", 1L, 2L, 8L, 9L));
        assertArrayEquals(k(8, 9), spatial.transposedOutputs(k(3, 3)));
        assertArrayEquals(k(8, 9), full.transposedOutputs(k(100, 100)));
        // Pads larger than the output leave nothing.
        WindowGeometry cropped = window("ConvTranspose", k(2, 2), ints("pads", 1L, 1L, 1L, 1L));
        assertEquals(0, cropped.transposedOutput(0, 1));
        assertNull(cropped.transposedOutputs(k(1, 1)));
    }

    @Test
    void touchedInputsCountOnlyThePositionsAWindowReads() {
        // 1x1 stride 2 over 4x4 reads rows/cols 0 and 2: a quarter of the input.
        WindowGeometry pointwise = window("Conv", k(1, 1), ints("strides", 2L, 2L));
        assertEquals(4, pointwise.touchedInputs(k(4, 4), pointwise.outputs(k(4, 4))));
        // 3x3 same-padded windows read everything; the padding is never counted.
        WindowGeometry padded = window("Conv", k(3, 3), ints("pads", 1L, 1L, 1L, 1L));
        assertEquals(25, padded.touchedInputs(k(5, 5), padded.outputs(k(5, 5))));
        // SCALE-Sim's unpadded layers take the ofmap size they are given.
        WindowGeometry scaleSim = WindowGeometry.unpadded(k(1, 1), 3);
        assertEquals(4, scaleSim.touchedInputs(k(5, 5), k(2, 2)));
    }
}
