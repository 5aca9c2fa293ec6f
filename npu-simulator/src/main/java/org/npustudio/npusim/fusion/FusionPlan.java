package org.npustudio.npusim.fusion;

import java.util.List;

/** User-defined fusion groups: each a list of node ids whose shared intermediates should stay on chip. */
public record FusionPlan(List<List<String>> groups) {
    public static final FusionPlan NONE = new FusionPlan(List.of());

    public FusionPlan {
        groups = groups.stream().map(List::copyOf).toList();
    }
}
