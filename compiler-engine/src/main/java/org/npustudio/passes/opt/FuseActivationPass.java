package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.PatternOps;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;

/**
 * Fuses Conv or Gemm with the activation that is its only reader into org.npustudio.FusedConv /
 * FusedGemm (see {@link FusedOps}): a new node with provenance [conv, activation]. Clip needs constant
 * bounds. The legalizer expands fused nodes back to standard ONNX for the model's opset.
 */
public final class FuseActivationPass extends BasePass {
    static final List<String> SUPPORTED = List.of("Relu", "Clip", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid",
            "HardSwish", "Elu", "Gelu");

    public static final PassInfo INFO = new PassInfo("fuse-activation",
            "fuse Conv/Gemm + activation into org.npustudio.FusedConv/FusedGemm",
            List.of(PassOption.strings("activations", SUPPORTED, "activations to fuse, of " + SUPPORTED)),
            FuseActivationPass::new);

    public FuseActivationPass(PassOptions o) {
        super(INFO.name(), o);
        for (String a : o.strings("activations")) {
            if (!SUPPORTED.contains(a)) throw new IllegalArgumentException("fuse-activation cannot fuse '" + a + "' (supported: " + SUPPORTED + ")");
        }
    }

    @Override
    public boolean appliesToBodies() { return true; }

    @Override
    public boolean run(Model model, PassContext ctx) {
        Graph g = model.graph();
        long opset = GraphEdits.opset(model);
        List<String> wanted = options().strings("activations");
        boolean changed = false;
        for (Node base : List.copyOf(g.nodes())) {
            boolean conv = GraphEdits.is(base, "Conv");
            if (!conv && !GraphEdits.is(base, "Gemm")) continue;
            ctx.visit(base);
            Node act = GraphEdits.soleConsumer(g, base.output(0));
            if (act == null || !act.input(0).equals(base.output(0))) continue;
            String kind = activationKind(act);
            if (kind == null || !wanted.contains(kind)) continue;
            List<Attribute> params = params(g, act, kind, opset);
            if (params == null) continue;
            Node fused = new Node(model.freshNodeId(base.id() + "_" + kind.toLowerCase()), "",
                    conv ? FusedOps.FUSED_CONV : FusedOps.FUSED_GEMM, FusedOps.DOMAIN, base.inputs(), List.of(act.output(0)));
            fused.setName(fused.id());
            for (Attribute a : base.attributes().values()) fused.setAttribute(a);
            fused.setAttribute(Attribute.of(FusedOps.ACTIVATION, kind));
            for (Attribute a : params) fused.setAttribute(a);
            fused.setProvenance(List.of(base.id(), act.id()));
            GraphEdits.insertBefore(g, base, fused);
            g.removeNode(base);
            g.removeNode(act);
            g.removeValueInfo(base.output(0));
            GraphEdits.ensureOpset(model, FusedOps.DOMAIN, 1);
            ctx.note("fused " + base.id() + " + " + act.id() + " into " + fused.opType() + " " + fused.id());
            changed = true;
        }
        return changed;
    }

    /** The activation name a node stands for, including org.npustudio.Gelu, or null. */
    private static String activationKind(Node act) {
        if (PatternOps.is(act.domain(), act.opType(), PatternOps.GELU)) return "Gelu";
        return GraphEdits.isDefaultDomain(act) && SUPPORTED.contains(act.opType()) ? act.opType() : null;
    }

    /** The activation's parameters as activation_* attributes, or null when they are not constant. */
    private static List<Attribute> params(Graph g, Node act, String kind, long opset) {
        List<Attribute> out = new ArrayList<>();
        if (kind.equals("Clip")) {
            double min, max;
            if (opset >= 11) {
                min = act.input(1).isEmpty() ? Double.NEGATIVE_INFINITY : GraphEdits.scalar(g, act.input(1));
                max = act.input(2).isEmpty() ? Double.POSITIVE_INFINITY : GraphEdits.scalar(g, act.input(2));
            } else {
                min = act.attrFloat("min", Float.NEGATIVE_INFINITY);
                max = act.attrFloat("max", Float.POSITIVE_INFINITY);
            }
            if (Double.isNaN(min) || Double.isNaN(max)) return null;
            out.add(Attribute.of(FusedOps.ACTIVATION_PREFIX + "min", (float) min));
            out.add(Attribute.of(FusedOps.ACTIVATION_PREFIX + "max", (float) max));
            return out;
        }
        if (act.inputs().size() > 1) return null;
        for (Attribute a : act.attributes().values()) {
            out.add(new Attribute(FusedOps.ACTIVATION_PREFIX + a.name(), a.kind(), a.value(), "", "", true, null));
        }
        return out;
    }
}
