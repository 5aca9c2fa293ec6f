package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SceneNavigatorTest {
    /**
     *        a
     *      /   \
     *     b     c      (b left of c)
     *      \   /
     *        d
     */
    private static GraphScene diamond(boolean horizontal) {
        GraphScene.Builder g = GraphScene.builder().horizontal(horizontal);
        int a = node(g, "a", 60, 0, horizontal);
        int b = node(g, "b", 0, 100, horizontal);
        int c = node(g, "c", 120, 100, horizontal);
        int d = node(g, "d", 55, 200, horizontal);
        g.addEdge(a, b, null, "va", null);
        g.addEdge(a, c, null, "va", null);
        g.addEdge(b, d, null, "vb", null);
        g.addEdge(c, d, null, "vc", null);
        return g.build();
    }

    private static int node(GraphScene.Builder g, String key, double across, double along, boolean horizontal) {
        return horizontal ? g.addNode(key, NodeKind.OPERATOR, along, across, 60, 30, key, List.of(), OpCategory.OTHER)
                : g.addNode(key, NodeKind.OPERATOR, across, along, 60, 30, key, List.of(), OpCategory.OTHER);
    }

    @Test
    void movesAlongAndAcrossTheFlow() {
        for (boolean horizontal : new boolean[] {false, true}) {
            GraphScene s = diamond(horizontal);
            SceneNavigator nav = new SceneNavigator(s);
            int a = s.indexOf("a"), b = s.indexOf("b"), c = s.indexOf("c"), d = s.indexOf("d");
            assertEquals(-1, nav.producer(a));
            assertEquals(b, nav.consumer(a), "b is more nearly below a than c");
            assertEquals(d, nav.consumer(b));
            assertEquals(b, nav.producer(d), "b is more nearly in line with d");
            assertEquals(c, nav.sibling(b, 1));
            assertEquals(b, nav.sibling(c, -1));
            assertEquals(-1, nav.sibling(c, 1));
            assertEquals(-1, nav.consumer(d));
        }
    }
}
