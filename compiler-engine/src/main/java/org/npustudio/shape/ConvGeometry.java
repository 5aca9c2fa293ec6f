package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/**
 * Spatial output sizes of sliding-window operators (Conv, pools, ConvTranspose): kernel, strides,
 * dilations, explicit pads or auto_pad (SAME_UPPER, SAME_LOWER, VALID) and ceil_mode.
 */
final class ConvGeometry {
    private ConvGeometry() {}

    /** Attribute values for {@code n} spatial axes, with ONNX defaults filled in. */
    record Window(long[] kernel, long[] strides, long[] dilations, long[] pads, String autoPad, boolean ceil) {}

    static Window window(InferenceContext c, long[] kernel) throws ShapeInferenceException {
        int n = kernel.length;
        long[] strides = orOnes(c, "strides", n);
        long[] dilations = orOnes(c, "dilations", n);
        long[] pads = c.ints("pads");
        if (pads == null) pads = new long[2 * n];
        if (pads.length != 2 * n) throw c.fail("pads has " + pads.length + " values but " + 2 * n + " are needed for "
                + n + " spatial axes");
        for (int i = 0; i < n; i++) {
            if (strides[i] <= 0) throw c.fail("strides must be positive, got " + Arrays.toString(strides));
            if (kernel[i] <= 0) throw c.fail("kernel_shape must be positive, got " + Arrays.toString(kernel));
        }
        return new Window(kernel, strides, dilations, pads, c.str("auto_pad", "NOTSET"), c.attr("ceil_mode", 0) != 0);
    }

    private static long[] orOnes(InferenceContext c, String name, int n) throws ShapeInferenceException {
        long[] v = c.ints(name);
        if (v == null || v.length == 0) {
            v = new long[n];
            Arrays.fill(v, 1);
        }
        if (v.length != n) throw c.fail(name + " has " + v.length + " values but the input has " + n + " spatial axes");
        return v;
    }

    /** Output sizes of a convolution or pooling window over the spatial dims of {@code x} (from axis 2). */
    static List<Dim> forward(Shape x, Window w) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < w.kernel().length; i++) {
            Dim in = x.dim(2 + i);
            if (!in.isKnown()) {
                out.add(Dim.UNKNOWN);
                continue;
            }
            long size = in.value();
            long eff = (w.kernel()[i] - 1) * w.dilations()[i] + 1;
            long s = w.strides()[i];
            long padBegin;
            long padTotal;
            switch (w.autoPad()) {
                case "SAME_UPPER", "SAME_LOWER" -> {
                    long target = ceilDiv(size, s);
                    padTotal = Math.max(0, (target - 1) * s + eff - size);
                    padBegin = w.autoPad().equals("SAME_UPPER") ? padTotal / 2 : padTotal - padTotal / 2;
                }
                case "VALID" -> {
                    padTotal = 0;
                    padBegin = 0;
                }
                default -> {
                    padBegin = w.pads()[i];
                    padTotal = w.pads()[i] + w.pads()[i + w.kernel().length];
                }
            }
            long span = size + padTotal - eff;
            long positions = w.ceil() ? ceilDiv(span, s) : Math.floorDiv(span, s);
            long o = positions + 1;
            // A last window that would start inside the end padding is dropped (ceil_mode only).
            if (w.ceil() && (o - 1) * s >= size + padBegin) o--;
            out.add(Dim.of(Math.max(0, o)));
        }
        return out;
    }

    /** Output sizes of ConvTranspose, honouring output_shape, output_padding and auto_pad. */
    static List<Dim> transposed(Shape x, Window w, long[] outputPadding, long[] outputShape) {
        int n = w.kernel().length;
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outputShape != null) {
                out.add(Dim.of(outputShape[outputShape.length - n + i]));
                continue;
            }
            Dim in = x.dim(2 + i);
            if (!in.isKnown()) {
                out.add(Dim.UNKNOWN);
                continue;
            }
            long s = w.strides()[i];
            if (w.autoPad().startsWith("SAME")) {
                out.add(Dim.of(in.value() * s));
                continue;
            }
            long eff = (w.kernel()[i] - 1) * w.dilations()[i] + 1;
            long pads = w.autoPad().equals("VALID") ? 0 : w.pads()[i] + w.pads()[i + n];
            long op = outputPadding == null ? 0 : outputPadding[i];
            out.add(Dim.of(Math.max(0, s * (in.value() - 1) + op + eff - pads)));
        }
        return out;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
