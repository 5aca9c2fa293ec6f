package org.npustudio.passes.quant;

import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.plan.Precision;

/**
 * The headless entry behind {@code npustudio quantize}: constant folding (exporters such as paddle2onnx
 * write weights as Constant nodes) and BatchNormalization folded into the Conv before it (the weights a
 * deployment runs, and what lets equalisation see Conv → activation → Conv), then {@link QuantizePass} with the given settings and per-layer
 * precisions, evaluated against fp32 on inputs disjoint from calibration. The model is changed in place.
 */
public final class QuantizeJob {
    private QuantizeJob() {}

    /** The quantization report and the pass notes (one line each). */
    public record Result(QuantizationReport report, List<String> notes) {}

    /**
     * @param layers precision per node id or name (a plan's or a sensitivity search's choice); empty = all {@code fallback}
     * @param evaluation inputs to measure SQNR on; null = held out from the calibration set (or seeded random)
     */
    public static Result run(Model model, QuantConfig cfg, Map<String, Precision> layers, Precision fallback, CalibrationSet evaluation)
            throws StudioException {
        QuantizePass q = ((QuantizePass) PassRegistry.get("quantize").create())
                .configure(cfg.withLayers(layers, fallback), evaluation);
        PipelineResult r = new PassManager().run(model, new Pipeline("quantize", List.of(PassRegistry.get("constant-folding").create(),
                PassRegistry.get("fold-batchnorm").create(), q)));
        if (!r.succeeded()) throw new StudioException(model.displayName(), "", r.failure().oneLine(), r.failure());
        return new Result(q.report(), r.records().get(2).notes());
    }
}
