package org.npustudio.passes;

import java.util.List;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.legalize.ExpandFusedOpRule;
import org.npustudio.legalize.ExpandGeluRule;
import org.npustudio.legalize.ExpandLayerNormRule;
import org.npustudio.legalize.ExpandNhwcRule;
import org.npustudio.legalize.FusedOps;
import org.npustudio.legalize.Legalizer;

/**
 * Registers the legalization rules for every non-standard operator the passes create. Called by the
 * {@link PassManager} and {@link PassRegistry} on first use; exporters that may see pass output call
 * {@link #registerAll()} (or {@link #legalize}) themselves. Registering twice is harmless.
 */
public final class StandardRules {
    static {
        Legalizer.register(new ExpandNhwcRule());
        Legalizer.register(new ExpandFusedOpRule());
        Legalizer.register(new ExpandGeluRule());
        Legalizer.register(new ExpandLayerNormRule());
    }

    private StandardRules() {}

    /** Ensures the rules are registered (the static initializer does the work). */
    public static void registerAll() {}

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
