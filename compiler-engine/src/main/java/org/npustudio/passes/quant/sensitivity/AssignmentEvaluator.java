package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.Compilation;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.quant.CalibratedRanges;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.QuantizationReport;
import org.npustudio.passes.quant.Quantizer;
import org.npustudio.plan.Precision;

/**
 * Measures precision assignments for real: a copy of the fp32 model quantized by {@link Quantizer} with
 * each listed layer at its precision and every other layer left fp32, run on the evaluation set. The fp32
 * activations are calibrated once for all assignments ({@link CalibratedRanges}). Results are cached by
 * assignment, so a search that comes back to an assignment does not pay twice.
 */
public final class AssignmentEvaluator {
    private final Model fp32;
    private final QuantConfig cfg;
    private final EvaluationSet eval;
    private final Map<Map<String, Precision>, Accuracy> cache = new HashMap<>();
    private final boolean shareCalibration;
    private CalibratedRanges ranges;
    private int runs;

    public AssignmentEvaluator(Model fp32, QuantConfig cfg, EvaluationSet eval) {
        this(fp32, cfg, eval, true);
    }

    /**
     * @param shareCalibration true: every activation is calibrated once ({@link CalibratedRanges}, on the first
     *                         assignment that needs it) and each assignment only builds its model and runs the
     *                         evaluation inputs; false: each assignment calibrates on its own (same figures, slower;
     *                         kept to measure the difference)
     */
    public AssignmentEvaluator(Model fp32, QuantConfig cfg, EvaluationSet eval, boolean shareCalibration) {
        this.fp32 = fp32;
        this.cfg = cfg;
        this.eval = eval;
        this.shareCalibration = shareCalibration;
    }

    public EvaluationSet evaluationSet() { return eval; }

    public QuantConfig config() { return cfg; }

    /** How many assignments were quantized and run (cache hits not counted). */
    public int runs() { return runs; }

    /** The accuracy of the model with these layers (node ids) at these precisions, the rest fp32. */
    public Accuracy evaluate(Map<String, Precision> perLayer) throws StudioException {
        Map<String, Precision> key = new TreeMap<>(perLayer);
        key.values().removeIf(p -> p == Precision.FP32);
        Accuracy hit = cache.get(key);
        if (hit != null) return hit;
        Accuracy a = Accuracy.EXACT;
        if (!key.isEmpty()) {
            Model copy = ModelCopy.of(fp32);
            QuantizationReport r = Quantizer.quantize(copy, cfg.withLayers(key, Precision.FP32), rangesFor(key));
            // Nothing quantized (e.g. fp16 layers, which the quantizer keeps float): the fp32 model, no run needed.
            boolean unchanged = r.layers().isEmpty() && copy.graph().nodes().size() == fp32.graph().nodes().size()
                    && sameInitializers(copy, fp32);
            if (!unchanged) a = eval.measure(copy);
        }
        runs++;
        cache.put(key, a);
        return a;
    }

    /** The shared ranges when the assignment needs calibration (integer activations or bias correction), else null. */
    private CalibratedRanges rangesFor(Map<String, Precision> assignment) throws StudioException {
        if (!shareCalibration) return null;
        boolean needed = cfg.options().biasCorrection() && assignment.values().stream().anyMatch(Precision::integerWeights)
                || assignment.values().stream().anyMatch(Precision::integerActivations);
        if (needed && ranges == null) ranges = CalibratedRanges.measure(fp32, cfg);
        return ranges;
    }

    private static boolean sameInitializers(Model a, Model b) {
        Map<String, org.npustudio.ir.Tensor> x = a.graph().initializers(), y = b.graph().initializers();
        if (!x.keySet().equals(y.keySet())) return false;
        for (Map.Entry<String, org.npustudio.ir.Tensor> e : x.entrySet()) {
            if (e.getValue().dataType() != y.get(e.getKey()).dataType()) return false;
        }
        return true;
    }

    /** A quantized copy of the model under the assignment (fp32 elsewhere). */
    public Model quantized(Map<String, Precision> perLayer) throws StudioException {
        Model copy = ModelCopy.of(fp32);
        Quantizer.quantize(copy, cfg.withLayers(perLayer, Precision.FP32), rangesFor(perLayer));
        return copy;
    }

    /**
     * The model the analysis works on: a compiled copy of {@code opened} lifted to opset 13 when it imports
     * an older one (per-channel QDQ needs 13) and with constants folded (weights written as Constant nodes, as
     * paddle2onnx does, become the initializers the quantizer looks for). Layer node ids are kept.
     */
    public static Model quantizable(Model opened) throws StudioException {
        return Compilation.compile(opened, Pipeline.of("quantization-prep", "convert-opset", "constant-folding"), null).model();
    }

    /**
     * The layers the quantizer would quantize, in graph order (node ids): found by a weight-only
     * quantization of a copy, which needs no calibration run.
     */
    public static List<String> quantizableLayers(Model fp32, QuantConfig cfg) throws StudioException {
        QuantizationReport r = Quantizer.quantize(ModelCopy.of(fp32), cfg.withLayers(Map.of(), Precision.INT8_W16A));
        List<String> ids = new ArrayList<>();
        for (QuantizationReport.Layer l : r.layers()) ids.add(l.nodeId());
        return ids;
    }
}
