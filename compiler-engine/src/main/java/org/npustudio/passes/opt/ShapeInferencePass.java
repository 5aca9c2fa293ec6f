package org.npustudio.passes.opt;

import java.util.List;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;
import org.npustudio.shape.ShapeInference;
import org.npustudio.shape.ShapeInferenceReport;

/**
 * Fills value_info with inferred element types and shapes ({@link ShapeInference}). With
 * {@code refresh} (default) the types of values produced by operators that have a shape rule are
 * dropped first, so types made stale by earlier rewrites are recomputed; declared types of outputs of
 * operators without a rule (custom domains) are kept, as nothing else could restore them.
 */
public final class ShapeInferencePass extends BasePass {
    public static final PassInfo INFO = new PassInfo("shape-inference",
            "infer element types and shapes of every value (ShapeInference)",
            List.of(PassOption.bool("refresh", true, "recompute types of values produced by operators with a shape rule")),
            ShapeInferencePass::new);

    public ShapeInferencePass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public PassContract contract() { return PassContract.NONE.andProvides(PassContract.TYPED_VALUE_INFO); }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        if (options().bool("refresh")) {
            Set<String> ruled = ShapeInference.supportedOperators();
            for (Node n : g.nodes()) {
                if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) continue;
                if (!ruled.contains(n.opType())) continue;
                for (String o : n.outputs()) g.removeValueInfo(o);
            }
        }
        ShapeInferenceReport r = ShapeInference.infer(model);
        for (ShapeInferenceReport.NodeResult n : r.withStatus(ShapeInferenceReport.Status.FAILED)) ctx.note(n.describe());
        for (ShapeInferenceReport.Conflict c : r.conflicts()) ctx.note(c.describe());
        int dropped = GraphEdits.dropUntypedValueInfo(g);
        if (dropped > 0) ctx.note("dropped " + dropped + " value_info entries whose element type is unknown");
        return true;
    }
}
