package org.npustudio.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/** Expand (broadcast to a target shape) and Tile (repeat along each axis). */
final class ExpandShapes {
    private ExpandShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Expand", ExpandShapes::expand);
        m.put("Tile", ExpandShapes::tile);
    }

    private static void expand(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        Dim[] target = c.constDims(1);
        if (target == null) {
            c.dependsOnInput(1);
            Shape s = c.shape(1);
            boolean lengthKnown = x != null && s != null && s.rank() == 1 && s.dim(0).isKnown();
            c.setOutput(0, c.elemType(0), lengthKnown
                    ? ReshapeShapes.unknownDims((int) Math.max(x.rank(), s.dim(0).value())) : null);
            return;
        }
        c.setOutput(0, c.elemType(0), BroadcastShapes.broadcast(java.util.Arrays.asList(x, Shape.of(List.of(target))), c));
    }

    private static void tile(InferenceContext c) throws ShapeInferenceException {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, c.elemType(0), null);
            return;
        }
        long[] repeats = c.constLongs(1);
        if (repeats == null) {
            c.dependsOnInput(1);
            c.setOutput(0, c.elemType(0), ReshapeShapes.unknownDims(x.rank()));
            return;
        }
        if (repeats.length != x.rank()) {
            throw c.fail("repeats " + Arrays.toString(repeats) + " does not match input rank " + x.rank());
        }
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < repeats.length; i++) out.add(DimMath.times(x.dim(i), repeats[i]));
        c.setOutput(0, c.elemType(0), Shape.of(out));
    }
}
