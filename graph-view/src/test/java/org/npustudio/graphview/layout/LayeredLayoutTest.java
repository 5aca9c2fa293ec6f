package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private static final LayoutOptions OPTIONS = LayoutOptions.defaults();

    @ParameterizedTest
    @EnumSource(Direction.class)
    void syntheticGraphsKeepInvariants(Direction d) {
        LayoutOptions o = OPTIONS.withDirection(d);
        for (LayoutGraph g : List.of(SyntheticGraphs.chain(50), SyntheticGraphs.residual(600), SyntheticGraphs.transformer(700),
                SyntheticGraphs.random(400, 2, 0.0, 5))) {
            LayoutInvariants.check(g, LayeredLayout.layout(g, o), d);
        }
    }

    @Test
    void cyclesAreBrokenByReversingFewEdges() {
        LayoutGraph g = SyntheticGraphs.random(500, 2, 0.15, 11);
        LayoutResult r = LayeredLayout.layout(g, OPTIONS);
        LayoutInvariants.check(g, r, Direction.TOP_TO_BOTTOM);
        assertTrue(r.reversedCount() > 0, "the random graph has cycles");
        assertTrue(r.reversedCount() < g.edgeCount() / 4, "reversed " + r.reversedCount() + " of " + g.edgeCount());
    }

    @Test
    void selfLoopsAndTwoCyclesAreRouted() {
        LayoutGraph.Builder b = LayoutGraph.builder();
        int a = b.addNode(80, 30), c = b.addNode(60, 30);
        b.addEdge(a, c);
        b.addEdge(c, a);
        b.addEdge(a, a);
        LayoutGraph g = b.build();
        LayoutResult r = LayeredLayout.layout(g, OPTIONS);
        LayoutInvariants.check(g, r, Direction.TOP_TO_BOTTOM);
        assertEquals(1, r.reversedCount());
    }

    @Test
    void dagReversesNothingAndChainsAreStraight() {
        LayoutGraph g = SyntheticGraphs.chain(30);
        LayoutResult r = LayeredLayout.layout(g, OPTIONS);
        assertEquals(0, r.reversedCount());
        for (int v = 1; v < g.nodeCount(); v++) assertEquals(r.centerX(0), r.centerX(v), 1e-9, "chain bends at " + v);
    }

    @Test
    void longEdgesRunStraightThroughTheirDummies() {
        // a -> b -> c -> d plus the skip a -> d: the skip's dummies align, so its route has at most 4 points.
        LayoutGraph.Builder b = LayoutGraph.builder();
        for (int i = 0; i < 4; i++) b.addNode(100, 40);
        b.addEdge(0, 1);
        b.addEdge(1, 2);
        b.addEdge(2, 3);
        int skip = b.addEdge(0, 3);
        LayoutResult r = LayeredLayout.layout(b.build(), OPTIONS);
        assertTrue(r.edgePoints(skip).length <= 8, "skip edge bends too often: " + r.edgePoints(skip).length / 2 + " points");
        assertEquals(0, LayoutMetrics.crossings(r));
    }

    @Test
    void sameInputGivesIdenticalCoordinates() {
        LayoutGraph g = SyntheticGraphs.transformer(2000);
        LayoutInvariants.assertSame(LayeredLayout.layout(g, OPTIONS), LayeredLayout.layout(g, OPTIONS));
        LayoutGraph c = SyntheticGraphs.random(800, 2, 0.1, 3);
        LayoutInvariants.assertSame(LayeredLayout.layout(c, OPTIONS), LayeredLayout.layout(c, OPTIONS));
    }

    @Test
    void hundredThousandNodeChainAtDefaultStack() throws Exception {
        LayoutGraph g = SyntheticGraphs.chain(100_000);
        LayoutResult[] out = new LayoutResult[1];
        Throwable[] err = new Throwable[1];
        // A fresh thread with the JVM's default stack size, whatever the test runner's own stack is.
        Thread t = new Thread(() -> {
            try {
                out[0] = LayeredLayout.layout(g, OPTIONS);
            } catch (Throwable e) {
                err[0] = e;
            }
        });
        t.start();
        t.join();
        if (err[0] != null) throw new AssertionError("layout failed", err[0]);
        assertEquals(100_000, out[0].nodeCount());
        assertEquals(0, LayoutMetrics.overlaps(out[0]));
    }

    @Test
    void hundredThousandNodeNetworksAreFast() {
        for (LayoutGraph g : List.of(SyntheticGraphs.residual(100_000), SyntheticGraphs.transformer(100_000))) {
            LayeredLayout.layout(g, OPTIONS);
            long t0 = System.nanoTime();
            LayoutResult r = LayeredLayout.layout(g, OPTIONS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            // Target is 5 s; the bound leaves room for a loaded shared CI machine.
            assertTrue(seconds < 15, "100k-node layout took " + seconds + " s");
            assertEquals(0, LayoutMetrics.overlaps(r));
        }
    }

    @Test
    void cancellationStopsTheLayout() {
        LayoutGraph g = SyntheticGraphs.transformer(20_000);
        List<String> phases = new ArrayList<>();
        LayoutMonitor[] self = new LayoutMonitor[1];
        self[0] = new LayoutMonitor((phase, fraction) -> {
            phases.add(phase);
            if (phase.equals("crossing reduction")) self[0].cancel();
        });
        CancellationException ex = assertThrows(CancellationException.class, () -> LayeredLayout.layout(g, OPTIONS, self[0], null));
        assertTrue(ex.getMessage().contains("crossing reduction"), ex.getMessage());
        assertTrue(phases.contains("layering") && !phases.contains("edge routing"), phases.toString());
    }

    @Test
    void progressCoversAllPhases() {
        List<String> phases = new ArrayList<>();
        LayeredLayout.layout(SyntheticGraphs.residual(3000), OPTIONS, new LayoutMonitor((p, f) -> {
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(p)) phases.add(p);
        }), null);
        assertEquals(List.of("cycle breaking", "layering", "crossing reduction", "coordinate assignment", "edge routing"), phases);
    }

    @Test
    void sharedValueUsesOneTrunkOfDummies() {
        // One value read by 20 consumers far below: bundling keeps the dummy count at the longest span.
        LayoutGraph.Builder b = LayoutGraph.builder();
        int src = b.addNode(50, 20);
        int prev = b.addNode(50, 20);
        for (int i = 0; i < 20; i++) {
            int next = b.addNode(50, 20);
            b.addEdge(prev, next);
            int consumer = b.addNode(50, 20);
            b.addEdge(next, consumer);
            b.addEdge(src, consumer);
            prev = next;
        }
        LayoutResult r = LayeredLayout.layout(b.build(), OPTIONS);
        assertTrue(r.dummyCount() <= 21, "dummies: " + r.dummyCount());
    }
}
