package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Slice (attributes before opset 10, inputs with optional axes/steps after) and Pad. */
final class SliceShapes {
    private SliceShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Slice", SliceShapes::slice);
        m.put("Pad", SliceShapes::pad);
    }

    private static void slice(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        boolean attrs = c.opset() < 10;
        long[] starts = attrs ? c.ints("starts") : c.constLongs(1);
        long[] ends = attrs ? c.ints("ends") : c.constLongs(2);
        long[] axes = attrs ? c.ints("axes") : c.hasInput(3) ? c.constLongs(3) : null;
        long[] steps = attrs ? null : c.hasInput(4) ? c.constLongs(4) : null;
        boolean axesUnknown = !attrs && c.hasInput(3) && axes == null;
        boolean stepsUnknown = !attrs && c.hasInput(4) && steps == null;
        List<Dim> out = new ArrayList<>(x.dims());
        if (starts == null || ends == null || stepsUnknown || axesUnknown) {
            c.dependsOnInput(starts == null ? 1 : ends == null ? 2 : axesUnknown ? 3 : 4);
            if (axesUnknown || axes == null && (starts == null || ends == null)) {
                out = ReshapeShapes.unknownDims(x.rank()).dims();
            } else {
                List<Dim> copy = new ArrayList<>(out);
                long[] ax = axes != null ? axes : range(starts != null ? starts.length : ends.length);
                for (long a : ax) {
                    int n = DimMath.axis(a, x.rank());
                    if (n >= 0) copy.set(n, Dim.UNKNOWN);
                }
                out = copy;
            }
            c.setOutput(0, c.elemType(0), Shape.of(out));
            return;
        }
        if (starts.length != ends.length) throw c.fail("starts and ends have different lengths");
        if (axes == null) axes = range(starts.length);
        if (axes.length != starts.length) throw c.fail("axes and starts have different lengths");
        if (steps != null && steps.length != starts.length) throw c.fail("steps and starts have different lengths");
        boolean[] seen = new boolean[x.rank()];
        for (int i = 0; i < axes.length; i++) {
            int a = DimMath.axis(axes[i], x.rank());
            if (a < 0) throw c.fail("axis " + axes[i] + " is out of range for rank " + x.rank());
            if (seen[a]) throw c.fail("axis " + axes[i] + " is sliced twice");
            seen[a] = true;
            long step = steps == null ? 1 : steps[i];
            if (step == 0) throw c.fail("step 0 on axis " + axes[i]);
            out.set(a, sliceDim(x.dim(a), starts[i], ends[i], step));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /** Length of one sliced axis with ONNX's clamping of starts and ends. */
    static Dim sliceDim(Dim d, long start, long end, long step) {
        if (!d.isKnown()) {
            boolean whole = step == 1 && start == 0 && end >= Integer.MAX_VALUE
                    || step == -1 && start >= Integer.MAX_VALUE - 1 && end <= Integer.MIN_VALUE;
            return whole ? d : Dim.UNKNOWN;
        }
        return Dim.of(bounds(d.value(), start, end, step)[1]);
    }

    /** {first index, element count} of a slice over an axis of size n. */
    static long[] bounds(long n, long start, long end, long step) {
        if (start < 0) start += n;
        if (end < 0) end += n;
        long len;
        if (step > 0) {
            start = clamp(start, 0, n);
            end = clamp(end, 0, n);
            len = end > start ? (end - start + step - 1) / step : 0;
        } else {
            start = clamp(start, 0, n - 1);
            end = clamp(end, -1, n - 1);
            len = start > end ? (start - end - step - 1) / -step : 0;
        }
        return new long[] {start, len};
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static void pad(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long[] pads;
        long[] axes = null;
        if (c.opset() < 11) {
            pads = c.ints(c.opset() < 2 ? "paddings" : "pads");
            if (pads == null) throw c.fail("pads is required");
        } else {
            pads = c.constLongs(1);
            if (c.hasInput(3)) {
                axes = c.constLongs(3);
                if (axes == null) {
                    c.dependsOnInput(3);
                    c.setOutput(0, c.elemType(0), ReshapeShapes.unknownDims(x.rank()));
                    return;
                }
            }
        }
        if (axes == null) axes = range(x.rank());
        List<Dim> out = new ArrayList<>(x.dims());
        if (pads == null) {
            c.dependsOnInput(1);
            for (long a : axes) {
                int n = DimMath.axis(a, x.rank());
                if (n >= 0) out.set(n, Dim.UNKNOWN);
            }
            c.setOutput(0, c.elemType(0), Shape.of(out));
            return;
        }
        if (pads.length != 2 * axes.length) {
            throw c.fail("pads " + Arrays.toString(pads) + " needs " + 2 * axes.length + " values");
        }
        for (int i = 0; i < axes.length; i++) {
            int a = DimMath.axis(axes[i], x.rank());
            if (a < 0) throw c.fail("axis " + axes[i] + " is out of range for rank " + x.rank());
            out.set(a, DimMath.add(x.dim(a), pads[i] + pads[i + axes.length]));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }
}
