package org.npustudio.legalize;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/** FusedConv / FusedGemm → Conv / Gemm followed by the standard activation node(s). */
public final class ExpandFusedOpRule implements LegalizationRule {
    @Override public String name() { return "expand-fused-conv-gemm"; }

    @Override
    public String description() {
        return "org.npustudio.FusedConv/FusedGemm become Conv/Gemm plus their activation in standard ONNX for the model's opset";
    }

    @Override
    public boolean appliesTo(Node node, Model model) {
        return FusedOps.isFused(node.domain(), node.opType());
    }

    @Override
    public void rewrite(Node node, Graph graph, Model model) {
        RuleSupport s = new RuleSupport(graph, model, node);
        String base = node.opType().equals(FusedOps.FUSED_CONV) ? "Conv" : "Gemm";
        String y = node.output(0);
        String pre = s.freshValue(y + "_preact");
        List<Attribute> attrs = node.attributes().values().stream()
                .filter(a -> !a.name().equals(FusedOps.ACTIVATION) && !a.name().startsWith(FusedOps.ACTIVATION_PREFIX)).toList();
        s.emit(base, "", node.inputs(), List.of(pre), true, attrs.toArray(new Attribute[0]));
        ActivationExpansion.emit(s, node, pre, y);
        s.commit();
    }
}
