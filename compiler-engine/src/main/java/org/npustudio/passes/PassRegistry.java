package org.npustudio.passes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.passes.layout.NhwcLayoutPass;
import org.npustudio.passes.opt.CommonSubexpressionEliminationPass;
import org.npustudio.passes.opt.ConstantFoldingPass;
import org.npustudio.passes.opt.DeadCodeEliminationPass;
import org.npustudio.passes.opt.FoldBatchNormPass;
import org.npustudio.passes.opt.FoldScaleIntoConvPass;
import org.npustudio.passes.opt.FuseActivationPass;
import org.npustudio.passes.opt.FuseGeluPass;
import org.npustudio.passes.opt.FuseLayerNormPass;
import org.npustudio.passes.opt.InlineConstantIfPass;
import org.npustudio.passes.opt.LegalizePass;
import org.npustudio.passes.opt.MatMulAddToGemmPass;
import org.npustudio.passes.opt.MergePadPass;
import org.npustudio.passes.opt.RemoveIdentitiesPass;
import org.npustudio.passes.opt.ShapeInferencePass;
import org.npustudio.passes.opset.ConvertOpsetPass;
import org.npustudio.passes.quant.QuantizePass;

/** Every pass the product ships, by name, and the default pipeline. */
public final class PassRegistry {
    private static final Map<String, PassInfo> PASSES = new LinkedHashMap<>();

    /** The default pipeline: clean up, fold, fuse, re-infer (docs/passes.md explains the order). */
    public static final List<String> DEFAULT_PIPELINE = List.of(
            "shape-inference", "constant-folding", "inline-constant-if", "remove-identities", "dead-code-elimination",
            "common-subexpression-elimination", "fold-batchnorm", "fold-scale-into-conv", "merge-pad",
            "matmul-add-to-gemm", "fuse-gelu", "fuse-layernorm", "fuse-activation", "dead-code-elimination",
            "shape-inference");

    static {
        for (PassInfo p : List.of(ShapeInferencePass.INFO, ConstantFoldingPass.INFO, InlineConstantIfPass.INFO, RemoveIdentitiesPass.INFO,
                DeadCodeEliminationPass.INFO, CommonSubexpressionEliminationPass.INFO, FoldBatchNormPass.INFO,
                FoldScaleIntoConvPass.INFO, MergePadPass.INFO, MatMulAddToGemmPass.INFO, FuseGeluPass.INFO,
                FuseLayerNormPass.INFO, FuseActivationPass.INFO, NhwcLayoutPass.INFO, ConvertOpsetPass.INFO, QuantizePass.INFO, LegalizePass.INFO)) {
            PASSES.put(p.name(), p);
        }
    }

    private PassRegistry() {}

    /** The pass registered under {@code name}, or null. */
    public static PassInfo get(String name) { return PASSES.get(name); }

    public static List<PassInfo> all() { return List.copyOf(PASSES.values()); }

    /** "(valid passes: a, b, ...)" for error messages. */
    public static String validNames() {
        return "(valid passes: " + String.join(", ", PASSES.keySet()) + ")";
    }
}
