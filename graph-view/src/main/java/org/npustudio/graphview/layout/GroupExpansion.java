package org.npustudio.graphview.layout;

import java.util.Arrays;

/**
 * Which groups of a {@link GroupTree} start open. A model opens with whole levels of groups expanded,
 * outermost first, for as long as the drawing stays within a budget of visible boxes; the first level that
 * would exceed it stays collapsed. Small models therefore open fully expanded, big ones as a readable
 * outline that lays out quickly (each collapsed group is one box until the user opens it).
 */
public final class GroupExpansion {
    /** Visible boxes (nodes plus collapsed groups) a model may show when it first opens. */
    public static final int DEFAULT_BUDGET = 1500;

    private GroupExpansion() {}

    /** Every group open: the fully expanded drawing. */
    public static boolean[] all(GroupTree tree) {
        boolean[] e = new boolean[tree.groupCount()];
        Arrays.fill(e, true);
        return e;
    }

    /** Outermost levels opened while {@link #visibleBoxes} stays at or under {@code budget}. */
    public static boolean[] initial(GroupTree tree, int budget) {
        int groups = tree.groupCount();
        boolean[] expanded = new boolean[groups];
        expanded[0] = true;
        int maxDepth = 0;
        for (int g = 0; g < groups; g++) maxDepth = Math.max(maxDepth, tree.depth(g));
        for (int d = 1; d <= maxDepth; d++) {
            boolean[] next = expanded.clone();
            for (int g = 1; g < groups; g++) if (tree.depth(g) == d) next[g] = true;
            if (visibleBoxes(tree, next) > budget) break;
            expanded = next;
        }
        return expanded;
    }

    /** Boxes drawn for an expansion state: nodes in open groups plus collapsed groups directly in open ones. */
    public static int visibleBoxes(GroupTree tree, boolean[] expanded) {
        boolean[] open = open(tree, expanded);
        int boxes = 0;
        for (int g = 0; g < tree.groupCount(); g++) {
            if (!open[g]) continue;
            boxes += tree.memberNodesShared(g).length;
            for (int c : tree.childGroupsShared(g)) if (!open[c]) boxes++;
        }
        return boxes;
    }

    /** Whether each group is open and all its ancestors too (the root always is). */
    public static boolean[] open(GroupTree tree, boolean[] expanded) {
        boolean[] open = new boolean[tree.groupCount()];
        open[0] = true;
        // Preorder ids: a parent comes before its children.
        for (int g = 1; g < open.length; g++) open[g] = open[tree.parent(g)] && expanded[g];
        return open;
    }
}
