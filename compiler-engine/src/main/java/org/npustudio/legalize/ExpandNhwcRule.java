package org.npustudio.legalize;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * org.npustudio.Nhwc (a 4-D layout-sensitive operator on NHWC activations) → Transpose to NCHW, the
 * wrapped operator (keeping the Nhwc node's id), Transpose back to NHWC. Weights stay in ONNX's OIHW layout throughout.
 */
public final class ExpandNhwcRule implements LegalizationRule {
    static final long[] TO_NCHW = {0, 3, 1, 2};
    static final long[] TO_NHWC = {0, 2, 3, 1};

    @Override public String name() { return "expand-nhwc"; }

    @Override
    public String description() {
        return "org.npustudio.Nhwc becomes Transpose(0,3,1,2) → the wrapped NCHW operator → Transpose(0,2,3,1)";
    }

    @Override
    public boolean appliesTo(Node node, Model model) {
        return PatternOps.is(node.domain(), node.opType(), PatternOps.NHWC);
    }

    @Override
    public void rewrite(Node node, Graph graph, Model model) {
        RuleSupport s = new RuleSupport(graph, model, node);
        String op = node.attrString("op", "");
        if (op.isEmpty()) throw new IllegalArgumentException("Nhwc node '" + node.id() + "' names no operator");
        String domain = FusedOps.isFused(FusedOps.DOMAIN, op) ? FusedOps.DOMAIN : "";
        String x = node.input(0), y = node.output(0);
        String xc = s.freshValue(x + "_nchw"), yc = s.freshValue(y + "_nchw");
        s.emit("Transpose", "", List.of(x), List.of(xc), false, Attribute.of("perm", TO_NCHW));
        List<String> in = new java.util.ArrayList<>(node.inputs());
        in.set(0, xc);
        Attribute[] attrs = node.attributes().values().stream().filter(a -> !a.name().equals("op")).toArray(Attribute[]::new);
        s.emitAsOrigin(op, domain, in, List.of(yc), attrs);
        s.emit("Transpose", "", List.of(yc), List.of(y), false, Attribute.of("perm", TO_NHWC));
        s.commit();
    }
}
