package org.npustudio.shape;

import java.util.Arrays;
import java.util.BitSet;
import org.npustudio.ir.Node;

/**
 * The geometry of ONNX's sliding-window operators (Conv, ConvInteger, ConvTranspose, MaxPool, AveragePool,
 * LpPool), read once from a node: kernel, strides, dilations, pads or auto_pad, ceil_mode, and ConvTranspose's
 * output_padding and output_shape. Per spatial axis it gives the resolved pads and the output size, so shape
 * inference (axis by axis, symbolic sizes stay unknown), the MACs model and the NPU simulator share one answer.
 *
 * <p>Where ONNX's operator text, its shape inference and ONNX Runtime disagree, the rules follow what ONNX
 * Runtime runs (WindowGeometryOrtTest checks them against it); docs/decisions/0008-one-geometry-one-grid.md lists
 * the cases:
 * <ul>
 * <li>SAME_UPPER / SAME_LOWER: output {@code ceil(in / stride)}; the total pad {@code max(0, (out - 1) * stride +
 *     extent - in)} is split evenly, the odd pixel at the end (UPPER) or at the beginning (LOWER).
 * <li>VALID: no padding, and ceil_mode still applies.
 * <li>ceil_mode (pools only): a last window that would start inside the end padding is dropped.
 * <li>a window with no position in the padded input gives 0 outputs (the operator text's floor; ONNX Runtime's
 *     pools truncate to 1, its Conv refuses the input).
 * <li>strides, dilations, pads, output_padding: absent means the default, any other length is an error, an empty
 *     list too; strides and kernel sizes must be positive, dilations not negative; an auto_pad other than the
 *     four names is an error ("" means NOTSET); output_shape has the spatial sizes, or N, C and them.
 * </ul>
 * Malformed attributes throw {@link IllegalArgumentException} with a one-line reason.
 */
public final class WindowGeometry {
    /** ONNX's auto_pad values. */
    public enum AutoPad { NOTSET, SAME_UPPER, SAME_LOWER, VALID }

    private final long[] kernel, strides, dilations, pads, outputPadding, outputShape;
    private final AutoPad autoPad;
    private final boolean ceilMode;

    private WindowGeometry(long[] kernel, long[] strides, long[] dilations, long[] pads, AutoPad autoPad, boolean ceilMode,
            long[] outputPadding, long[] outputShape) {
        this.kernel = kernel;
        this.strides = strides;
        this.dilations = dilations;
        this.pads = pads;
        this.autoPad = autoPad;
        this.ceilMode = ceilMode;
        this.outputPadding = outputPadding;
        this.outputShape = outputShape;
    }

    /**
     * The node's window over {@code kernel.length} spatial axes (kernel_shape, or the weight's trailing dims);
     * the kernel array is kept, not copied.
     */
    public static WindowGeometry of(Node node, long[] kernel) {
        int n = kernel.length;
        long[] strides = atLeast("strides", listOr(node, "strides", n, 1), 1);
        // A zero dilation is odd but well defined (every tap reads one position), and ONNX Runtime runs it.
        long[] dilations = atLeast("dilations", listOr(node, "dilations", n, 1), 0);
        atLeast("kernel_shape", kernel, 1);
        long[] pads = listOr(node, "pads", 2 * n, 0);
        boolean transposed = node.opType().equals("ConvTranspose");
        long[] outputPadding = transposed ? listOr(node, "output_padding", n, 0) : null;
        long[] outputShape = transposed ? node.attrLongs("output_shape") : null;
        if (outputShape != null) {
            if (outputShape.length != n && outputShape.length != n + 2) {
                throw new IllegalArgumentException("output_shape has " + outputShape.length + " values but " + n + " (or " + (n + 2)
                        + " with batch and channels) are needed for " + n + " spatial axes");
            }
            outputShape = Arrays.copyOfRange(outputShape, outputShape.length - n, outputShape.length);
        }
        // Convolutions have no ceil_mode; only the pools read it.
        boolean ceil = !node.opType().startsWith("Conv") && node.attrLong("ceil_mode", 0) != 0;
        return new WindowGeometry(kernel, strides, dilations, pads, autoPad(node), ceil, outputPadding, outputShape);
    }

    /** An unpadded window with one stride on every axis (SCALE-Sim's layers). */
    public static WindowGeometry unpadded(long[] kernel, long stride) {
        long[] s = new long[kernel.length];
        Arrays.fill(s, stride);
        long[] ones = new long[kernel.length];
        Arrays.fill(ones, 1);
        return new WindowGeometry(kernel.clone(), s, ones, new long[2 * kernel.length], AutoPad.NOTSET, false, null, null);
    }

