package org.npustudio.npusim.cost;

import java.util.Map;

/**
 * Cycles per element per lane of vector-unit ops when the NPU description gives none: multi-pass ops
 * (softmax: max, exp-sum, divide; normalisations: mean, variance, scale) cost more than one pass.
 */
public final class VectorCosts {
    private static final Map<String, Double> DEFAULTS = Map.of("Softmax", 3.0, "LogSoftmax", 3.0,
            "LayerNormalization", 3.0, "GroupNormalization", 3.0, "InstanceNormalization", 3.0, "Gelu", 2.0, "Erf", 2.0,
            "Mish", 2.0, "BatchNormalization", 2.0);

    private VectorCosts() {}

    public static double opCycles(String opType, Map<String, Double> configured) {
        Double c = configured.get(opType);
        return c != null ? c : DEFAULTS.getOrDefault(opType, 1.0);
    }
}
