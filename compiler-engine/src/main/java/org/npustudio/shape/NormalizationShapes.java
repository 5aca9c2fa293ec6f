package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** BatchNormalization and LayerNormalization with their optional statistics outputs. */
final class NormalizationShapes {
    private NormalizationShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("BatchNormalization", NormalizationShapes::batchNorm);
        m.put("LayerNormalization", NormalizationShapes::layerNorm);
    }

    /**
     * Outputs 1.. exist in training mode: running mean/var (opset 14+: typed like input_mean) or
     * mean, var, saved mean, saved var in older opsets; all are [C].
     */
    private static void batchNorm(InferenceContext c) {
        Shape x = c.shape(0);
        c.setOutput(0, c.elemType(0), x);
        Shape stats = c.shape(3) != null ? c.shape(3)
                : x != null && x.rank() > 1 ? Shape.of(List.of(x.dim(1))) : null;
        DataType statType = c.elemType(3) != DataType.UNDEFINED ? c.elemType(3) : c.elemType(0);
        for (int i = 1; i < c.outputCount(); i++) c.setOutput(i, statType, stats);
    }

    /** Mean and InvStdDev keep the leading dims and have 1 from {@code axis} on, typed by stash_type. */
    private static void layerNorm(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        c.setOutput(0, c.elemType(0), x);
        DataType stash = DataType.fromCode((int) c.attr("stash_type", 1));
        if (stash == null) throw c.fail("stash_type " + c.attr("stash_type", 1) + " is not an ONNX element type");
        Shape stats = null;
        if (x != null) {
            int axis = DimMath.axis(c.attr("axis", -1), x.rank());
            if (axis < 0) throw c.fail("axis " + c.attr("axis", -1) + " is out of range for rank " + x.rank());
            List<Dim> d = new ArrayList<>(x.dims().subList(0, axis));
            for (int i = axis; i < x.rank(); i++) d.add(Dim.of(1));
            stats = Shape.of(d);
        }
        c.setOutput(1, stash, stats);
        c.setOutput(2, stash, stats);
    }
}
