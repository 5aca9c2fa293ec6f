package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/**
 * Resize (scales or sizes, axes, keep_aspect_ratio_policy) and its predecessor Upsample. Sizes win
 * over scales; a scaled dim is floor(dim * scale) computed in float like ONNX does.
 */
final class ResizeShapes {
    private ResizeShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Resize", ResizeShapes::resize);
        m.put("Upsample", ResizeShapes::upsample);
    }

    private static void resize(InferenceContext c) throws ShapeInferenceException {
        int scalesAt = c.opset() < 11 ? 1 : 2;
        int sizesAt = c.opset() < 11 ? -1 : 3;
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long[] axes = c.ints("axes");
        if (axes == null) axes = SliceShapes.range(x.rank());
        List<Dim> out = new ArrayList<>(x.dims());
        boolean hasSizes = sizesAt > 0 && present(c, sizesAt);
        long[] sizes = hasSizes ? c.constLongs(sizesAt) : null;
        double[] scales = !hasSizes && present(c, scalesAt) ? c.constDoubles(scalesAt) : null;
        if (sizes != null) {
            applySizes(c, x, axes, sizes, out);
        } else if (scales != null) {
            applyScales(c, x, axes, scales, out);
        } else {
            c.dependsOnInput(hasSizes ? sizesAt : scalesAt);
            for (long a : axes) out.set(DimMath.axis(a, x.rank()), Dim.UNKNOWN);
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /** An optional input counts as given when named and not a known empty tensor. */
    private static boolean present(InferenceContext c, int i) {
        if (!c.hasInput(i)) return false;
        Shape s = c.shape(i);
        return s == null || s.rank() != 1 || !s.dim(0).isKnown() || s.dim(0).value() != 0;
    }

    private static void applySizes(InferenceContext c, Shape x, long[] axes, long[] sizes, List<Dim> out)
            throws ShapeInferenceException {
        if (sizes.length != axes.length) throw c.fail("sizes has " + sizes.length + " values for " + axes.length + " axes");
        String policy = c.str("keep_aspect_ratio_policy", "stretch");
        if (policy.equals("stretch")) {
            for (int i = 0; i < axes.length; i++) out.set(axis(c, axes[i], x), Dim.of(sizes[i]));
            return;
        }
        float scale = policy.equals("not_larger") ? Float.MAX_VALUE : 0f;
        for (int i = 0; i < axes.length; i++) {
            Dim in = x.dim(axis(c, axes[i], x));
            if (!in.isKnown()) {
                for (long a : axes) out.set(axis(c, a, x), Dim.UNKNOWN);
                return;
            }
            float s = (float) sizes[i] / in.value();
            scale = policy.equals("not_larger") ? Math.min(scale, s) : Math.max(scale, s);
        }
        for (long a : axes) {
            int k = axis(c, a, x);
            out.set(k, Dim.of(Math.round(scale * x.dim(k).value())));
        }
    }

    private static void applyScales(InferenceContext c, Shape x, long[] axes, double[] scales, List<Dim> out)
            throws ShapeInferenceException {
        if (scales.length != axes.length) {
            throw c.fail("scales has " + scales.length + " values for " + axes.length + " axes");
        }
        for (int i = 0; i < axes.length; i++) {
            int k = axis(c, axes[i], x);
            out.set(k, scaled(x.dim(k), (float) scales[i]));
        }
    }

    static Dim scaled(Dim in, float scale) {
        if (!in.isKnown()) return scale == 1f ? in : Dim.UNKNOWN;
        return Dim.of((long) Math.floor((float) in.value() * scale));
    }

    private static int axis(InferenceContext c, long a, Shape x) throws ShapeInferenceException {
        int k = DimMath.axis(a, x.rank());
        if (k < 0) throw c.fail("axis " + a + " is out of range for rank " + x.rank());
        return k;
    }

    /** Upsample: scales as an attribute (opset 7) or an input (opset 9). */
    private static void upsample(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        double[] scales;
        if (c.hasAttr("scales")) {
            float[] f = c.node().attribute("scales").asFloats();
            scales = new double[f.length];
            for (int i = 0; i < f.length; i++) scales[i] = f[i];
        } else {
            scales = c.constDoubles(1);
        }
        List<Dim> out = new ArrayList<>(x.dims());
        if (scales == null) {
            c.dependsOnInput(1);
            out = ReshapeShapes.unknownDims(x.rank()).dims();
        } else {
            applyScales(c, x, SliceShapes.range(x.rank()), scales, out);
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }
}
