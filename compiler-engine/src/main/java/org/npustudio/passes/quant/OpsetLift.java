package org.npustudio.passes.quant;

import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.StandardRules;
import org.npustudio.passes.numeric.OrtExecution;
import org.npustudio.passes.opset.OpsetConverter;
import org.npustudio.runtime.TensorComparison;

/**
 * Lifts a model below opset 13 to 13 for per-channel QDQ and proves the lift harmless: the model before and after
 * run in ONNX Runtime on one calibration input and must agree. Node ids are kept (the converter edits nodes in
 * place; nodes it adds carry provenance), so a plan or a per-layer choice still names the same layers.
 */
public final class OpsetLift {
    private OpsetLift() {}

    /** Lifts {@code model} in place when it imports an opset below 13; the number of nodes rewritten (0: nothing to do). */
    public static int liftChecked(Model model, QuantConfig cfg) throws StudioException {
        long opset = GraphEdits.opset(model);
        if (opset >= OpsetConverter.TARGET) return 0;
        Model original = ModelCopy.of(model);
        int rewritten = OpsetConverter.toOpset13(model);
        checkSameOutputs(original, model, cfg, opset);
        return rewritten;
    }

    private static void checkSameOutputs(Model original, Model lifted, QuantConfig cfg, long opset) throws StudioException {
        Model a = ModelCopy.of(original), b = ModelCopy.of(lifted);
        StandardRules.legalize(a);
        StandardRules.legalize(b);
        Map<String, Tensor> feed = Quantizer.calibrationSet(original, cfg).feeds().get(0);
        Map<String, Tensor> ra = OrtExecution.run(a, feed), rb = OrtExecution.run(b, feed);
        for (String k : ra.keySet()) {
            TensorComparison c = TensorComparison.of(rb.get(k), ra.get(k));
            double scale = 0;
            if (ra.get(k).dataType().isFloatingPoint()) for (float f : ra.get(k).toFloats()) scale = Math.max(scale, Math.abs(f));
            if (!c.sameShape() || !c.allClose(1e-5, 1e-5 * Math.max(scale, 1e-3))) {
                throw new StudioException("quantize", "output '" + k + "'", "lifting opset " + opset + " to "
                        + OpsetConverter.TARGET + " changed the model's outputs (" + c.describe() + ")");
            }
        }
    }
}
