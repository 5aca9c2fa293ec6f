package org.npustudio.legalize;

/**
 * Further operators of the {@link FusedOps#DOMAIN} domain that compiler passes create when the model's
 * opset has no standard equivalent; the legalizer expands each back to standard ONNX.
 * <ul>
 *   <li>{@code Gelu} (attribute {@code approximate}: "none" or "tanh"): GELU recognised in an opset
 *       before 20; expands to the Erf form (x * 0.5 * (1 + erf(x / sqrt 2))) or the tanh form.</li>
 *   <li>{@code LayerNormalization} (inputs X, Scale[, B]; attributes {@code axis}, {@code epsilon}):
 *       LayerNorm recognised in an opset before 17; expands to ReduceMean/Sub/Mul/ReduceMean/Add/Sqrt/
 *       Div/Mul/Add.</li>
 *   <li>{@code Nhwc} (attribute {@code op}: the wrapped operator, plus that operator's attributes):
 *       a layout-sensitive operator (Conv, FusedConv, pools) working on NHWC activations, made by the
 *       layout pass; expands to Transpose(to NCHW) → op → Transpose(to NHWC).</li>
 * </ul>
 */
public final class PatternOps {
    public static final String GELU = "Gelu";
    public static final String LAYER_NORM = "LayerNormalization";
    public static final String NHWC = "Nhwc";

    private PatternOps() {}

    public static boolean is(String domain, String opType, String name) {
        return FusedOps.DOMAIN.equals(domain) && name.equals(opType);
    }
}
