package org.npustudio.passes.quant.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.plan.Precision;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.testdata.TestData;

class SensitivityAnalysisTest {
    static Model lenet() throws Exception {
        return ModelOpener.open(TestData.inCheckout("samples/models/lenet5.onnx"));
    }

    @Test
    void int4LosesMoreThanInt8OnEveryLayerOfLenet() throws Exception {
        Model m = lenet();
        List<String> steps = new ArrayList<>();
        SensitivityResult r = SensitivityAnalysis.run(m, QuantConfig.defaults(), SensitivityAnalysis.DEFAULT_PRECISIONS,
                (done, total, what) -> steps.add(done + "/" + total + " " + what), () -> false);
        System.out.print(r.table());
        System.out.printf("lenet5 sensitivity: %d layers x %d precisions in %.2f s%n", r.layers().size(), r.precisions().size(), r.seconds());
        assertEquals(5, r.layers().size(), "LeNet-5 has 2 Conv and 3 Gemm layers: " + r.layers());
        assertEquals(r.layers().size() * 2 + 2, steps.size());
        for (SensitivityResult.Layer l : r.layers()) {
            double int8 = r.db(l.id(), Precision.INT8), int4 = r.db(l.id(), Precision.INT4_W8A);
            assertTrue(int8 > int4, l + ": int8 " + int8 + " dB should beat int4w8a " + int4 + " dB");
            assertTrue(int8 > 20 && int8 < 80, l + ": int8 " + int8);
        }
        // Quantizing every layer loses more than quantizing the least sensitive one alone.
        int best = r.worstFirst(Precision.INT8).get(r.layers().size() - 1);
        assertTrue(r.uniform().get(Precision.INT8).sqnrDb() < r.db()[best][0]);
        assertTrue(r.csv().startsWith("node,name,op,int8_sqnr_db,int4w8a_sqnr_db\n"), r.csv());
    }

    @Test
    void realWeightClassifierLosesMoreAtInt4OnEveryLayer() throws Exception {
        // PP-OCR's text-direction classifier: opset 9 with its weights as Constant nodes (lifted and folded on a copy).
        Model m = ModelOpener.open(TestData.realModel("ch_ppocr_mobile_v2.0_cls_infer.onnx"),
                ShapeBinding.parse(List.of("x=1x3x48x192"), List.of()));
        SensitivityResult r = SensitivityAnalysis.run(m, QuantConfig.defaults(), SensitivityAnalysis.DEFAULT_PRECISIONS,
                SensitivityAnalysis.Progress.NONE, () -> false);
        System.out.printf("PP-OCR cls sensitivity: %d layers x %d precisions in %.1f s; all int8 %s, all int4w8a %s%n", r.layers().size(),
                r.precisions().size(), r.seconds(), r.uniform().get(Precision.INT8).sqnrText(), r.uniform().get(Precision.INT4_W8A).sqnrText());
        assertEquals(54, r.layers().size(), "53 Conv and the MatMul");
        for (SensitivityResult.Layer l : r.layers()) {
            assertTrue(r.db(l.id(), Precision.INT8) > r.db(l.id(), Precision.INT4_W8A), l.toString());
            assertTrue(m.graph().nodeById(l.id()) != null, "results name the opened model's nodes: " + l);
        }
        assertTrue(r.uniform().get(Precision.INT8).sqnrDb() > r.uniform().get(Precision.INT4_W8A).sqnrDb());
    }

    /**
     * Calibrating every activation once gives the figures of calibrating per assignment (to 0.01 dB) in less
     * time: LeNet-5 and the PP-OCR classifier, int8 and int4w8a (the timings are printed for the docs).
     */
    @Test
    void sharedCalibrationGivesTheSameFiguresFaster() throws Exception {
        Model cls = ModelOpener.open(TestData.realModel("ch_ppocr_mobile_v2.0_cls_infer.onnx"), ShapeBinding.parse(List.of("x=1x3x48x192"), List.of()));
        for (Model opened : List.of(lenet(), cls)) {
            Model fp32 = AssignmentEvaluator.quantizable(opened);
            QuantConfig cfg = QuantConfig.defaults();
            EvaluationSet eval = EvaluationSet.of(fp32, SensitivityAnalysis.evaluationInputs(fp32, cfg));
            long t0 = System.nanoTime();
            SensitivityResult each = SensitivityAnalysis.run(fp32, new AssignmentEvaluator(fp32, cfg, eval, false),
                    SensitivityAnalysis.DEFAULT_PRECISIONS, SensitivityAnalysis.Progress.NONE, () -> false, t0);
            long t1 = System.nanoTime();
            SensitivityResult once = SensitivityAnalysis.run(fp32, new AssignmentEvaluator(fp32, cfg, eval, true),
                    SensitivityAnalysis.DEFAULT_PRECISIONS, SensitivityAnalysis.Progress.NONE, () -> false, t1);
            System.out.printf("%s sensitivity %d x 2: calibrating per pair %.1f s, once %.1f s%n", fp32.displayName(),
                    each.layers().size(), each.seconds(), once.seconds());
            for (int i = 0; i < each.layers().size(); i++) {
                for (int j = 0; j < 2; j++) assertEquals(each.db()[i][j], once.db()[i][j], 0.01, each.layers().get(i).toString());
            }
            for (Precision p : SensitivityAnalysis.DEFAULT_PRECISIONS) {
                assertEquals(each.uniform().get(p).sqnrDb(), once.uniform().get(p).sqnrDb(), 0.01, p.key());
            }
            if (each.layers().size() > 10) assertTrue(once.seconds() < each.seconds(), "calibrating once is faster");
        }
    }

    @Test
    void cancellingStopsBeforeTheNextStep() throws Exception {
        Model m = lenet();
        int[] seen = {0};
        assertThrows(CancellationException.class, () -> SensitivityAnalysis.run(m, QuantConfig.defaults(), List.of(Precision.INT8),
                (done, total, what) -> seen[0] = done, () -> seen[0] >= 2));
        assertEquals(2, seen[0]);
    }
}
