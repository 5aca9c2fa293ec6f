package org.npustudio.graphview.layout;

/**
 * The edges that cross each group's border, so a group's interior layout can route them to and from its border
 * instead of leaving them to cut straight across its contents. An edge leaves every group around its source
 * below the level where it is drawn (the lowest group holding both ends) and enters every group around its
 * target; inside each of those groups it runs between the item holding its end and a port node pinned to the
 * interior's last layer (leaving) or first layer (entering).
 */
final class GroupPorts {
    private final GroupTree tree;
    private final int[][] exits;
    private final int[][] entries;

    GroupPorts(LayoutGraph graph, GroupTree tree, int[] edgeLevel) {
        this.tree = tree;
        int groups = tree.groupCount();
        int[] exitCount = new int[groups], entryCount = new int[groups];
        for (int e = 0; e < graph.edgeCount(); e++) {
            for (int c = tree.groupOf(graph.source(e)); c != edgeLevel[e]; c = tree.parent(c)) exitCount[c]++;
            for (int c = tree.groupOf(graph.target(e)); c != edgeLevel[e]; c = tree.parent(c)) entryCount[c]++;
        }
        exits = new int[groups][];
        entries = new int[groups][];
        for (int g = 0; g < groups; g++) {
            exits[g] = new int[exitCount[g]];
            entries[g] = new int[entryCount[g]];
        }
        java.util.Arrays.fill(exitCount, 0);
        java.util.Arrays.fill(entryCount, 0);
        for (int e = 0; e < graph.edgeCount(); e++) {
            for (int c = tree.groupOf(graph.source(e)); c != edgeLevel[e]; c = tree.parent(c)) exits[c][exitCount[c]++] = e;
            for (int c = tree.groupOf(graph.target(e)); c != edgeLevel[e]; c = tree.parent(c)) entries[c][entryCount[c]++] = e;
        }
    }

    /** Edges whose source is inside the group and whose target is outside. */
    int[] exits(int group) { return exits[group]; }

    /** Edges whose target is inside the group and whose source is outside. */
    int[] entries(int group) { return entries[group]; }

    /** The direct item of {@code group} holding {@code node}: the node itself, or -(child group + 1). */
    int itemHolding(int group, int node) {
        int c = tree.groupOf(node);
        if (c == group) return node;
        while (tree.parent(c) != group) c = tree.parent(c);
        return -(c + 1);
    }
}
