package org.npustudio.app.lesson.check;

import java.util.List;
import java.util.Map;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.quant.QuantizationReport;

/**
 * {@code sqnr_min}: signal-to-quantization-noise ratio of model.onnx against the lesson's start model (fp32),
 * on the model outputs or on one layer's output, at least {@code db}; computed as the quantizer's report
 * computes it ({@link QuantizationReport#sqnrDb}), over all runs together.
 */
public record SqnrCheck(double db, String layer, long seed, int runs) implements CheckRule {
    static SqnrCheck parse(CheckParams p) throws StudioException {
        int runs = (int) p.whole("runs", 2);
        if (runs < 1) throw p.place("runs").error("runs must be at least 1");
        return new SqnrCheck(p.number("db"), p.optText("layer"), p.whole("seed", 0), runs);
    }

    @Override
    public String describe() {
        return "SQNR " + (layer == null ? "of the model output" : "of " + layer) + " ≥ " + Numbers.format(db) + " dB";
    }

    @Override public List<String> nodeNames() { return layer == null ? List.of() : List.of(layer); }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        List<String> values = List.of();
        if (layer != null) {
            var n = org.npustudio.app.lesson.Measures.node(ctx.work().start().model(), layer, "the lesson's start model");
            values = List.of(n.outputs().get(0));
        }
        List<float[]> refs = new java.util.ArrayList<>(), got = new java.util.ArrayList<>();
        for (OrtRuns.Pair p : OrtRuns.run(ctx.work(), values, seed, runs)) {
            for (Map.Entry<String, Tensor> e : p.start().entrySet()) {
                Tensor q = p.work().get(e.getKey());
                if (q == null) return Outcome.of(false, "'" + e.getKey() + "' is missing from model.onnx");
                if (q.toFloats().length != e.getValue().toFloats().length) return Outcome.of(false, "'" + e.getKey() + "' has another shape");
                refs.add(e.getValue().toFloats());
                got.add(q.toFloats());
            }
        }
        double sqnr = QuantizationReport.sqnrDb(concat(refs), concat(got));
        return Outcome.of(sqnr >= db, Double.isInfinite(sqnr) ? "identical" : String.format(java.util.Locale.ROOT, "%.1f dB", sqnr));
    }

    private static float[] concat(List<float[]> parts) {
        int n = 0;
        for (float[] p : parts) n += p.length;
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
