package org.npustudio.legalize;

import java.util.List;

/** GELU in operators every opset has: the exact Erf form or the tanh approximation. */
final class GeluExpansion {
    private GeluExpansion() {}

    static void emit(RuleSupport s, String x, String y, String approximate) {
        String inner;
        if ("tanh".equals(approximate)) {
            String x2 = s.freshValue(y + "_x2"), x3 = s.freshValue(y + "_x3"), c = s.freshValue(y + "_cubic");
            String sum = s.freshValue(y + "_inner"), u = s.freshValue(y + "_scaled"), t = s.freshValue(y + "_tanh");
            s.emit("Mul", "", List.of(x, x), List.of(x2), false);
            s.emit("Mul", "", List.of(x2, x), List.of(x3), false);
            s.emit("Mul", "", List.of(x3, s.scalar(y + "_k", 0.044715f)), List.of(c), false);
            s.emit("Add", "", List.of(x, c), List.of(sum), false);
            s.emit("Mul", "", List.of(sum, s.scalar(y + "_sqrt_2_over_pi", (float) Math.sqrt(2 / Math.PI))), List.of(u), false);
            s.emit("Tanh", "", List.of(u), List.of(t), false);
            inner = t;
        } else {
            String scaled = s.freshValue(y + "_scaled"), e = s.freshValue(y + "_erf");
            s.emit("Div", "", List.of(x, s.scalar(y + "_sqrt2", (float) Math.sqrt(2))), List.of(scaled), false);
            s.emit("Erf", "", List.of(scaled), List.of(e), false);
            inner = e;
        }
        String onePlus = s.freshValue(y + "_one_plus"), gated = s.freshValue(y + "_gated");
        s.emit("Add", "", List.of(inner, s.scalar(y + "_one", 1f)), List.of(onePlus), false);
        s.emit("Mul", "", List.of(x, onePlus), List.of(gated), false);
        s.emit("Mul", "", List.of(gated, s.scalar(y + "_half", 0.5f)), List.of(y), false);
    }
}
