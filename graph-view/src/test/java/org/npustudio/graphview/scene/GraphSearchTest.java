package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

class GraphSearchTest {
    private final Graph graph = new Graph("g");
    private GraphScene scene;

    GraphSearchTest() {
        Node conv = new Node("stem/conv", "stem/conv", "Conv", "", List.of("x", "stem.weight"), List.of("c"));
        conv.setAttribute(Attribute.of("kernel_shape", 7L, 7L));
        Node relu = new Node("Relu_0", "", "Relu", "", List.of("c"), List.of("r"));
        Node pool = new Node("pool", "pool", "MaxPool", "", List.of("r"), List.of("y"));
        pool.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
        graph.addNode(conv);
        graph.addNode(relu);
        graph.addNode(pool);
        GraphScene.Builder b = GraphScene.builder();
        // Deliberately added out of drawing order: hits must come back top to bottom.
        b.addNode("pool", NodeKind.OPERATOR, 0, 200, 80, 30, "MaxPool", List.of(), OpCategory.POOLING);
        b.addNode("Relu_0", NodeKind.OPERATOR, 0, 100, 80, 30, "Relu", List.of(), OpCategory.ACTIVATION);
        b.addNode("stem/conv", NodeKind.OPERATOR, 0, 0, 80, 30, "Conv", List.of(), OpCategory.CONV);
        b.addNode("y", NodeKind.OUTPUT, 0, 300, 80, 30, "y", List.of(), OpCategory.INPUT_OUTPUT);
        scene = b.build();
    }

    private List<String> keys(String q) {
        return new GraphSearch(scene, graph).find(q).stream().map(GraphSearch.Hit::key).toList();
    }

    @Test
    void matchesOpTypesNamesTensorsAndAttributesInDrawingOrder() {
        assertEquals(List.of("stem/conv"), keys("^conv$"), "op type, case-insensitive");
        assertEquals(List.of("Relu_0"), keys("relu_0"), "generated id");
        assertEquals(List.of("stem/conv"), keys("stem\\.weight"), "a hidden initializer's name");
        assertEquals(List.of("stem/conv", "pool"), keys("kernel_shape"), "attribute name, top to bottom");
        assertEquals(List.of("pool"), keys("\\[3, 3\\]"), "attribute value");
        assertEquals(List.of("Relu_0", "pool", "y"), keys("^r$|^y$"), "tensors: r is read by pool, y is its output");
        assertTrue(keys("no such thing").isEmpty());
        assertTrue(keys("  ").isEmpty());
    }

    @Test
    void anInvalidRegexIsSearchedLiterally() {
        assertEquals(List.of("pool"), keys("[3, 3"));
        GraphSearch.Hit hit = new GraphSearch(scene, graph).find("MaxPool").get(0);
        assertEquals("op type MaxPool", hit.matched());
    }
}
