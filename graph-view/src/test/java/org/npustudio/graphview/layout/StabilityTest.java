package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Re-layout after a pass removed or fused a few nodes keeps the other nodes where they were. */
class StabilityTest {
    /** Copy of g without the given nodes; edges through a removed node are bridged (as when a pass drops an op). */
    static LayoutGraph withoutNodes(LayoutGraph g, java.util.Set<Integer> removed) {
        LayoutGraph.Builder b = LayoutGraph.builder();
        int[] id = new int[g.nodeCount()];
        for (int v = 0; v < g.nodeCount(); v++) id[v] = removed.contains(v) ? -1 : b.addNode(g.width(v), g.height(v), g.key(v));
        int[] in = new int[g.nodeCount()];
        java.util.Arrays.fill(in, -1);
        for (int e = 0; e < g.edgeCount(); e++) if (removed.contains(g.target(e)) && in[g.target(e)] < 0) in[g.target(e)] = g.source(e);
        for (int e = 0; e < g.edgeCount(); e++) {
            int s = g.source(e), t = g.target(e);
            while (s >= 0 && removed.contains(s)) s = in[s];
            if (s >= 0 && id[t] >= 0 && id[s] != id[t]) b.addEdge(id[s], id[t]);
        }
        return b.build();
    }

    static double meanDisplacement(LayoutGraph before, LayoutResult a, LayoutGraph after, LayoutResult b) {
        return meanDisplacement(before, a::centerX, a::centerY, after, b::centerX, b::centerY);
    }

    /** Mean distance a node with the same key moved between two layouts, given each layout's node positions. */
    static double meanDisplacement(LayoutGraph before, java.util.function.IntToDoubleFunction ax, java.util.function.IntToDoubleFunction ay,
                                   LayoutGraph after, java.util.function.IntToDoubleFunction bx, java.util.function.IntToDoubleFunction by) {
        java.util.Map<String, Integer> old = new java.util.HashMap<>();
        for (int v = 0; v < before.nodeCount(); v++) old.put(before.key(v), v);
        double sum = 0;
        int n = 0;
        for (int v = 0; v < after.nodeCount(); v++) {
            Integer p = old.get(after.key(v));
            if (p == null) continue;
            sum += Math.hypot(ax.applyAsDouble(p) - bx.applyAsDouble(v), ay.applyAsDouble(p) - by.applyAsDouble(v));
            n++;
        }
        return sum / n;
    }

    @Test
    void removingAFewNodesMovesTheRestLittle() {
        LayoutGraph g = SyntheticGraphs.residual(1500);
        LayoutOptions o = LayoutOptions.defaults();
        LayoutResult before = LayeredLayout.layout(g, o);
        // A pass folds five BatchNorm-like nodes (one inside each of five blocks) into their producers.
        LayoutGraph edited = withoutNodes(g, java.util.Set.of(102, 305, 611, 903, 1204));
        LayoutResult fresh = LayeredLayout.layout(edited, o);
        LayoutResult stable = LayeredLayout.layout(edited, o, LayoutMonitor.none(), new PreviousLayout(g, before));
        LayoutInvariants.check(edited, stable, o.direction());
        double freshMove = meanDisplacement(g, before, edited, fresh);
        double stableMove = meanDisplacement(g, before, edited, stable);
        System.out.printf("stability: mean displacement of unchanged nodes fresh %.1f px, stable %.1f px%n", freshMove, stableMove);
        assertTrue(stableMove < 20, "stable re-layout moved unchanged nodes by " + stableMove + " px on average");
        assertTrue(stableMove < freshMove / 4, "stable " + stableMove + " vs fresh " + freshMove);
    }

    @Test
    void unchangedGraphStaysExactlyInPlace() {
        LayoutGraph g = SyntheticGraphs.transformer(1200);
        LayoutOptions o = LayoutOptions.defaults();
        LayoutResult before = LayeredLayout.layout(g, o);
        LayoutResult again = LayeredLayout.layout(g, o, LayoutMonitor.none(), new PreviousLayout(g, before));
        assertEquals(0, meanDisplacement(g, before, g, again), 1e-6);
    }
}
