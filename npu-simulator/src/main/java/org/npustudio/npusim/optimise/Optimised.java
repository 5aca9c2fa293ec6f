package org.npustudio.npusim.optimise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.plan.Plan;

/**
 * What the optimiser proposes, and why: the plan, the capability plan it was measured against, both
 * simulated on the objective, which candidate won, the choices that differ with their savings, and
 * whether the device cover was solved exactly (see {@link CoverDp}).
 *
 * @param candidate   "capability" or "cover", alone or "+ fusion" (searched groups) or "+ auto-grouper"
 * @param evaluations simulations run
 */
public record Optimised(Objective objective, Plan plan, Plan capabilityPlan, double cost, double capabilityCost, String candidate,
                        List<Choice> choices, boolean exactCover, int evaluations) {
    public Optimised {
        choices = List.copyOf(choices);
    }

    public double saving() { return capabilityCost - cost; }

    /** Saving as a fraction of the capability plan's cost (0 when that is 0). */
    public double savingFraction() { return capabilityCost > 0 ? saving() / capabilityCost : 0; }

    /** Sum of the evaluated choice savings per partition of the proposed plan (partitions without choices are absent). */
    public Map<String, Double> savingByPartition() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Choice c : choices) if (!Double.isNaN(c.saving())) m.merge(c.partition(), c.saving(), Double::sum);
        return m;
    }

    /** The explanation table: one line per choice, then the totals. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-6s %-12s %12s  %s%n", "kind", "partition", "saves", "choice"));
        for (Choice c : choices) {
            b.append(String.format("%-6s %-12s %12s  %s%n", c.kind().name().toLowerCase(), c.partition(), objective.format(c.saving()),
                    c.describe()));
        }
        b.append(String.format("%s: %s (capability plan) -> %s (%s), %.1f%% %s%n", objective.key(), objective.format(capabilityCost),
                objective.format(cost), candidate, Math.abs(savingFraction()) * 100, saving() >= 0 ? "saved" : "worse"));
        return b.toString();
    }
}
