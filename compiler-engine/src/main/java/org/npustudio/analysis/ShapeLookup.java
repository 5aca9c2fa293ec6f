package org.npustudio.analysis;

import java.util.function.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/** Ways to answer "what is the shape of this value?" for the cost model; null means unknown. */
public final class ShapeLookup {
    private ShapeLookup() {}

    /** Shapes as declared in the graph: inputs, outputs, value_info and initializers. */
    public static Function<String, Shape> declared(Graph graph) {
        return name -> graph.typeOf(name) instanceof TypeInfo.TensorType t ? t.shape() : null;
    }

    /** The sizes of a shape whose every dimension is known, else null. */
    static long[] staticSizes(Shape s) {
        return s != null && s.isStatic() ? s.sizes() : null;
    }
}
