package org.npustudio.passes.opt;

import java.util.List;
import org.npustudio.ir.Model;
import org.npustudio.legalize.Legalizer;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.StandardRules;

/** Runs the legalizer as a pipeline step, so the expansion of fused operators shows up as a pass. */
public final class LegalizePass extends BasePass {
    public static final PassInfo INFO = new PassInfo("legalize",
            "expand every org.npustudio operator back to standard ONNX for the model's opset", List.of(), LegalizePass::new);

    public LegalizePass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public PassContract contract() { return PassContract.NONE.andProvides(PassContract.NO_FUSED_OPS); }

    @Override
    public boolean run(Model model, PassContext ctx) {
        List<Legalizer.Rewrite> done = StandardRules.legalize(model);
        for (Legalizer.Rewrite r : done) ctx.note(r.rule() + " on " + r.nodeId());
        return !done.isEmpty();
    }
}
