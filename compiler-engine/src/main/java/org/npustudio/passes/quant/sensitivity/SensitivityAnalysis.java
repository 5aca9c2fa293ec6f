package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.passes.quant.CalibrationSet;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.plan.Precision;

/**
 * Per-layer quantization sensitivity: for each quantizable layer and each precision, the model-output SQNR
 * when only that layer is quantized (everything else fp32). The fp32 outputs are computed once
 * ({@link EvaluationSet}); each (layer, precision) pair costs one quantization of a copy (with its own
 * calibration run when the activations are integer) and one session over the evaluation inputs.
 */
public final class SensitivityAnalysis {
    /** The precisions analysed when none are asked for. */
    public static final List<Precision> DEFAULT_PRECISIONS = List.of(Precision.INT8, Precision.INT4_W8A);
    /** Seeded evaluation inputs when no files are given; their seeds start here, away from calibration's. */
    public static final int EVAL_SAMPLES = 4;
    private static final long EVAL_SEED_OFFSET = 1000;

    /** Told after each step: {@code done} of {@code total} steps, and what was just measured. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, what) -> {};

        void update(int done, int total, String what);
    }

    private SensitivityAnalysis() {}

    /**
     * Evaluation inputs: the calibration set or files when given (the report says so), else {@link #EVAL_SAMPLES}
     * seeded random inputs with seeds disjoint from the calibration's.
     */
    public static List<Map<String, Tensor>> evaluationInputs(Model model, QuantConfig cfg) throws StudioException {
        List<Map<String, Tensor>> feeds = new ArrayList<>();
        if (cfg.options().calibration() != null) return cfg.options().calibration().feeds();
        if (!cfg.calibrationData().isEmpty()) return CalibrationSet.files(model, cfg.calibrationData(), cfg.inputValues()).feeds();
        for (int i = 0; i < EVAL_SAMPLES; i++) feeds.add(OrtExecution.randomInputs(model, cfg.seed() + EVAL_SEED_OFFSET + i));
        return feeds;
    }

    /** What {@link #evaluationInputs} used, for reports. */
    public static String inputsNote(QuantConfig cfg) {
        if (cfg.options().calibration() != null) return cfg.options().calibration().source() + " (also used to evaluate)";
        return cfg.calibrationData().isEmpty()
                ? EVAL_SAMPLES + " seeded random inputs (standard normal; no calibration data given)"
                : cfg.calibrationData().size() + " calibration files (also used to evaluate)";
    }

    /** Analyses every quantizable layer at each precision; {@code cancelled} is polled between steps. */
    public static SensitivityResult run(Model opened, QuantConfig cfg, List<Precision> precisions, Progress progress,
                                        BooleanSupplier cancelled) throws StudioException {
        long t0 = System.nanoTime();
        Model fp32 = AssignmentEvaluator.quantizable(opened);
        AssignmentEvaluator evaluator = new AssignmentEvaluator(fp32, cfg, EvaluationSet.of(fp32, evaluationInputs(fp32, cfg)));
        return run(fp32, evaluator, precisions, progress, cancelled, t0);
    }

    /** As above with an evaluator the caller keeps (the automatic choice reuses its cache and fp32 outputs). */
    public static SensitivityResult run(Model fp32, AssignmentEvaluator evaluator, List<Precision> precisions, Progress progress,
                                        BooleanSupplier cancelled, long startNanos) throws StudioException {
        List<String> ids = AssignmentEvaluator.quantizableLayers(fp32, evaluator.config());
        List<SensitivityResult.Layer> layers = new ArrayList<>();
        for (String id : ids) {
            Node n = fp32.graph().nodeById(id);
            layers.add(n == null ? new SensitivityResult.Layer(id, "", "?") : new SensitivityResult.Layer(id, n.name(), n.opType()));
        }
        int total = ids.size() * precisions.size() + precisions.size(), done = 0;
        double[][] db = new double[ids.size()][precisions.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < precisions.size(); j++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("sensitivity analysis cancelled");
                db[i][j] = evaluator.evaluate(Map.of(ids.get(i), precisions.get(j))).sqnrDb();
                progress.update(++done, total, layers.get(i).label() + " " + precisions.get(j).key());
            }
        }
        Map<Precision, Accuracy> uniform = new LinkedHashMap<>();
        for (Precision p : precisions) {
            if (cancelled.getAsBoolean()) throw new CancellationException("sensitivity analysis cancelled");
            uniform.put(p, evaluator.evaluate(uniform(ids, p)));
            progress.update(++done, total, "all layers " + p.key());
        }
        return new SensitivityResult(fp32.displayName(), layers, precisions, db, uniform, inputsNote(evaluator.config()),
                (System.nanoTime() - startNanos) / 1e9);
    }

    /** Every layer at {@code p}. */
    public static Map<String, Precision> uniform(List<String> layerIds, Precision p) {
        Map<String, Precision> m = new LinkedHashMap<>();
        for (String id : layerIds) m.put(id, p);
        return m;
    }
}
