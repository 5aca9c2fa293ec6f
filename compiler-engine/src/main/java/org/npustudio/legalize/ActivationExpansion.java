package org.npustudio.legalize;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Node;

/**
 * Standard ONNX for one activation, read from a fused node's {@code activation} and
 * {@code activation_*} attributes, valid for the model's opset: Clip takes its bounds as inputs from
 * opset 11 (attributes before), HardSwish exists from opset 14 (before: x * HardSigmoid(x, 1/6, 1/2)),
 * Gelu from opset 20 (before: its Erf or tanh formula).
 */
final class ActivationExpansion {
    private ActivationExpansion() {}

    static void emit(RuleSupport s, Node fused, String x, String y) {
        String act = fused.attrString(FusedOps.ACTIVATION, "");
        List<Attribute> params = new ArrayList<>();
        for (Attribute a : fused.attributes().values()) {
            if (a.name().startsWith(FusedOps.ACTIVATION_PREFIX)) {
                params.add(new Attribute(a.name().substring(FusedOps.ACTIVATION_PREFIX.length()), a.kind(), a.value(),
                        "", "", true, null));
            }
        }
        long opset = s.opset();
        switch (act) {
            case "Clip" -> {
                float min = fused.attrFloat(FusedOps.ACTIVATION_PREFIX + "min", Float.NEGATIVE_INFINITY);
                float max = fused.attrFloat(FusedOps.ACTIVATION_PREFIX + "max", Float.POSITIVE_INFINITY);
                if (opset >= 11) {
                    String lo = Float.isInfinite(min) ? "" : s.scalar(fused.id() + "_clip_min", min);
                    String hi = Float.isInfinite(max) ? "" : s.scalar(fused.id() + "_clip_max", max);
                    List<String> in = hi.isEmpty() ? (lo.isEmpty() ? List.of(x) : List.of(x, lo)) : List.of(x, lo, hi);
                    s.emit("Clip", "", in, List.of(y), true);
                } else {
                    s.emit("Clip", "", List.of(x), List.of(y), true,
                            Attribute.of("min", Float.isInfinite(min) ? -Float.MAX_VALUE : min),
                            Attribute.of("max", Float.isInfinite(max) ? Float.MAX_VALUE : max));
                }
            }
            case "HardSwish" -> {
                if (opset >= 14) {
                    s.emit("HardSwish", "", List.of(x), List.of(y), true);
                } else {
                    String hs = s.freshValue(y + "_hardsigmoid");
                    s.emit("HardSigmoid", "", List.of(x), List.of(hs), false,
                            Attribute.of("alpha", 1f / 6), Attribute.of("beta", 0.5f));
                    s.emit("Mul", "", List.of(x, hs), List.of(y), true);
                }
            }
            case "Gelu" -> {
                String approximate = fused.attrString(FusedOps.ACTIVATION_PREFIX + "approximate", "none");
                if (opset >= 20) s.emit("Gelu", "", List.of(x), List.of(y), true, Attribute.of("approximate", approximate));
                else GeluExpansion.emit(s, x, y, approximate);
            }
            case "Relu", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid", "Elu", "Selu", "Softplus" ->
                    s.emit(act, "", List.of(x), List.of(y), true, params.toArray(new Attribute[0]));
            default -> throw new IllegalArgumentException("node '" + fused.id() + "' has unknown activation '" + act + "'");
        }
    }
}
