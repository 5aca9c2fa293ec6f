package org.npustudio.npusim.precision;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.AssignmentEvaluator;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.EvaluationSet;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.PrecisionSearch;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Precision;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.testdata.TestData;

class TmpMeasureTest {
    @Test
    void measure() throws Exception {
        String only = System.getProperty("m", "");
        for (String f : List.of("samples/models/lenet5.onnx", "src/test/resources/real-models/ch_ppocr_mobile_v2.0_cls_infer.onnx")) {
            if (!f.contains(only)) continue;
            var path = TestData.inCheckout(f);
            Model m = f.contains("ppocr") ? ModelOpener.open(path, ShapeBinding.parse(List.of("x=1x3x48x192"), List.of())) : ModelOpener.open(path);
            var npu = AutoPrecisionTest.npu("edge-npu-mixed");
            long t0 = System.nanoTime();
            Model opened = AssignmentEvaluator.quantizable(m);
            AssignmentEvaluator ev = new AssignmentEvaluator(opened, QuantConfig.defaults(),
                    EvaluationSet.of(opened, SensitivityAnalysis.evaluationInputs(opened, QuantConfig.defaults())));
            var sens = SensitivityAnalysis.run(opened, ev, SensitivityAnalysis.DEFAULT_PRECISIONS, SensitivityAnalysis.Progress.NONE, () -> false, t0);
            System.out.printf("%s: sensitivity %.1f s, %d layers%n", f, (System.nanoTime() - t0) / 1e9, sens.layers().size());
            var cands = AutoPrecision.DEFAULT_CANDIDATES;
            for (Objective obj : Objective.values()) for (double db : new double[] {30, 35, 40}) {
                for (boolean guided : new boolean[] {false, true}) {
                    var exact = new SimulatedPrecisionCosts(m.graph(), ModelRef.of(path), npu, Precision.FP16, obj);
                    var s = new PrecisionSearch(sens, ev, exact, cands);
                    if (guided) s.guidedBy(new UniformPrecisionCosts(org.npustudio.npusim.sim.SimulationService.workGraph(opened.graph(), "m", Map.of()), npu, cands, Precision.FP16, obj));
                    long a = System.nanoTime();
                    PrecisionChoice c = s.choose(Budget.sqnrDb(db), SensitivityAnalysis.Progress.NONE, () -> false);
                    long b = System.nanoTime();
                    System.out.printf("  %s %.0f dB guided=%s: search %.2f s, %d sims; %s%n", obj, db, guided, (b - a) / 1e9, exact.simulations(), c.message());
                    StringBuilder sb = new StringBuilder("    ");
                    for (var p : c.points()) sb.append(p.label()).append(" [").append(PrecisionChoice.counts(p.assignment())).append("] ").append(p.accuracy().sqnrText()).append(' ').append(exact.format(p.cost())).append("; ");
                    System.out.println(sb);
                }
            }
        }
    }
}
