package org.npustudio.passes.opset;

import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassException;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;

/** {@link OpsetConverter} as a pipeline step: lifts an opset 7–12 model to 13 (a no-op from 13 on). */
public final class ConvertOpsetPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("convert-opset",
            "lift an ai.onnx opset 7-12 model to opset 13 (attributes that became inputs, Upsample, Softmax axis)",
            List.of(), ConvertOpsetPass::new);

    public ConvertOpsetPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public PassContract contract() {
        return PassContract.requires(PassContract.opsetAtLeast(OpsetConverter.OLDEST)).andProvides(PassContract.opsetAtLeast(OpsetConverter.TARGET));
    }

    @Override
    public boolean run(Model model, PassContext ctx) {
        long from = model.opsetVersion("");
        try {
            int n = OpsetConverter.toOpset13(model);
            if (from < OpsetConverter.TARGET) ctx.note("opset " + from + " -> " + OpsetConverter.TARGET + ": " + n + " nodes rewritten");
            return from < OpsetConverter.TARGET;
        } catch (StudioException e) {
            throw new PassException((String) null, e.problem(), e);
        }
    }
}
