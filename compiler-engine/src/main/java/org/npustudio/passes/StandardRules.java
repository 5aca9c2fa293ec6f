package org.npustudio.passes;

import java.util.List;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.Legalizer;
import org.npustudio.legalize.RuleSet;

/** Legalizing pass output for export with {@link RuleSet#FUSED_OPS}. */
public final class StandardRules {
    private StandardRules() {}

    /**
     * Standard ONNX for export: expands every pass-made operator, drops the org.npustudio opset import
     * when nothing uses it any more, and sorts nodes topologically.
     */
    public static List<Legalizer.Rewrite> legalize(Model model) {
        List<Legalizer.Rewrite> done = Legalizer.legalize(model, RuleSet.FUSED_OPS);
        boolean used = false;
        java.util.ArrayDeque<org.npustudio.ir.Graph> todo = new java.util.ArrayDeque<>(List.of(model.graph()));
        while (!todo.isEmpty()) {
            for (Node n : todo.poll().nodes()) {
                used |= FusedOps.DOMAIN.equals(n.domain());
                todo.addAll(n.subgraphs());
            }
        }
        if (!used) model.opsetImports().removeIf(o -> o.domain().equals(FusedOps.DOMAIN));
        GraphEdits.sortTopologically(model.graph());
        return done;
    }
}
