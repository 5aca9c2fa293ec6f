package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.runtime.OrtRunner;

/**
 * ONNX Runtime as the oracle for the window edge cases: where it runs a one-node model, shape inference must
 * give the output shape it produces; where it refuses the attributes, shape inference must fail the node.
 */
class WindowGeometryOrtTest {
    private static final long[] IN5 = {1, 1, 5, 5};
    private static final long[] W3 = {1, 1, 3, 3};

    /** A one-node model on input x (and constant weight w when given), inferred; the caller reads y. */
    private static TestGraph model(String op, long[] x, long[] w, Attribute... attrs) {
        TestGraph t = new TestGraph(op.startsWith("Conv") ? 17 : 19).input("x", DataType.FLOAT, Arrays.stream(x).boxed().toArray());
        if (w != null) t.floats("w", w, new float[(int) Arrays.stream(w).reduce(1, (a, b) -> a * b)]);
        t.node(op, w == null ? "x" : "x,w", "y", attrs);
        t.output("y");
        t.infer();
        return t;
    }

    private static long[] ortOutput(TestGraph t, long[] x) throws StudioException {
        try (OrtRunner r = OrtRunner.open(OnnxWriter.toBytes(t.model), "window", OrtRunner.Options.DETERMINISTIC)) {
            float[] zeros = new float[(int) Arrays.stream(x).reduce(1, (a, b) -> a * b)];
            return r.run(Map.of("x", Tensor.ofFloats("x", x, zeros))).get("y").dims();
        }
    }

    private static void agrees(String op, long[] x, long[] w, Attribute... attrs) throws StudioException {
        TestGraph t = model(op, x, w, attrs);
        assertEquals(Arrays.toString(ortOutput(t, x)), Arrays.toString(t.shapeOf("y").sizes()), op + " " + Arrays.toString(attrs));
    }

    private static void bothRefuse(String op, long[] x, long[] w, Attribute... attrs) {
        TestGraph t = model(op, x, w, attrs);
        assertEquals(ShapeInferenceReport.Status.FAILED, t.status(t.graph.nodes().get(0)), Arrays.toString(attrs));
        assertThrows(StudioException.class, () -> ortOutput(t, x));
    }

    @Test
    void autoPadAndCeilModeAsOnnxRuntimeRunsThem() throws StudioException {
        agrees("MaxPool", IN5, null, Attribute.of("kernel_shape", 2L, 2L), Attribute.of("strides", 2L, 2L),
                Attribute.of("auto_pad", "VALID"), Attribute.of("ceil_mode", 1L));
        agrees("AveragePool", IN5, null, Attribute.of("kernel_shape", 1L, 1L), Attribute.of("strides", 3L, 3L),
                Attribute.of("auto_pad", "VALID"), Attribute.of("ceil_mode", 1L));
        agrees("MaxPool", IN5, null, Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("auto_pad", "SAME_UPPER"), Attribute.of("ceil_mode", 1L));
        agrees("MaxPool", IN5, null, Attribute.of("kernel_shape", 2L, 2L), Attribute.of("auto_pad", "SAME_LOWER"));
        agrees("MaxPool", new long[] {1, 1, 2, 2}, null, Attribute.of("kernel_shape", 3L, 3L), Attribute.of("strides", 2L, 2L),
                Attribute.of("ceil_mode", 1L));
        agrees("MaxPool", new long[] {1, 1, 4, 4}, null, Attribute.of("kernel_shape", 2L, 2L), Attribute.of("strides", 2L, 2L),
                Attribute.of("pads", 1L, 1L, 1L, 1L), Attribute.of("ceil_mode", 1L));
        agrees("Conv", IN5, W3, Attribute.of("auto_pad", ""));
        agrees("Conv", IN5, W3, Attribute.of("dilations", 0L, 0L));
        agrees("Conv", new long[] {1, 1, 7, 6}, W3, Attribute.of("auto_pad", "SAME_LOWER"), Attribute.of("strides", 2L, 3L));
    }

    @Test
    void convTransposeAsOnnxRuntimeRunsIt() throws StudioException {
        long[] x = {1, 1, 3, 3};
        agrees("ConvTranspose", x, W3, Attribute.of("output_shape", 1L, 1L, 8L, 8L), Attribute.of("strides", 2L, 2L));
        agrees("ConvTranspose", x, W3, Attribute.of("output_shape", 8L, 7L), Attribute.of("strides", 2L, 2L));
        agrees("ConvTranspose", x, W3, Attribute.of("auto_pad", "SAME_UPPER"), Attribute.of("strides", 2L, 2L));
        agrees("ConvTranspose", x, W3, Attribute.of("auto_pad", "VALID"), Attribute.of("strides", 2L, 2L), Attribute.of("output_padding", 1L, 1L));
    }

    @Test
    void malformedAttributesAreRefusedByBoth() {
        bothRefuse("Conv", IN5, W3, Attribute.of("strides", new long[0]));
        bothRefuse("Conv", IN5, W3, Attribute.of("pads", new long[0]));
        bothRefuse("Conv", IN5, W3, Attribute.of("auto_pad", "SAME"));
        bothRefuse("ConvTranspose", new long[] {1, 1, 3, 3}, W3, Attribute.of("output_shape", 1L, 8L, 8L));
    }
}
