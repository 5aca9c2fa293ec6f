package org.npustudio.onnx;

import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.opt.DeadCodeEliminationPass;
import org.npustudio.passes.opt.InlineConstantIfPass;
import org.npustudio.runtime.InputValues;

/**
 * {@code --input-value NAME=V} as a specialisation of the opened model: each such input becomes an
 * initializer holding V (so the model no longer takes it), Ifs its value decides are replaced by the
 * branch they take ({@link InlineConstantIfPass}, nested ones too) and what only fed their conditions
 * is removed ({@link DeadCodeEliminationPass}). Silero VAD with {@code sr=16000} thus loses its 8 kHz
 * branch, which ONNX Runtime would otherwise type-check, and refuse, for the bound 1x512 input.
 */
public final class Specialization {
    private Specialization() {}

    /** Specialises {@code model} (shapes already inferred, so the inputs' shapes are known) in place. */
    public static void apply(Model model, List<String> valueTexts) throws StudioException {
        if (valueTexts.isEmpty()) return;
        Graph g = model.graph();
        Map<String, Tensor> values = InputValues.parse(valueTexts, g);
        g.setInputs(g.inputs().stream().filter(v -> !values.containsKey(v.name())).toList());
        for (Tensor t : values.values()) g.putInitializer(t);
        boolean inlined = new InlineConstantIfPass(PassOptions.of(InlineConstantIfPass.INFO.name(), List.of(), Map.of())).run(model, new PassContext("specialise"));
        if (inlined) new DeadCodeEliminationPass(PassOptions.of(DeadCodeEliminationPass.INFO.name(), List.of(), Map.of())).run(model, new PassContext("specialise"));
    }
}
