package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Operators that rearrange dims: Transpose, Squeeze, Unsqueeze, DepthToSpace, SpaceToDepth. */
final class LayoutShapes {
    private LayoutShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Transpose", LayoutShapes::transpose);
        m.put("Squeeze", LayoutShapes::squeeze);
        m.put("Unsqueeze", LayoutShapes::unsqueeze);
        m.put("DepthToSpace", c -> spaceDepth(c, true));
        m.put("SpaceToDepth", c -> spaceDepth(c, false));
    }

    private static void transpose(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long[] perm = c.ints("perm");
        if (perm == null || perm.length == 0 && x.rank() > 0) {
            perm = new long[x.rank()];
            for (int i = 0; i < perm.length; i++) perm[i] = x.rank() - 1 - i;
        }
        if (perm.length != x.rank()) throw c.fail("perm " + Arrays.toString(perm) + " does not match rank " + x.rank());
        boolean[] seen = new boolean[perm.length];
        List<Dim> out = new ArrayList<>();
        for (long p : perm) {
            int a = DimMath.axis(p, x.rank());
            if (a < 0 || seen[a]) throw c.fail("perm " + Arrays.toString(perm) + " is not a permutation");
            seen[a] = true;
            out.add(x.dim(a));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    /** Axes from the attribute (before opset 13) or the second input (opset 13+); null if absent. */
    static long[] axes(InferenceContext c, int inputIndex, long sinceOpset) {
        if (c.opset() < sinceOpset) return c.ints("axes");
        return c.hasInput(inputIndex) ? c.constLongs(inputIndex) : null;
    }

    private static void squeeze(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        long[] axes = axes(c, 1, 13);
        if (axes == null && c.opset() >= 13 && c.hasInput(1)) {
            c.dependsOnInput(1);
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        List<Dim> out = new ArrayList<>();
        if (axes == null || axes.length == 0) {
            for (Dim d : x.dims()) {
                if (!d.isKnown()) {
                    // Whether a symbolic dim is 1 is unknown, so the rank is too.
                    c.setOutput(0, c.elemType(0), null);
                    return;
                }
                if (d.value() != 1) out.add(d);
            }
        } else {
            TreeSet<Integer> drop = normalized(c, axes, x.rank());
            for (int i = 0; i < x.rank(); i++) {
                Dim d = x.dim(i);
                if (!drop.contains(i)) {
                    out.add(d);
                } else if (d.isKnown() && d.value() != 1) {
                    throw c.fail("cannot squeeze axis " + i + " of " + x + ": its size is " + d.value());
                }
            }
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    private static void unsqueeze(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        long[] axes = axes(c, 1, 13);
        if (axes == null) {
            if (c.opset() >= 13) c.dependsOnInput(1);
            else throw c.fail("axes is required");
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        int rank = x.rank() + axes.length;
        TreeSet<Integer> insert = normalized(c, axes, rank);
        if (insert.size() != axes.length) throw c.fail("axes " + Arrays.toString(axes) + " repeat an axis");
        List<Dim> out = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < rank; i++) out.add(insert.contains(i) ? Dim.of(1) : x.dim(j++));
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    static TreeSet<Integer> normalized(InferenceContext c, long[] axes, int rank) throws ShapeInferenceException {
        TreeSet<Integer> s = new TreeSet<>();
        for (long a : axes) {
            int n = DimMath.axis(a, rank);
            if (n < 0) throw c.fail("axis " + a + " is out of range for rank " + rank);
            s.add(n);
        }
        return s;
    }

    private static void spaceDepth(InferenceContext c, boolean toSpace) throws ShapeInferenceException {
        Shape x = c.shape(0);
        long b = c.attr("blocksize", 0);
        if (b <= 0) throw c.fail("blocksize must be positive");
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if (x.rank() != 4) throw c.fail("input must be 4-D [N, C, H, W], got " + x);
        List<Dim> out = new ArrayList<>();
        out.add(x.dim(0));
        if (toSpace) {
            out.add(divide(x.dim(1), b * b));
            out.add(DimMath.times(x.dim(2), b));
            out.add(DimMath.times(x.dim(3), b));
        } else {
            out.add(DimMath.times(x.dim(1), b * b));
            out.add(divide(x.dim(2), b));
            out.add(divide(x.dim(3), b));
        }
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    private static Dim divide(Dim d, long by) {
        return d.isKnown() ? Dim.of(d.value() / by) : Dim.UNKNOWN;
    }
}
