package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.runtime.OrtRunner;

/**
 * Evaluation inputs with the fp32 model's first output on each, computed once in one session: every
 * candidate (one layer quantized, or a whole assignment) is then measured with one run of its own session
 * per input and no second fp32 run.
 */
public final class EvaluationSet {
    private final List<Map<String, Tensor>> inputs;
    private final String output;
    private final List<float[]> reference = new ArrayList<>();
    private final long[] lastDims;

    private EvaluationSet(List<Map<String, Tensor>> inputs, String output, long[] lastDims) {
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.lastDims = lastDims;
    }

    /** Runs the (legalized copy of the) fp32 model once per input. */
    public static EvaluationSet of(Model fp32, List<Map<String, Tensor>> inputs) throws StudioException {
        if (inputs.isEmpty()) throw new StudioException("sensitivity", "", "no evaluation inputs");
        Model runnable = ModelCopy.of(fp32);
        StandardRules.legalize(runnable);
        String out = fp32.graph().outputs().get(0).name();
        EvaluationSet set = null;
        try (OrtRunner s = OrtExecution.open(runnable)) {
            for (Map<String, Tensor> feed : inputs) {
                Tensor t = s.run(feed, List.of(out)).get(out);
                if (set == null) set = new EvaluationSet(inputs, out, t.dims());
                set.reference.add(t.toFloats());
            }
        }
        return set;
    }

    public List<Map<String, Tensor>> inputs() { return inputs; }

    public int size() { return inputs.size(); }

    /** Measures a quantized model (it is legalized on a copy here) against the stored fp32 outputs. */
    public Accuracy measure(Model quantized) throws StudioException {
        Model runnable = ModelCopy.of(quantized);
        StandardRules.legalize(runnable);
        double signal = 0, noise = 0;
        int agree = 0, rows = 0;
        try (OrtRunner s = OrtExecution.open(runnable)) {
            for (int k = 0; k < inputs.size(); k++) {
                float[] x = reference.get(k), y = s.run(inputs.get(k), List.of(output)).get(output).toFloats();
                for (int i = 0; i < x.length; i++) {
                    signal += (double) x[i] * x[i];
                    double d = (double) x[i] - y[i];
                    noise += d * d;
                }
                int classes = classes(x.length);
                for (int r = 0; r + classes <= x.length; r += classes) {
                    rows++;
                    if (argmax(x, r, classes) == argmax(y, r, classes)) agree++;
                }
            }
        }
        double db = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        return new Accuracy(db, rows == 0 ? Double.NaN : (double) agree / rows);
    }

    /** Width of the last axis (the classes of a classifier's logits), or the whole output when unknown. */
    private int classes(int length) {
        long c = lastDims.length == 0 ? length : lastDims[lastDims.length - 1];
        return c <= 0 || c > length ? length : (int) c;
    }

    private static int argmax(float[] v, int from, int n) {
        int best = from;
        for (int i = from + 1; i < from + n; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
