package org.npustudio.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.StandardRules;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.TensorComparison;
import org.npustudio.shape.ShapeInference;

/**
 * Every corpus model, its inputs made static, through the default pipeline (verified after each pass)
 * and legalized: ONNX Runtime loads the result and its outputs stay within 1e-4 of the original's
 * (relative to each output's largest magnitude) on Gaussian inputs.
 */
class CompiledCorpusAccuracyTest {
    static final double RTOL = 1e-4;

    static List<CorpusModels> models() throws Exception { return CorpusModels.present(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void defaultPipelineKeepsOutputs(CorpusModels c) throws Exception {
        Model original = c.readSpecialised();
        ShapeInference.infer(original);
        Model compiled = ModelCopy.of(original);
        PipelineResult r = new PassManager().verifyAfterEachPass(true).run(compiled, Pipeline.defaultPipeline());
        assertTrue(r.succeeded(), () -> c + ": " + r.failure().getMessage());
        for (var rec : r.records()) {
            if (rec.wasSkipped()) System.out.println(c + ": " + rec.pass() + " skipped: " + rec.skipped());
        }
        StandardRules.legalize(compiled);
        byte[] originalBytes = OnnxWriter.toBytes(original);
        try (OrtRunner a = OrtRunner.open(originalBytes, c.file(), OrtRunner.Options.DETERMINISTIC);
             OrtRunner ortOptimised = ortOptimised(originalBytes, c.file());
             OrtRunner b = OrtRunner.open(OnnxWriter.toBytes(compiled), c.file() + " compiled", OrtRunner.Options.DETERMINISTIC)) {
            for (long seed = 1; seed <= 2; seed++) {
                Map<String, Tensor> in = c.inputs(original, seed);
                Map<String, Tensor> ra = a.run(in), rb = b.run(in), ro = ortOptimised == null ? ra : ortOptimised.run(in);
                assertEquals(ra.keySet(), rb.keySet());
                for (String k : ra.keySet()) {
                    Tensor x = ra.get(k), y = rb.get(k);
                    TensorComparison cmp = TensorComparison.of(y, x);
                    double scale = maxAbs(x);
                    // ONNX Runtime's own graph optimisations (BN folding, fusions) on the same input: the
                    // float-rounding floor any rewrite meets (a sigmoid output near 1e-7 is resolved to ~6e-8)
                    double floor = TensorComparison.of(ro.get(k), x).maxAbsDiff();
                    System.out.printf("%s %s seed %d: max abs %.3g, relative to max |x| %.3g (ORT's optimiser: %.3g)%n", c, k, seed,
                            cmp.maxAbsDiff(), cmp.maxAbsDiff() / Math.max(scale, 1e-30), floor / Math.max(scale, 1e-30));
                    assertTrue(cmp.sameShape(), c + " " + k + ": shapes differ");
                    assertTrue(cmp.allClose(RTOL, Math.max(RTOL * scale, 2 * floor)), c + " " + k + ": " + cmp.describe());
                }
            }
        }
    }

    /** The original under ONNX Runtime's full graph optimisation, or null where ORT cannot optimise it (silero v5/v6's If bodies). */
    private static OrtRunner ortOptimised(byte[] model, String name) {
        try {
            return OrtRunner.open(model, name + " (ORT optimised)", OrtRunner.Options.DETERMINISTIC.withLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT));
        } catch (org.npustudio.error.StudioException e) {
            return null;
        }
    }

    static double maxAbs(Tensor t) {
        double m = 0;
        if (!t.dataType().isFloatingPoint()) return 1;
        for (float f : t.toFloats()) m = Math.max(m, Math.abs(f));
        return m;
    }
}
