package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LayerPinsTest {
    @Test
    void pinnedSourcesGoFirstAndPinnedSinksLast() {
        // a -> b -> c -> d, and two ports: one into c (would sit right above it), one out of b (right below it).
        LayoutGraph.Builder b = LayoutGraph.builder();
        int a = b.addNode(40, 20), bb = b.addNode(40, 20), c = b.addNode(40, 20), d = b.addNode(40, 20);
        int in = b.addNode(0, 0), out = b.addNode(0, 0);
        b.pin(in, LayoutGraph.Pin.FIRST).pin(out, LayoutGraph.Pin.LAST);
        b.addEdge(a, bb);
        b.addEdge(bb, c);
        b.addEdge(c, d);
        b.addEdge(in, c);
        b.addEdge(bb, out);
        LayoutGraph g = b.build();
        LayoutResult r = LayeredLayout.layout(g, LayoutOptions.defaults());
        assertEquals(0, r.layer(in));
        assertEquals(r.layer(d), r.layer(out), "the last layer");
        assertEquals(3, r.layer(d));
        LayoutInvariants.check(g, r, Direction.TOP_TO_BOTTOM);
        // The same graph unpinned: the ports hug their neighbours.
        LayoutGraph.Builder free = LayoutGraph.builder();
        for (int i = 0; i < 6; i++) free.addNode(i < 4 ? 40 : 0, i < 4 ? 20 : 0);
        free.addEdge(a, bb);
        free.addEdge(bb, c);
        free.addEdge(c, d);
        free.addEdge(in, c);
        free.addEdge(bb, out);
        LayoutResult f = LayeredLayout.layout(free.build(), LayoutOptions.defaults());
        assertEquals(1, f.layer(in));
        assertEquals(2, f.layer(out));
    }

    @Test
    void aPinnedSinkBelowTheDeepestNodeOpensALayer() {
        LayoutGraph.Builder b = LayoutGraph.builder();
        int a = b.addNode(40, 20), z = b.addNode(40, 20), out = b.addNode(0, 0);
        b.pin(out, LayoutGraph.Pin.LAST);
        b.addEdge(a, z);
        b.addEdge(z, out);
        LayoutResult r = LayeredLayout.layout(b.build(), LayoutOptions.defaults());
        assertEquals(2, r.layer(out));
    }

    @Test
    void edgesIntoAFirstOrOutOfALastNodeAreRefused() {
        LayoutGraph.Builder b = LayoutGraph.builder();
        int a = b.addNode(10, 10), p = b.addNode(0, 0);
        b.pin(p, LayoutGraph.Pin.FIRST).addEdge(a, p);
        assertThrows(IllegalArgumentException.class, b::build);
    }
}
