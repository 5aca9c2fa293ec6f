package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Reductions (axes attribute or input, keepdims, noop_with_empty_axes), ArgMax/ArgMin and TopK. */
final class ReduceShapes {
    private ReduceShapes() {}

    private static final String[] REDUCE = {
        "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum",
        "ReduceLogSumExp", "ReduceSumSquare",
    };

    static void register(Map<String, ShapeRule> m) {
        for (String op : REDUCE) m.put(op, c -> reduce(c, op.equals("ReduceSum") ? 13 : 18));
        m.put("ArgMax", ReduceShapes::argReduce);
        m.put("ArgMin", ReduceShapes::argReduce);
        m.put("TopK", ReduceShapes::topK);
    }

    /** {@code axesInputSince}: the opset from which axes moved from attribute to second input. */
    private static void reduce(InferenceContext c, long axesInputSince) throws ShapeInferenceException {
        Shape x = c.shape(0);
        boolean keep = c.attr("keepdims", 1) != 0;
        long[] axes = LayoutShapes.axes(c, 1, axesInputSince);
        if (axes == null && c.opset() >= axesInputSince && c.hasInput(1)) {
            c.dependsOnInput(1);
            c.setOutput(0, c.elemType(0), keep && x != null ? ReshapeShapes.unknownDims(x.rank()) : null);
            return;
        }
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        if ((axes == null || axes.length == 0) && c.attr("noop_with_empty_axes", 0) != 0) {
            c.setOutput(0, c.elemType(0), x);
            return;
        }
        TreeSet<Integer> reduced = new TreeSet<>();
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < x.rank(); i++) reduced.add(i);
        } else {
            reduced = LayoutShapes.normalized(c, axes, x.rank());
        }
        c.setOutput(0, c.elemType(0), reduceDims(x, reduced, keep));
    }

    static Shape reduceDims(Shape x, TreeSet<Integer> reduced, boolean keep) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            if (!reduced.contains(i)) out.add(x.dim(i));
            else if (keep) out.add(Dim.of(1));
        }
        return Shape.of(out);
    }

    private static void argReduce(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, DataType.INT64, null);
            return;
        }
        TreeSet<Integer> axis = LayoutShapes.normalized(c, new long[] {c.attr("axis", 0)}, x.rank());
        c.setOutput(0, DataType.INT64, reduceDims(x, axis, c.attr("keepdims", 1) != 0));
    }

    private static void topK(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        Shape out = null;
        if (x != null) {
            int axis = LayoutShapes.normalized(c, new long[] {c.attr("axis", -1)}, x.rank()).first();
            Dim k;
            if (c.opset() < 10) {
                k = Dim.of(c.attr("k", 0));
            } else {
                long[] kv = c.constLongs(1);
                if (kv == null) c.dependsOnInput(1);
                k = kv != null && kv.length == 1 ? Dim.of(kv[0]) : Dim.UNKNOWN;
            }
            List<Dim> d = new ArrayList<>(x.dims());
            d.set(axis, k);
            out = Shape.of(d);
        }
        c.setOutput(0, c.elemType(0), out);
        c.setOutput(1, DataType.INT64, out);
    }
}
