package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Windowed pools (MaxPool, AveragePool, LpPool) and global pools. */
final class PoolShapes {
    private PoolShapes() {}

    static void register(Map<String, ShapeRule> m) {
        for (String op : new String[] {"MaxPool", "AveragePool", "LpPool"}) m.put(op, PoolShapes::pool);
        for (String op : new String[] {"GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"}) m.put(op, PoolShapes::global);
    }

    private static void pool(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        long[] kernel = c.ints("kernel_shape");
        if (kernel == null) throw c.fail("kernel_shape is required");
        Shape out = null;
        if (x != null) {
            ConvShapes.checkSpatialRank(c, x, kernel);
            List<Dim> dims = new ArrayList<>();
            dims.add(x.dim(0));
            dims.add(x.dim(1));
            dims.addAll(ConvShapes.sliding(x, ConvShapes.window(c, kernel)));
            out = Shape.of(dims);
        }
        c.setOutput(0, c.elemType(0), out);
        c.setOutput(1, DataType.INT64, out); // MaxPool's optional Indices
    }

    private static void global(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        Shape out = null;
        if (x != null) {
            if (x.rank() < 2) throw c.fail("input has rank " + x.rank() + "; at least 2 ([N, C, ...]) is needed");
            List<Dim> dims = new ArrayList<>();
            dims.add(x.dim(0));
            dims.add(x.dim(1));
            for (int i = 2; i < x.rank(); i++) dims.add(Dim.of(1));
            out = Shape.of(dims);
        }
        c.setOutput(0, c.elemType(0), out);
    }
}
