package org.npustudio.legalize;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/**
 * Runs a {@link RuleSet} over a model until no rule applies, in the main graph and in every If/Loop/Scan
 * body (passes fuse inside bodies too), so what is exported is standard ONNX. Each rule is documented in
 * docs/legalizer.md.
 */
public final class Legalizer {
    private Legalizer() {}

    /** One applied rewrite: the rule and the stable id of the node it replaced. */
    public record Rewrite(String rule, String nodeId) {}

    /** Legalizes the model in place with {@code rules}; returns what was rewritten, in order. */
    public static List<Rewrite> legalize(Model model, RuleSet rules) {
        List<Rewrite> done = new ArrayList<>();
        legalize(model.graph(), model, rules, done);
        return done;
    }

    private static void legalize(Graph g, Model model, RuleSet rules, List<Rewrite> done) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node n : List.copyOf(g.nodes())) {
                for (LegalizationRule r : rules.rules()) {
                    if (n.graph() == g && r.appliesTo(n, model)) {
                        r.rewrite(n, g, model);
                        done.add(new Rewrite(r.name(), n.id()));
                        changed = true;
                        break;
                    }
                }
            }
        }
        for (Node n : List.copyOf(g.nodes())) {
            if (n.subgraphs().isEmpty()) continue;
            // the owner is told, so its graph's look-ups see what the rewritten bodies read
            n.editSubgraphs(() -> {
                for (Graph body : n.subgraphs()) legalize(body, model, rules, done);
            });
        }
    }
}
