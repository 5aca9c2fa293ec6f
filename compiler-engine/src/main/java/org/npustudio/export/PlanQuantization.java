package org.npustudio.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.Pass;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.quant.OpsetLift;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.QuantizationReport;
import org.npustudio.passes.quant.Quantizer;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanPrecisions;
import org.npustudio.plan.Precision;

/**
 * Quantizes a model for export only where its plan chose a precision other than fp32 (node entry or partition
 * precision; docs/partition-format.md, "Precision"): those layers go through {@link Quantizer} at their precision,
 * everything else stays float, so a partition left at fp32 (or at its device default) has no QDQ nodes.
 * The model is first prepared as the sensitivity analysis prepares it (an opset below 13 lifted, checked equal in
 * ONNX Runtime; Constant-node weights folded into initializers), so a plan measured there quantizes the same layers.
 */
final class PlanQuantization {
    private PlanQuantization() {}

    /** The layers to quantize, by node id of {@code original}: the plan's choices other than fp32. */
    static Map<String, Precision> chosen(Plan plan, Graph original) {
        Map<String, Precision> out = new LinkedHashMap<>();
        for (var e : PlanPrecisions.chosen(plan, original).entrySet()) if (e.getValue() != Precision.FP32) out.put(e.getKey(), e.getValue());
        return out;
    }

    /**
     * Prepares and quantizes {@code copy} in place; null when the plan chose no precision below fp32, and then nothing
     * changed. Chosen weight layers (Conv/Gemm/MatMul) the quantizer still leaves float get one line in
     * {@code warnings}; other layers at an integer precision (a Relu at int8) simply stay float.
     */
    static QuantizationReport apply(Model copy, Map<String, Precision> layers, List<String> warnings) throws StudioException {
        if (layers.isEmpty()) return null;
        QuantConfig cfg = QuantConfig.defaults().withLayers(layers, Precision.FP32);
        OpsetLift.liftChecked(copy, cfg);
        foldConstants(copy);
        QuantizationReport r = Quantizer.quantize(copy, cfg);
        Set<String> done = new HashSet<>();
        for (QuantizationReport.Layer l : r.layers()) done.add(l.nodeId());
        List<String> left = new ArrayList<>();
        for (Node n : copy.graph().nodes()) {
            Precision p = layers.get(n.id());
            if (p != null && QuantConfig.DEFAULT_OPS.contains(n.opType()) && !done.contains(n.id())) left.add(n.opType() + " " + n.id() + " (" + p + ")");
        }
        if (!left.isEmpty()) {
            warnings.add("plan: " + left.size() + " layer(s) stay fp32 because the quantizer cannot quantize them (no constant float weight): "
                    + String.join(", ", left));
        }
        return r.layers().isEmpty() ? null : r;
    }

    /**
     * Weights written as Constant nodes (paddle2onnx) become the initializers the quantizer looks for. Only constant
     * subgraphs fold, which export copies as weights anyway; a Shape chain the plan placed stays, so no partition
     * vanishes from the export. Nodes that stay keep their ids.
     */
    private static void foldConstants(Model copy) throws StudioException {
        Pass fold = PassRegistry.get("constant-folding").create(Map.of("shapes", false));
        PipelineResult run = new PassManager().snapshots(false).run(copy, new Pipeline("plan-quantization-prep", List.of(fold)));
        if (run.failure() != null) throw run.failure();
    }
}
