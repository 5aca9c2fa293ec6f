package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Conv, ConvInteger and ConvTranspose: [N, C, spatial...] inputs with [M, C/group, kernel...] weights. */
final class ConvShapes {
    private ConvShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Conv", c -> conv(c, c.elemType(0)));
        m.put("ConvInteger", c -> conv(c, DataType.INT32));
        m.put("ConvTranspose", ConvShapes::convTranspose);
    }

    private static void conv(InferenceContext c, DataType elem) throws ShapeInferenceException {
        Shape x = c.shape(0);
        Shape w = c.shape(1);
        long[] kernel = kernel(c, x, w);
        if (x == null || kernel == null) {
            c.setOutput(0, elem, null);
            return;
        }
        checkSpatialRank(c, x, kernel);
        long group = c.attr("group", 1);
        Dim channels = w == null ? Dim.UNKNOWN : w.dim(0);
        if (w != null && x.dim(1).isKnown() && w.dim(1).isKnown() && x.dim(1).value() != w.dim(1).value() * group) {
            throw c.fail("input has " + x.dim(1) + " channels but the weight expects " + w.dim(1) + " x group " + group);
        }
        List<Dim> out = new ArrayList<>();
        out.add(x.dim(0));
        out.add(channels);
        out.addAll(sliding(x, window(c, kernel)));
        c.setOutput(0, elem, Shape.of(out));
    }

    private static void convTranspose(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        Shape w = c.shape(1);
        long[] kernel = kernel(c, x, w);
        if (x == null || kernel == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        checkSpatialRank(c, x, kernel);
        long group = c.attr("group", 1);
        Dim channels = w == null ? Dim.UNKNOWN : DimMath.times(w.dim(1), group);
        WindowGeometry g = window(c, kernel);
        List<Dim> out = new ArrayList<>();
        out.add(x.dim(0));
        out.add(channels);
        for (int i = 0; i < kernel.length; i++) {
            Dim in = x.dim(2 + i);
            // output_shape fixes the size even where the input's is unknown.
            out.add(in.isKnown() || g.outputShapeGiven() ? Dim.of(g.transposedOutput(i, in.isKnown() ? in.value() : 0)) : Dim.UNKNOWN);
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /** The node's window geometry; malformed attributes fail the node with the geometry's reason. */
    static WindowGeometry window(InferenceContext c, long[] kernel) throws ShapeInferenceException {
        try {
            return WindowGeometry.of(c.node(), kernel);
        } catch (IllegalArgumentException e) {
            throw c.fail(e.getMessage());
        }
    }

    /** Output sizes of a convolution or pool over the spatial dims of {@code x} (from axis 2); unknown stays unknown. */
    static List<Dim> sliding(Shape x, WindowGeometry g) {
        List<Dim> out = new ArrayList<>(g.rank());
        for (int i = 0; i < g.rank(); i++) {
            Dim in = x.dim(2 + i);
            out.add(in.isKnown() ? Dim.of(g.output(i, in.value())) : Dim.UNKNOWN);
        }
        return out;
    }

    /** kernel_shape when given, else the weight's spatial dims; null when neither is known. */
    static long[] kernel(InferenceContext c, Shape x, Shape w) throws ShapeInferenceException {
        long[] k = c.ints("kernel_shape");
        if (k != null) return k;
        if (w == null) return null;
        if (w.rank() < 3) throw c.fail("weight has rank " + w.rank() + "; at least 3 is needed");
        k = new long[w.rank() - 2];
        for (int i = 0; i < k.length; i++) {
            if (!w.dim(2 + i).isKnown()) return null;
            k[i] = w.dim(2 + i).value();
        }
        return k;
    }

    static void checkSpatialRank(InferenceContext c, Shape x, long[] kernel) throws ShapeInferenceException {
        if (x.rank() != kernel.length + 2) {
            throw c.fail("input has rank " + x.rank() + " but the kernel has " + kernel.length + " spatial axes");
        }
    }
}
