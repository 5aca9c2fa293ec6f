package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneHitTestTest {
    // Column 0: n0..n9 at y = 0, 60, …; column 1: n10..n19 at x = 160.
    private final GraphScene scene = SyntheticScenes.chains(20, 10, 1);

    private List<String> keys(BitSet b) {
        return b.stream().mapToObj(scene::key).toList();
    }

    @Test
    void aRectangleTakesTheNodesWhoseCentreItCoversInEitherDragDirection() {
        // Centres of n1..n3 are (50, 80), (50, 140), (50, 200); the band reaches n4's box but not its centre.
        BitSet down = SceneHitTest.inRectangle(scene, 10, 70, 90, 250, i -> true);
        assertEquals(List.of("n1", "n2", "n3"), keys(down));
        assertEquals(down, SceneHitTest.inRectangle(scene, 90, 250, 10, 70, i -> true), "dragged up-left");
        assertTrue(SceneHitTest.inRectangle(scene, 0, 0, 1000, 1000, i -> scene.key(i).equals("n12")).get(scene.indexOf("n12")));
        assertEquals(1, SceneHitTest.inRectangle(scene, 0, 0, 1000, 1000, i -> scene.key(i).equals("n12")).cardinality());
    }

    @Test
    void aLassoTakesWhatItEncloses() {
        // A wide triangle around n0's (50, 20) and n10's (210, 20) centres that misses n1 and n11 below them,
        // which a rectangle over the same extent would take.
        double[] tri = {-100, -10, 360, -10, 130, 120};
        assertEquals(List.of("n0", "n10"), keys(SceneHitTest.inPolygon(scene, tri, i -> true)));
        assertTrue(SceneHitTest.contains(tri, 130, 10));
        assertFalse(SceneHitTest.contains(tri, 50, 80));
        assertTrue(SceneHitTest.inPolygon(scene, new double[] {0, 0, 10, 10}, i -> true).isEmpty(), "not a polygon");
    }

    @Test
    void theInnermostGroupIsFoundAndItsNodesSelected() {
        GraphScene.Builder b = GraphScene.builder();
        b.addNode("a", NodeKind.OPERATOR, 10, 10, 50, 20, "Conv", List.of(), OpCategory.of("Conv"));
        b.addNode("b", NodeKind.OPERATOR, 10, 60, 50, 20, "Relu", List.of(), OpCategory.of("Relu"));
        b.addNode("w", NodeKind.INITIALIZER, 80, 60, 50, 20, "W", List.of(), OpCategory.INPUT_OUTPUT);
        b.addGroup(new SceneGroup("outer", "outer", 1, 0, 0, 200, 100, 2));
        b.addGroup(new SceneGroup("outer/inner", "inner", 2, 0, 50, 200, 40, 1));
        GraphScene s = b.build();
        assertEquals("outer/inner", SceneHitTest.groupAt(s, 150, 70).path());
        assertEquals("outer", SceneHitTest.groupAt(s, 150, 20).path());
        assertNull(SceneHitTest.groupAt(s, 500, 20));
        BitSet inner = SceneHitTest.inGroup(s, SceneHitTest.groupAt(s, 150, 70), SceneHitTest.operators(s));
        assertEquals(List.of("b"), inner.stream().mapToObj(s::key).toList(), "operators only: the weight is not taken");
    }
}
