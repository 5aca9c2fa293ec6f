package org.npustudio.legalize;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * Runs every registered {@link LegalizationRule} over a model until none applies, so what is exported
 * is standard ONNX. Rules are registered by the features that create non-standard constructs (the
 * compiler passes register their fused-op expansions). Each rule is documented in docs/legalizer.md.
 */
public final class Legalizer {
    private static final List<LegalizationRule> RULES = new java.util.concurrent.CopyOnWriteArrayList<>();

    // The expansions of every non-standard operator NPU Studio makes, so any caller of legalize (the
    // partial exporter included) knows them without loading the passes first.
    static {
        register(new ExpandNhwcRule());
        register(new ExpandFusedOpRule());
        register(new ExpandGeluRule());
        register(new ExpandLayerNormRule());
    }

    private Legalizer() {}

    public static void register(LegalizationRule rule) {
        for (LegalizationRule r : RULES) if (r.name().equals(rule.name())) return;
        RULES.add(rule);
    }

    public static List<LegalizationRule> rules() { return List.copyOf(RULES); }

    /** One applied rewrite: the rule and the stable id of the node it replaced. */
    public record Rewrite(String rule, String nodeId) {}

    /** Legalizes the main graph in place; returns what was rewritten, in order. */
    public static List<Rewrite> legalize(Model model) {
        List<Rewrite> done = new ArrayList<>();
        Graph g = model.graph();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node n : List.copyOf(g.nodes())) {
                for (LegalizationRule r : RULES) {
                    if (n.graph() == g && r.appliesTo(n, model)) {
                        r.rewrite(n, g, model);
                        done.add(new Rewrite(r.name(), n.id()));
                        changed = true;
                        break;
                    }
                }
            }
        }
        return done;
    }
}
