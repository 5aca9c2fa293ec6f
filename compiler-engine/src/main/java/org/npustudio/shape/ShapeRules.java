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
        if (OpsetId.isDefaultDomain(domain)) return RULES.get(opType);
        // The compiler's own Gelu and LayerNormalization (fuse-gelu/fuse-layernorm below opsets 20/17) are the standard ops.
        return COMPILER_DOMAIN.equals(domain) && STANDARD_IN_COMPILER_DOMAIN.contains(opType) ? RULES.get(opType) : null;
    }

    private static final String COMPILER_DOMAIN = "org.npustudio";
    private static final java.util.Set<String> STANDARD_IN_COMPILER_DOMAIN = java.util.Set.of("Gelu", "LayerNormalization");

    static Set<String> operators() {
        return new TreeSet<>(RULES.keySet());
    }
}
