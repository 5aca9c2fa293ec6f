package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HierarchicalLayoutTest {
    /** A residual network whose blocks are named like PyTorch exports: layerK / layerK.J / op. */
    private static List<List<String>> scopes(LayoutGraph g) {
        List<List<String>> paths = new ArrayList<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            int block = v / 9;
            paths.add(v == 0 ? List.of() : List.of("layer" + block / 4, "layer" + block / 4 + "." + block % 4));
        }
        return paths;
    }

    private static boolean[] all(int groups, boolean value) {
        boolean[] b = new boolean[groups];
        java.util.Arrays.fill(b, value);
        return b;
    }

    @Test
    void groupsAreBuiltSplitAndSingletonsDissolved() {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of("a", "only"));          // a scope holding one node dissolves into "a"
        for (int i = 0; i < 10; i++) paths.add(List.of("a"));
        for (int i = 0; i < 25; i++) paths.add(List.of("big"));
        GroupTree t = GroupTree.build(paths, 12);
        int a = t.groupOf(1), big = t.parent(t.groupOf(20));
        assertEquals("a", t.name(a));
        assertEquals(a, t.groupOf(0), "single-node scope dissolved");
        assertEquals("big", t.name(big));
        assertEquals(3, t.childGroups(big).length, "25 items split into 3 artificial parts of <= 12");
        for (int c : t.childGroups(big)) {
            assertTrue(t.isArtificial(c));
            assertTrue(t.memberNodes(c).length <= 12);
        }
        assertEquals(11, t.nodeCountIn(a));
        assertTrue(t.memberNodes(a).length + t.childGroups(a).length <= 11);
    }

    @Test
    void boxesNestAndNothingOverlapsAtAnyExpansion() {
        LayoutGraph g = SyntheticGraphs.residual(400);
        GroupTree t = GroupTree.build(scopes(g), 400);
        HierarchicalLayout h = new HierarchicalLayout(g, t, LayoutOptions.defaults(), LabelMetrics.standard());
        for (boolean[] expanded : List.of(all(t.groupCount(), false), all(t.groupCount(), true), mixed(t))) {
            HierarchicalResult r = h.layout(expanded);
            checkNesting(g, t, r);
        }
    }

    private static boolean[] mixed(GroupTree t) {
        boolean[] e = new boolean[t.groupCount()];
        for (int g = 1; g < t.groupCount(); g++) e[g] = g % 3 != 0;
        return e;
    }

    private static void checkNesting(LayoutGraph g, GroupTree t, HierarchicalResult r) {
        for (int v = 0; v < g.nodeCount(); v++) {
            boolean shouldShow = true;
            for (int a = t.groupOf(v); a > 0; a = t.parent(a)) shouldShow &= r.isGroupExpanded(a);
            assertEquals(shouldShow, r.isNodeVisible(v), "visibility of node " + v);
            if (!r.isNodeVisible(v)) continue;
            for (int a = t.groupOf(v); a > 0; a = t.parent(a)) {
                assertTrue(contains(r.groupX(a), r.groupY(a), r.groupWidth(a), r.groupHeight(a), r.nodeX(v), r.nodeY(v), r.nodeWidth(v), r.nodeHeight(v)),
                        "node " + v + " outside group " + t.name(a));
            }
        }
        List<double[]> boxes = new ArrayList<>();
        for (int v = 0; v < g.nodeCount(); v++) if (r.isNodeVisible(v)) boxes.add(new double[] {r.nodeX(v), r.nodeY(v), r.nodeWidth(v), r.nodeHeight(v)});
        for (int c = 1; c < t.groupCount(); c++) {
            if (!r.isGroupVisible(c)) continue;
            int p = t.parent(c);
            if (p > 0) assertTrue(contains(r.groupX(p), r.groupY(p), r.groupWidth(p), r.groupHeight(p), r.groupX(c), r.groupY(c), r.groupWidth(c), r.groupHeight(c)), "group nesting");
            if (!r.isGroupExpanded(c)) boxes.add(new double[] {r.groupX(c), r.groupY(c), r.groupWidth(c), r.groupHeight(c)});
        }
        double[] x = new double[boxes.size()], y = new double[boxes.size()], w = new double[boxes.size()], hh = new double[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            x[i] = boxes.get(i)[0];
            y[i] = boxes.get(i)[1];
            w[i] = boxes.get(i)[2];
            hh[i] = boxes.get(i)[3];
        }
        assertEquals(0, LayoutMetrics.overlaps(x, y, w, hh), "visible boxes overlap");
        for (int e = 0; e < g.edgeCount(); e++) {
            int gu = t.groupOf(g.source(e)), gv = t.groupOf(g.target(e));
            boolean hiddenInside = false;
            // An edge is hidden exactly when both ends sit in one collapsed group.
            for (int a = gu; a > 0; a = t.parent(a)) {
                if (r.isGroupVisible(a) && !r.isGroupExpanded(a)) {
                    boolean otherInside = false;
                    for (int b = gv; b > 0; b = t.parent(b)) otherInside |= b == a;
                    hiddenInside |= otherInside;
                }
            }
            if (hiddenInside) assertNull(r.edgePoints(e));
            else assertNotNull(r.edgePoints(e), "edge " + e + " between visible boxes has no route");
        }
    }

    private static boolean contains(double ox, double oy, double ow, double oh, double x, double y, double w, double h) {
        return x >= ox - 1e-6 && y >= oy - 1e-6 && x + w <= ox + ow + 1e-6 && y + h <= oy + oh + 1e-6;
    }

    @Test
    void expandingOneGroupLaysOutOnlyItAndItsAncestors() {
        LayoutGraph g = SyntheticGraphs.residual(700);
        GroupTree t = GroupTree.build(scopes(g), 400);
        HierarchicalLayout h = new HierarchicalLayout(g, t, LayoutOptions.defaults(), LabelMetrics.standard());
        boolean[] expanded = all(t.groupCount(), false);
        for (int c : t.childGroups(0)) expanded[c] = true;
        h.layout(expanded);
        int target = -1;
        for (int c = 1; c < t.groupCount(); c++) if (t.depth(c) == 2) target = c;
        assertTrue(target > 0, "tree has nested groups");
        expanded[target] = true;
        HierarchicalResult incremental = h.layout(expanded);
        assertEquals(1 + t.depth(target), h.lastComputedInteriors(), "the group and each ancestor, nothing else");
        HierarchicalResult fresh = new HierarchicalLayout(g, t, LayoutOptions.defaults(), LabelMetrics.standard()).layout(expanded);
        for (int v = 0; v < g.nodeCount(); v++) {
            assertEquals(fresh.isNodeVisible(v), incremental.isNodeVisible(v));
            assertEquals(fresh.nodeX(v), incremental.nodeX(v), 0.0);
            assertEquals(fresh.nodeY(v), incremental.nodeY(v), 0.0);
        }
        h.layout(expanded);
        assertEquals(0, h.lastComputedInteriors(), "unchanged state comes from the cache");
        assertFalse(incremental.isGroupVisible(0));
    }
}
