package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.TensorComparison;

/** Runs passes under the verifier and checks results with ONNX Runtime. */
public final class PassCheck {
    private PassCheck() {}

    /** Runs the named passes (default options) with the verifier after each; fails the test on failure. */
    public static PipelineResult run(Model m, String... passes) {
        PipelineResult r = new PassManager().verifyAfterEachPass(true).run(m, Pipeline.of("test", passes));
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        return r;
    }

    public static PipelineResult run(Model m, Pass pass) {
        PipelineResult r = new PassManager().verifyAfterEachPass(true).run(m, new Pipeline("test", List.of(pass)));
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        return r;
    }

    /**
     * Both models (legalized copies) give the same outputs in ONNX Runtime on seeded random inputs,
     * within {@code rtol} relative to each output's largest magnitude.
     */
    public static void assertSameOutputs(Model expected, Model actual, double rtol) throws StudioException {
        Model a = ModelCopy.of(expected), b = ModelCopy.of(actual);
        StandardRules.legalize(a);
        StandardRules.legalize(b);
        for (long seed = 1; seed <= 2; seed++) {
            Map<String, Tensor> in = OrtExecution.randomInputs(a, seed);
            Map<String, Tensor> ra = OrtExecution.run(a, in), rb = OrtExecution.run(b, in);
            assertEquals(ra.keySet(), rb.keySet());
            for (String k : ra.keySet()) {
                Tensor x = ra.get(k), y = rb.get(k);
                double scale = maxAbs(x);
                TensorComparison c = TensorComparison.of(y, x);
                assertTrue(c.sameShape(), k + ": shapes differ");
                assertTrue(c.allClose(rtol, rtol * scale), k + ": " + c.describe());
            }
        }
    }

    static double maxAbs(Tensor t) {
        double m = 0;
        for (float f : t.toFloats()) m = Math.max(m, Math.abs(f));
        return m;
    }

    /** Op types in topological order, e.g. "Conv,Relu". */
    public static String ops(Model m) {
        return String.join(",", m.graph().topologicalOrder().stream().map(n -> n.opType()).toList());
    }
}
