package org.npustudio.graphview.scene;

import java.util.List;

/**
 * What a collapsed group box stands for: its scope path, the keys of the nodes hidden in it (operator ids,
 * and initializer names when those are drawn) and how many of its operators fall in each {@link OpCategory}
 * (indexed by ordinal), which the box shows as a stacked bar.
 */
public record GroupContent(String path, List<String> memberKeys, int[] categoryCounts) {
    public GroupContent {
        memberKeys = List.copyOf(memberKeys);
        categoryCounts = categoryCounts.clone();
    }

    /** Operators inside, at any depth. */
    public int operatorCount() {
        int n = 0;
        for (int c : categoryCounts) n += c;
        return n;
    }

    @Override
    public int[] categoryCounts() { return categoryCounts.clone(); }
}
