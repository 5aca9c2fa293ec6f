package org.npustudio.app.lesson.check;

import java.util.Map;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Tensor;
import org.npustudio.runtime.TensorComparison;

/** {@code ort_equal}: model.onnx computes what the lesson's start model computes, within atol + rtol·|expected|. */
public record OrtEqualCheck(double atol, double rtol, long seed, int runs) implements CheckRule {
    static OrtEqualCheck parse(CheckParams p) throws StudioException {
        int runs = (int) p.whole("runs", 2);
        if (runs < 1) throw p.place("runs").error("runs must be at least 1");
        return new OrtEqualCheck(p.nonNegative("atol", 1e-5), p.nonNegative("rtol", 1e-4), p.whole("seed", 0), runs);
    }

    @Override
    public String describe() {
        return "ONNX Runtime outputs equal the original model's (atol " + Numbers.format(atol) + ", rtol " + Numbers.format(rtol) + ")";
    }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        double worst = 0;
        String worstName = null;
        for (OrtRuns.Pair p : OrtRuns.run(ctx.work(), java.util.List.of(), seed, runs)) {
            for (Map.Entry<String, Tensor> e : p.start().entrySet()) {
                Tensor got = p.work().get(e.getKey());
                if (got == null) return Outcome.of(false, "output '" + e.getKey() + "' is missing");
                TensorComparison c = TensorComparison.of(got, e.getValue());
                if (!c.sameShape()) return Outcome.of(false, "output '" + e.getKey() + "' has another shape");
                if (!c.allClose(rtol, atol)) return Outcome.of(false, "output '" + e.getKey() + "' differs: " + c.describe());
                if (c.maxAbsDiff() >= worst) {
                    worst = c.maxAbsDiff();
                    worstName = e.getKey();
                }
            }
        }
        return Outcome.of(true, worst == 0 ? "identical" : "largest difference " + Numbers.format(worst) + " in " + worstName);
    }
}
