package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grouped re-layout after a pass removed a few nodes: the rest stay where they were, group by group. */
class HierarchicalStabilityTest {
    private static List<List<String>> scopes(int nodes) {
        List<List<String>> paths = new ArrayList<>();
        for (int v = 0; v < nodes; v++) {
            int block = v / 9;
            paths.add(v == 0 ? List.of() : List.of("layer" + block / 4, "layer" + block / 4 + "." + block % 4));
        }
        return paths;
    }

    private static HierarchicalLayout layout(LayoutGraph g, List<List<String>> paths) {
        return new HierarchicalLayout(g, GroupTree.build(paths, 400), LayoutOptions.defaults(), LabelMetrics.standard());
    }

    private static boolean[] allOpen(int groups) {
        boolean[] b = new boolean[groups];
        Arrays.fill(b, true);
        return b;
    }

    private static double meanDisplacement(LayoutGraph a, HierarchicalResult ra, LayoutGraph b, HierarchicalResult rb) {
        return StabilityTest.meanDisplacement(a, ra::nodeX, ra::nodeY, b, rb::nodeX, rb::nodeY);
    }

    @Test
    void removingAFewNodesInsideGroupsMovesTheRestLittle() {
        LayoutGraph g = SyntheticGraphs.residual(600);
        List<List<String>> paths = scopes(g.nodeCount());
        Set<Integer> removed = Set.of(102, 305, 411, 520);
        LayoutGraph edited = StabilityTest.withoutNodes(g, removed);
        List<List<String>> editedPaths = new ArrayList<>();
        for (int v = 0; v < g.nodeCount(); v++) if (!removed.contains(v)) editedPaths.add(paths.get(v));

        HierarchicalLayout before = layout(g, paths);
        int groups = GroupTree.build(paths, 400).groupCount();
        HierarchicalResult rb = before.layout(allOpen(groups));
        int editedGroups = GroupTree.build(editedPaths, 400).groupCount();
        HierarchicalLayout fresh = layout(edited, editedPaths);
        HierarchicalResult rf = fresh.layout(allOpen(editedGroups));
        HierarchicalLayout stable = layout(edited, editedPaths);
        HierarchicalResult rs = stable.layout(allOpen(editedGroups), LayoutMonitor.none(), before);

        double freshMove = meanDisplacement(g, rb, edited, rf), stableMove = meanDisplacement(g, rb, edited, rs);
        System.out.printf("grouped stability: mean displacement of unchanged nodes fresh %.1f px, stable %.1f px%n", freshMove, stableMove);
        assertTrue(stableMove < 25, "stable grouped re-layout moved unchanged nodes by " + stableMove + " px on average");
        assertTrue(stableMove < freshMove / 2, "stable " + stableMove + " vs fresh " + freshMove);
    }

    @Test
    void theSameGraphAgainStaysExactlyInPlace() {
        LayoutGraph g = SyntheticGraphs.residual(300);
        List<List<String>> paths = scopes(g.nodeCount());
        int groups = GroupTree.build(paths, 400).groupCount();
        HierarchicalLayout first = layout(g, paths);
        HierarchicalResult a = first.layout(allOpen(groups));
        HierarchicalLayout second = layout(g, paths);
        HierarchicalResult b = second.layout(allOpen(groups), LayoutMonitor.none(), first);
        assertEquals(0, meanDisplacement(g, a, g, b), 1e-6);
    }
}
