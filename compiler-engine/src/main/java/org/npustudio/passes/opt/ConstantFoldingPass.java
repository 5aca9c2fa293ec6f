package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;

/**
 * Evaluates nodes whose inputs are all constant and replaces them by initializers named after their
 * outputs (so readers need no rewiring): Constant nodes, arithmetic, shape manipulation, Cast, Gather,
 * Slice, ConstantOfShape, and Shape of a value whose shape is static. One walk in topological order
 * folds whole constant subgraphs. Outputs that are graph outputs, results larger than
 * {@code max-elements} and element types it cannot evaluate are left alone; inputs that become
 * unused are left for dead-code-elimination.
 */
public final class ConstantFoldingPass extends BasePass {
    public static final PassInfo INFO = new PassInfo("constant-folding",
            "evaluate constant subgraphs and Shape of static shapes into initializers",
            List.of(PassOption.integer("max-elements", 1L << 24, "largest folded result, in elements"),
                    PassOption.bool("shapes", true, "fold Shape of a static shape (false: only constant subgraphs)")),
            ConstantFoldingPass::new);

    public ConstantFoldingPass(PassOptions o) {
        super(INFO.name(), o);
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        long max = options().integer("max-elements");
        boolean shapes = options().bool("shapes");
        boolean changed = false;
        for (Node n : g.topologicalOrder()) {
            if (!GraphEdits.isDefaultDomain(n) || n.outputs().size() != 1 || n.output(0).isEmpty()) continue;
            if (!ConstantEvaluator.OPS.contains(n.opType()) && !(shapes && n.opType().equals("Shape"))) continue;
            // In a body only Constant nodes (how exporters write a body's weights) become initializers:
            // evaluating ops there turns declared shapes of a branch never taken into constants that
            // ONNX Runtime then type-checks at load and refuses (silero v5/v6).
            if (ctx.inBody() && !n.opType().equals("Constant")) continue;
            if (GraphEdits.isGraphOutput(g, n.output(0))) continue;
            ctx.visit(n);
            ConstArray result = evaluate(g, n, opset);
            if (result == null || result.size() > max) continue;
            Tensor t = result.toTensor(n.output(0));
            g.removeNode(n);
            g.removeValueInfo(n.output(0));
            g.putInitializer(t);
            changed = true;
        }
        if (changed) ctx.note("folded into " + g.initializers().size() + " initializers");
        return changed;
    }

    private static ConstArray evaluate(Graph g, Node n, long opset) {
        if (n.opType().equals("Shape")) {
            Shape s = GraphEdits.shape(g, n.input(0));
            return s != null && s.isStatic() ? ConstantEvaluator.shapeOf(s.sizes(), n) : null;
        }
        List<ConstArray> in = new ArrayList<>();
        for (String v : n.inputs()) {
            if (v.isEmpty()) {
                in.add(null);
                continue;
            }
            Tensor t = GraphEdits.constant(g, v);
            if (t == null || t.elementCount() > (1L << 26)) return null;
            ConstArray c = ConstArray.of(t);
            if (c == null) return null;
            in.add(c);
        }
        if (!n.opType().equals("Constant") && (in.isEmpty() || in.get(0) == null)) return null;
        try {
            return ConstantEvaluator.evaluate(n, in, opset);
        } catch (RuntimeException e) {
            // Malformed attributes or inputs: not our business to reject, the node just stays.
            return null;
        }
    }
}