    private static AutoPad autoPad(Node node) {
        String s = node.attrString("auto_pad", "NOTSET");
        return switch (s) {
            case "NOTSET", "" -> AutoPad.NOTSET;
            case "SAME_UPPER" -> AutoPad.SAME_UPPER;
            case "SAME_LOWER" -> AutoPad.SAME_LOWER;
            case "VALID" -> AutoPad.VALID;
            default -> throw new IllegalArgumentException("auto_pad '" + s + "' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
        };
    }

    /** The attribute's values, or {@code n} copies of {@code dflt} when it is absent; any other length is an error. */
    private static long[] listOr(Node node, String name, int n, long dflt) {
        long[] v = node.attrLongs(name);
        if (v == null) {
            v = new long[n];
            Arrays.fill(v, dflt);
            return v;
        }
        if (v.length != n) throw new IllegalArgumentException(name + " has " + v.length + " values but " + n + " are needed");
        return v;
    }

    private static long[] atLeast(String name, long[] v, long min) {
        for (long x : v) {
            if (x < min) throw new IllegalArgumentException(name + " must be " + (min == 0 ? "non-negative" : "positive") + ", got " + Arrays.toString(v));
        }
        return v;
    }

    /** Number of spatial axes. */
    public int rank() { return kernel.length; }

    public long kernel(int axis) { return kernel[axis]; }

    public long stride(int axis) { return strides[axis]; }

    public long dilation(int axis) { return dilations[axis]; }

    public AutoPad autoPad() { return autoPad; }

    public boolean ceilMode() { return ceilMode; }

    /** True when ConvTranspose's output_shape fixes the output sizes (whatever the input's). */
    public boolean outputShapeGiven() { return outputShape != null; }

    /** Elements in one window (the product of the kernel sizes). */
    public long kernelSize() { return product(kernel); }

    /** Input positions one window spans along an axis: {@code (kernel - 1) * dilation + 1}. */
    public long extent(int axis) { return (kernel[axis] - 1) * dilations[axis] + 1; }

    /** Padding before the first input position along an axis, for an input of {@code in} positions. */
    public long padBegin(int axis, long in) {
        return switch (autoPad) {
            case SAME_UPPER -> samePad(axis, in) / 2;
            case SAME_LOWER -> samePad(axis, in) - samePad(axis, in) / 2;
            case VALID -> 0;
            case NOTSET -> pads[axis];
        };
    }

    /** Padding on both sides together along an axis. */
    public long padTotal(int axis, long in) {
        return switch (autoPad) {
            case SAME_UPPER, SAME_LOWER -> samePad(axis, in);
            case VALID -> 0;
            case NOTSET -> pads[axis] + pads[axis + kernel.length];
        };
    }

    private long samePad(int axis, long in) {
        return Math.max(0, (DimMath.ceilDiv(in, strides[axis]) - 1) * strides[axis] + extent(axis) - in);
    }

    /** Output positions of Conv or a pool along an axis; 0 when no window fits in the padded input. */
    public long output(int axis, long in) {
        long s = strides[axis];
        long span = in + padTotal(axis, in) - extent(axis);
        long o = (ceilMode ? DimMath.ceilDiv(span, s) : Math.floorDiv(span, s)) + 1;
        // A last window that would start inside the end padding is dropped (ceil_mode only).
        if (ceilMode && (o - 1) * s >= in + padBegin(axis, in)) o--;
        return Math.max(0, o);
    }

    /** Output sizes of Conv or a pool for static input sizes; null when some axis has no window. */
    public long[] outputs(long[] in) {
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = output(i, in[i]);
            if (out[i] == 0) return null;
        }
        return out;
    }

    /** Output positions of ConvTranspose along an axis: output_shape when given, else from the input; 0 when nothing is left. */
    public long transposedOutput(int axis, long in) {
        if (outputShape != null) return outputShape[axis];
        long s = strides[axis];
        if (autoPad == AutoPad.SAME_UPPER || autoPad == AutoPad.SAME_LOWER) return in * s;
        long pad = autoPad == AutoPad.VALID ? 0 : pads[axis] + pads[axis + kernel.length];
        long adjust = outputPadding == null ? 0 : outputPadding[axis];
        return Math.max(0, s * (in - 1) + adjust + extent(axis) - pad);
    }

    /** ConvTranspose's output sizes for static input sizes; null when some axis has none. */
    public long[] transposedOutputs(long[] in) {
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = transposedOutput(i, in[i]);
            if (out[i] <= 0) return null;
        }
        return out;
    }

    /**
     * Input positions read by at least one of {@code out} windows over an input of {@code in} positions (the
     * product over the axes): a 1x1 stride-2 window reads a quarter of its input.
     */
    public long touchedInputs(long[] in, long[] out) {
        long p = 1;
        for (int i = 0; i < in.length; i++) p = Math.multiplyExact(p, touched(i, in[i], out[i]));
        return p;
    }

    private long touched(int axis, long n, long out) {
        if (n > (1 << 24)) return n;
        BitSet hit = new BitSet((int) n);
        long begin = padBegin(axis, n);
        for (long o = 0; o < out; o++) {
            for (long t = 0; t < kernel[axis]; t++) {
                long idx = o * strides[axis] + t * dilations[axis] - begin;
                if (idx >= 0 && idx < n) hit.set((int) idx);
            }
            if (hit.cardinality() == n) break;
        }
        return hit.cardinality();
    }

    private static long product(long[] sizes) {
        long p = 1;
        for (long v : sizes) p = Math.multiplyExact(p, v);
        return p;
    }
}
