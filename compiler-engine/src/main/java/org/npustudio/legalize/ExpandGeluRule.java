package org.npustudio.legalize;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/** org.npustudio.Gelu → standard Gelu (opset ≥ 20) or its Erf / tanh formula. */
public final class ExpandGeluRule implements LegalizationRule {
    @Override public String name() { return "expand-gelu"; }

    @Override
    public String description() {
        return "org.npustudio.Gelu becomes Gelu from opset 20, else Div/Erf/Add/Mul/Mul (or the tanh formula)";
    }

    @Override
    public boolean appliesTo(Node node, Model model) {
        return PatternOps.is(node.domain(), node.opType(), PatternOps.GELU);
    }

    @Override
    public void rewrite(Node node, Graph graph, Model model) {
        RuleSupport s = new RuleSupport(graph, model, node);
        String approximate = node.attrString("approximate", "none");
        if (s.opset() >= 20) {
            s.emit("Gelu", "", List.of(node.input(0)), List.of(node.output(0)), false, Attribute.of("approximate", approximate));
        } else {
            GeluExpansion.emit(s, node.input(0), node.output(0), approximate);
        }
        s.commit();
    }
}
