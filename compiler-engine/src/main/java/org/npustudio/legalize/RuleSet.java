package org.npustudio.legalize;

import java.util.ArrayList;
import java.util.List;

/**
 * An explicit, ordered set of {@link LegalizationRule}s handed to {@link Legalizer#legalize}. Whoever
 * legalizes says which rules apply (no registry filled as classes happen to load): the compiler uses
 * {@link #FUSED_OPS}; the partial exporter adds its own rule with {@link #with}. docs/legalizer.md lists them.
 */
public record RuleSet(List<LegalizationRule> rules) {
    /** Expansions of every non-standard operator the passes make (Nhwc, FusedConv/FusedGemm, Gelu, LayerNormalization). */
    public static final RuleSet FUSED_OPS = new RuleSet(List.of(new ExpandNhwcRule(), new ExpandFusedOpRule(),
            new ExpandGeluRule(), new ExpandLayerNormRule()));

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** This set plus {@code rule} (after the others), unless a rule of that name is already in it. */
    public RuleSet with(LegalizationRule rule) {
        for (LegalizationRule r : rules) if (r.name().equals(rule.name())) return this;
        List<LegalizationRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new RuleSet(more);
    }

    public List<String> names() { return rules.stream().map(LegalizationRule::name).toList(); }
}
