package org.npustudio.passes;

import java.util.List;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.Legalizer;

/**
 * Legalizing pass output for export (the expansion rules themselves are registered by {@link Legalizer}).
 */
public final class StandardRules {
    private StandardRules() {}

    /**
     * Standard ONNX for export: expands every pass-made operator, drops the org.npustudio opset import
     * when nothing uses it any more, and sorts nodes topologically.
     */
    public static List<Legalizer.Rewrite> legalize(Model model) {
        List<Legalizer.Rewrite> done = Legalizer.legalize(model);
        boolean used = false;
        for (Node n : model.graph().nodes()) used |= FusedOps.DOMAIN.equals(n.domain());
        if (!used) model.opsetImports().removeIf(o -> o.domain().equals(FusedOps.DOMAIN));
        GraphEdits.sortTopologically(model.graph());
        return done;
    }
}
