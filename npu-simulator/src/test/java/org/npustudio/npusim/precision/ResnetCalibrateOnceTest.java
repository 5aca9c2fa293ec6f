package org.npustudio.npusim.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.AssignmentEvaluator;
import org.npustudio.passes.quant.sensitivity.EvaluationSet;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.plan.Precision;
import org.npustudio.samples.SampleLibrary;

/**
 * The ResNet-50 sample's sensitivity with every activation calibrated once gives the same figures as
 * calibrating per pair (its first layers). The times are printed, not asserted: the figures in
 * docs/quantization-sensitivity.md ("Sensitivity: time") were measured with an earlier version of this test that also ran the whole analysis.
 */
class ResnetCalibrateOnceTest {
    @Test
    void calibratingOnceKeepsTheFigures() throws Exception {
        Model fp32 = AssignmentEvaluator.quantizable(SampleLibrary.build("resnet50"));
        QuantConfig cfg = QuantConfig.defaults();
        EvaluationSet eval = EvaluationSet.of(fp32, SensitivityAnalysis.evaluationInputs(fp32, cfg));
        List<String> layers = AssignmentEvaluator.quantizableLayers(fp32, cfg);
        AssignmentEvaluator each = new AssignmentEvaluator(fp32, cfg, eval, false), once = new AssignmentEvaluator(fp32, cfg, eval, true);
        int n = 3;
        double[] seconds = new double[2];
        for (String id : layers.subList(0, n)) {
            long t0 = System.nanoTime();
            double a = each.evaluate(Map.of(id, Precision.INT8)).sqnrDb();
            long t1 = System.nanoTime();
            double b = once.evaluate(Map.of(id, Precision.INT8)).sqnrDb();
            long t2 = System.nanoTime(); // the first includes the one shared calibration run
            seconds[0] += (t1 - t0) / 1e9;
            seconds[1] += (t2 - t1) / 1e9;
            assertEquals(a, b, 0.01, id);
        }
        System.out.printf(Locale.ROOT, "ResNet-50 sample: int8 per pair %.2f s calibrating per pair, %.2f s calibrated once (first %d layers)%n",
                seconds[0] / n, seconds[1] / n, n);
    }
}
