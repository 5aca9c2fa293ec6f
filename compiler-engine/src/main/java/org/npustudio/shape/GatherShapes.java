package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Indexing operators: Gather (scalar or N-D indices), GatherElements, GatherND and OneHot. */
final class GatherShapes {
    private GatherShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Gather", GatherShapes::gather);
        m.put("GatherElements", c -> c.setOutput(0, c.elemType(0), c.shape(1)));
        m.put("GatherND", GatherShapes::gatherNd);
        m.put("OneHot", GatherShapes::oneHot);
    }

    private static void gather(InferenceContext c) throws ShapeInferenceException {
        Shape data = c.shape(0);
        Shape indices = c.shape(1);
        if (data == null || indices == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long axisAttr = c.attr("axis", 0);
        int axis = DimMath.axis(axisAttr, data.rank());
        if (axis < 0) throw c.fail("axis " + axisAttr + " is out of range for data of rank " + data.rank());
        List<Dim> out = new ArrayList<>(data.dims().subList(0, axis));
        out.addAll(indices.dims());
        out.addAll(data.dims().subList(axis + 1, data.rank()));
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    private static void gatherNd(InferenceContext c) throws ShapeInferenceException {
        Shape data = c.shape(0);
        Shape indices = c.shape(1);
        if (data == null || indices == null || indices.rank() == 0 || !indices.dim(-1).isKnown()) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        int batch = (int) c.attr("batch_dims", 0);
        long last = indices.dim(-1).value();
        if (batch + last > data.rank()) {
            throw c.fail("indices of depth " + last + " with batch_dims " + batch + " exceed data rank " + data.rank());
        }
        List<Dim> out = new ArrayList<>(indices.dims().subList(0, indices.rank() - 1));
        out.addAll(data.dims().subList(batch + (int) last, data.rank()));
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }

    private static void oneHot(InferenceContext c) throws ShapeInferenceException {
        Shape indices = c.shape(0);
        if (indices == null) {
            c.setOutput(0, c.elemType(2), null);
            return;
        }
        long[] depth = c.constLongs(1);
        double[] real = depth == null ? c.constDoubles(1) : null;
        Dim d = depth != null && depth.length == 1 ? Dim.of(depth[0])
                : real != null && real.length == 1 ? Dim.of((long) real[0]) : Dim.UNKNOWN;
        if (!d.isKnown()) c.dependsOnInput(1);
        long axisAttr = c.attr("axis", -1);
        int axis = DimMath.axis(axisAttr, indices.rank() + 1);
        if (axis < 0) throw c.fail("axis " + axisAttr + " is out of range");
        List<Dim> out = new ArrayList<>(indices.dims());
        out.add(axis, d);
        c.setOutput(0, c.elemType(2), Shape.of(out));
    }
}
