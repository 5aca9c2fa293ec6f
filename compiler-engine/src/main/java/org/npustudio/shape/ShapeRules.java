package org.npustudio.shape;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.npustudio.ir.OpsetId;

/** Registry of shape rules by operator type (default ONNX domain only). */
final class ShapeRules {
    private static final Map<String, ShapeRule> RULES = build();

    private ShapeRules() {}

    private static Map<String, ShapeRule> build() {
        Map<String, ShapeRule> m = new HashMap<>();
        ElementwiseShapes.register(m);
        ConvShapes.register(m);
        PoolShapes.register(m);
        MatMulShapes.register(m);
        NormalizationShapes.register(m);
        ReshapeShapes.register(m);
        LayoutShapes.register(m);
        SliceShapes.register(m);
        ConcatSplitShapes.register(m);
        GatherShapes.register(m);
        ResizeShapes.register(m);
        ReduceShapes.register(m);
        ConstantShapes.register(m);
        CastShapes.register(m);
        ExpandShapes.register(m);
        RecurrentShapes.register(m);
        LegacyOpShapes.register(m);
        return Map.copyOf(m);
    }

    static ShapeRule find(String domain, String opType) {
        return OpsetId.isDefaultDomain(domain) ? RULES.get(opType) : null;
    }

    static Set<String> operators() {
        return new TreeSet<>(RULES.keySet());
    }
}
