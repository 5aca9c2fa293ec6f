package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphSceneTest {
    @Test
    void rectangleQueriesMatchABruteForceScan() {
        GraphScene s = SyntheticScenes.chains(3000, 70, 1);
        Random rnd = new Random(7);
        for (int q = 0; q < 200; q++) {
            double x0 = rnd.nextDouble() * (s.maxX() + 400) - 200, y0 = rnd.nextDouble() * (s.maxY() + 400) - 200;
            double x1 = x0 + rnd.nextDouble() * 900, y1 = y0 + rnd.nextDouble() * 900;
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < s.nodeCount(); i++) {
                if (s.x(i) <= x1 && s.x(i) + s.width(i) >= x0 && s.y(i) <= y1 && s.y(i) + s.height(i) >= y0) expected.add(i);
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), s.nodesIn(x0, y0, x1, y1),
                    "query " + q);
        }
    }

    @Test
    void eachEdgeIsReportedOnceEvenWhenItSpansManyCells() {
        GraphScene s = SyntheticScenes.chains(500, 50, 2);
        int[] seen = new int[s.edgeCount()];
        s.edgesIn(s.minX(), s.minY(), s.maxX(), s.maxY(), e -> seen[e]++);
        for (int e = 0; e < seen.length; e++) assertEquals(1, seen[e], "edge " + e);
    }

    @Test
    void hitTestFindsTheBoxUnderThePointAndNothingBetweenBoxes() {
        GraphScene s = SyntheticScenes.chains(200, 20, 3);
        int i = s.indexOf("n42");
        assertEquals(i, s.nodeAt(s.centerX(i), s.centerY(i)));
        assertEquals(i, s.nodeAt(s.x(i), s.y(i)), "the border belongs to the box");
        assertEquals(-1, s.nodeAt(s.x(i) + 50, s.y(i) + 50), "the gap between two rows");
        assertEquals(-1, s.nodeAt(-500, -500));
        assertEquals(-1, s.indexOf("no-such-node"));
    }

    @Test
    void adjacencyFollowsTheEdges() {
        GraphScene s = SyntheticScenes.chains(50, 10, 4);
        int n14 = s.indexOf("n14");
        assertEquals(List.of(13), sources(s, s.incoming(n14)));
        // n14 continues its column to n15 and, being a multiple of 7 with room below, skips to n17.
        assertEquals(List.of(15, 17), targets(s, s.outgoing(n14)));
        assertEquals(List.of(14, 16), sources(s, s.incoming(s.indexOf("n17"))));
    }

    @Test
    void boundsCoverNodesEdgesAndGroups() {
        GraphScene.Builder b = GraphScene.builder();
        int a = b.addNode("a", NodeKind.INPUT, 0, 0, 50, 20, "x", List.of(), OpCategory.INPUT_OUTPUT);
        int c = b.addNode("c", NodeKind.OPERATOR, 0, 100, 50, 20, "Relu", List.of(), OpCategory.ACTIVATION);
        b.addEdge(a, c, new double[] {25, 20, -30, 60, 25, 100}, "x", null);
        b.addGroup(new SceneGroup("g", "g", 1, -5, 90, 70, 40, 1));
        GraphScene s = b.build();
        assertEquals(-30, s.minX());
        assertEquals(0, s.minY());
        assertEquals(65, s.maxX());
        assertEquals(130, s.maxY());
        assertThrows(IllegalArgumentException.class, () -> GraphScene.builder().addEdge(0, 1, null, "v", null));
    }

    @Test
    void missingPolylineBecomesAStraightConnectionBetweenTheBoxes() {
        GraphScene.Builder b = GraphScene.builder();
        int a = b.addNode("a", NodeKind.OPERATOR, 0, 0, 40, 20, "A", List.of(), OpCategory.OTHER);
        int c = b.addNode("c", NodeKind.OPERATOR, 100, 80, 40, 20, "B", List.of(), OpCategory.OTHER);
        b.addEdge(a, c, null, "v", null);
        assertArrayEquals(new double[] {20, 20, 120, 80}, b.build().points(0));
    }

    private static List<Integer> sources(GraphScene s, int[] edges) {
        List<Integer> out = new ArrayList<>();
        for (int e : edges) out.add(s.from(e));
        return out;
    }

    private static List<Integer> targets(GraphScene s, int[] edges) {
        List<Integer> out = new ArrayList<>();
        for (int e : edges) out.add(s.to(e));
        return out;
    }
}
