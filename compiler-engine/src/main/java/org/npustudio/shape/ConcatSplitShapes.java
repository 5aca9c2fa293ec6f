package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Concat (negative axis) and Split (split attribute, split input, num_outputs or equal parts). */
final class ConcatSplitShapes {
    private ConcatSplitShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Concat", ConcatSplitShapes::concat);
        m.put("Split", ConcatSplitShapes::split);
    }

    private static void concat(InferenceContext c) throws ShapeInferenceException {
        DataType elem = DataType.UNDEFINED;
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < c.inputCount(); i++) {
            if (!c.hasInput(i)) continue;
            if (elem == DataType.UNDEFINED) elem = c.elemType(i);
            shapes.add(c.shape(i));
        }
        if (shapes.isEmpty()) throw c.fail("Concat has no inputs");
        if (shapes.contains(null)) {
            c.setOutput(0, elem, null);
            return;
        }
        int rank = shapes.get(0).rank();
        long axisAttr = c.attr("axis", Long.MIN_VALUE);
        if (axisAttr == Long.MIN_VALUE) throw c.fail("axis is required");
        int axis = DimMath.axis(axisAttr, rank);
        if (axis < 0) throw c.fail("axis " + axisAttr + " is out of range for rank " + rank);
        List<Dim> out = new ArrayList<>(shapes.get(0).dims());
        long sum = 0;
        boolean sumKnown = true;
        for (Shape s : shapes) {
            if (s.rank() != rank) throw c.fail("inputs have different ranks: " + shapes);
            for (int k = 0; k < rank; k++) {
                if (k == axis) continue;
                Dim u = DimMath.unify(out.get(k), s.dim(k));
                if (u == null) throw c.fail("inputs differ at dimension " + k + ": " + shapes);
                out.set(k, u);
            }
            Dim d = s.dim(axis);
            if (d.isKnown()) sum += d.value();
            else sumKnown = false;
        }
        out.set(axis, sumKnown ? Dim.of(sum) : shapes.size() == 1 ? shapes.get(0).dim(axis) : Dim.UNKNOWN);
        c.setOutput(0, elem, Shape.of(out));
    }

    private static void split(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        int n = c.outputCount();
        if (x == null) {
            for (int i = 0; i < n; i++) c.setOutput(i, c.elemType(0), null);
            return;
        }
        long axisAttr = c.attr("axis", 0);
        int axis = DimMath.axis(axisAttr, x.rank());
        if (axis < 0) throw c.fail("axis " + axisAttr + " is out of range for rank " + x.rank());
        long[] sizes = sizes(c);
        Dim d = x.dim(axis);
        if (sizes == null && c.hasInput(1)) {
            c.dependsOnInput(1);
        } else if (sizes == null && d.isKnown()) {
            sizes = equalParts(c, d.value(), n);
        }
        if (sizes != null) {
            if (sizes.length != n) throw c.fail("split " + Arrays.toString(sizes) + " does not match " + n + " outputs");
            long total = Arrays.stream(sizes).sum();
            if (d.isKnown() && total != d.value()) {
                throw c.fail("split " + Arrays.toString(sizes) + " sums to " + total + " but axis " + axis + " of " + x
                        + " has size " + d.value());
            }
        }
        for (int i = 0; i < n; i++) {
            List<Dim> out = new ArrayList<>(x.dims());
            out.set(axis, sizes != null ? Dim.of(sizes[i]) : n == 1 ? d : Dim.UNKNOWN);
            c.setOutput(i, c.elemType(0), Shape.of(out));
        }
    }

    /** Explicit part sizes: the attribute before opset 13, the optional second input from 13 on. */
    private static long[] sizes(InferenceContext c) {
        if (c.opset() < 13 && c.hasAttr("split")) return c.ints("split");
        return c.hasInput(1) ? c.constLongs(1) : null;
    }

    /** Parts of ceil(size / n), the last one taking what is left (opset 18's num_outputs rule). */
    private static long[] equalParts(InferenceContext c, long size, int n) throws ShapeInferenceException {
        long parts = c.attr("num_outputs", n);
        if (parts != n) throw c.fail("num_outputs is " + parts + " but the node has " + n + " outputs");
        long chunk = DimMath.ceilDiv(size, n);
        if (c.opset() < 18 && size % n != 0) {
            throw c.fail("cannot split size " + size + " into " + n + " equal parts");
        }
        long[] s = new long[n];
        long left = size;
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(chunk, Math.max(0, left));
            left -= s[i];
        }
        return s;
    }
}
