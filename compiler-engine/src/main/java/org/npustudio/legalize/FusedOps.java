package org.npustudio.legalize;

/**
 * NPU Studio's own fused operators, produced by compiler passes and expanded back to standard ONNX by
 * the {@link Legalizer} before any export. They live in a custom domain so no file can be mistaken for
 * standard ONNX while it holds them.
 * <ul>
 *   <li>{@code org.npustudio.FusedConv}: Conv's inputs and attributes, plus {@code activation}
 *       (STRING: Relu, Clip, Sigmoid, HardSigmoid, HardSwish, LeakyRelu, Tanh, Gelu) and the
 *       activation's own attributes prefixed with {@code activation_} (e.g. {@code activation_alpha});
 *       Clip bounds as FLOAT attributes {@code activation_min}/{@code activation_max}.</li>
 *   <li>{@code org.npustudio.FusedGemm}: Gemm's inputs/attributes plus the same activation fields.</li>
 * </ul>
 */
public final class FusedOps {
    public static final String DOMAIN = "org.npustudio";
    public static final String FUSED_CONV = "FusedConv";
    public static final String FUSED_GEMM = "FusedGemm";
    public static final String ACTIVATION = "activation";
    public static final String ACTIVATION_PREFIX = "activation_";

    private FusedOps() {}

    public static boolean isFused(String domain, String opType) {
        return DOMAIN.equals(domain) && (FUSED_CONV.equals(opType) || FUSED_GEMM.equals(opType));
    }
}
