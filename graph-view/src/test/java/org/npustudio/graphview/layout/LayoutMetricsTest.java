package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayoutMetricsTest {
    @Test
    void fenwickCountMatchesBruteForceOnRandomBilayers() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            LayoutGraph.Builder b = LayoutGraph.builder();
            int top = 1 + rnd.nextInt(12), bottom = 1 + rnd.nextInt(12);
            for (int i = 0; i < top + bottom; i++) b.addNode(10, 10);
            int edges = rnd.nextInt(30);
            for (int e = 0; e < edges; e++) b.addEdge(rnd.nextInt(top), top + rnd.nextInt(bottom));
            LayoutGraph g = b.build();
            int[] layer = new int[g.nodeCount()];
            for (int v = top; v < g.nodeCount(); v++) layer[v] = 1;
            int[] src = new int[edges], dst = new int[edges];
            for (int e = 0; e < edges; e++) {
                src[e] = g.source(e);
                dst[e] = g.target(e);
            }
            ProperGraph pg = ProperGraph.build(g.nodeCount(), new double[g.nodeCount()], new double[g.nodeCount()], src, dst, new int[edges], layer, 0);
            int[] seq = new int[g.nodeCount()];
            for (int i = 0; i < seq.length; i++) seq[i] = i;
            // Shuffle the order so positions differ from ids.
            for (int i = seq.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1), t = seq[i];
                seq[i] = seq[j];
                seq[j] = t;
            }
            pg.setOrderFromSequence(seq);
            long brute = 0;
            for (int a = 0; a < edges; a++)
                for (int c = a + 1; c < edges; c++) {
                    long s = Long.signum(pg.pos[src[a]] - pg.pos[src[c]]), t = Long.signum(pg.pos[dst[a]] - pg.pos[dst[c]]);
                    if (s * t < 0) brute++;
                }
            assertEquals(brute, new CrossingCounter().total(pg), "trial " + trial);
        }
    }

    @Test
    void geometricCrossingsCountProperIntersectionsOnly() {
        double[][] edges = {
            {0, 0, 10, 10}, {0, 10, 10, 0},   // an X: one crossing
            {20, 0, 20, 10}, {20, 10, 30, 10}, // touching at an end point: none
            {40, 0, 40, 10}, {40, 5, 40, 20},  // collinear overlap: none
            {0, 5, 50, 5, 50, 6},              // a polyline crossing the X's two strokes and the vertical at 20 and 40
        };
        assertEquals(1 + 2 + 1 + 1, LayoutMetrics.crossings(edges));
    }

    @Test
    void sharedRouteCrossingCountsOncePerPointButOncePerEdgeAsPairs() {
        double[][] edges = {
            {0, 0, 0, 10, 5, 20}, {0, 0, 0, 10, -5, 20}, // two edges sharing the vertical trunk
            {-5, 5, 5, 5},                               // crosses the trunk at (0,5)
        };
        assertEquals(2, LayoutMetrics.crossings(edges));
        assertEquals(1, LayoutMetrics.crossingPoints(edges));
    }

    @Test
    void overlapsIgnoreTouchingBoxes() {
        double[] x = {0, 10, 5, 100}, y = {0, 0, 5, 100}, w = {10, 10, 10, 1}, h = {10, 10, 10, 1};
        // Boxes 0 and 1 touch; box 2 overlaps both; box 3 is far away.
        assertEquals(2, LayoutMetrics.overlaps(x, y, w, h));
    }

    @Test
    void lengthAndArea() {
        double[][] edges = {{0, 0, 3, 4, 3, 10}};
        assertEquals(11, LayoutMetrics.totalEdgeLength(edges), 1e-9);
        assertEquals(20 * 30, LayoutMetrics.area(new double[] {0}, new double[] {0}, new double[] {20}, new double[] {30}, edges), 1e-9);
    }

    @Test
    void labelWidthsFollowTheFontTable() {
        // Helvetica: 'i' is 222 units, 'W' 944; bold 'a' 556 at 12 px.
        assertEquals(2.22, LabelMetrics.width("i", 10, false), 1e-9);
        assertEquals(9.44, LabelMetrics.width("W", 10, false), 1e-9);
        assertEquals(6.672, LabelMetrics.width("a", 12, true), 1e-9);
        NodeLabel label = NodeLabel.of("Conv", "kernel_shape 3×3", "1×64×56×56");
        LabelMetrics m = LabelMetrics.standard();
        assertEquals(Math.ceil(2 * NodeLabel.PAD_Y + m.titleLineHeight() + 2 * m.bodyLineHeight()), label.height(m), 1e-9);
        assertEquals(Math.ceil(m.bodyWidth("kernel_shape 3×3") + 2 * NodeLabel.PAD_X), label.width(m), 1e-9);
    }
}
