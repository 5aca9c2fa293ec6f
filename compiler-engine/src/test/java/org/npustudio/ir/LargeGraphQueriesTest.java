package org.npustudio.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph queries must be iterative: a 100k-node chain would overflow any recursive walk. */
class LargeGraphQueriesTest {
    static Graph chainWithSkips(int n) {
        Graph g = new Graph("chain");
        g.addInput(ValueInfo.tensor("v0", DataType.FLOAT, Shape.of(1, 8)));
        for (int i = 1; i <= n; i++) {
            List<String> ins = i % 3 == 0 && i > 3 ? List.of("v" + (i - 1), "v" + (i - 3)) : List.of("v" + (i - 1));
            g.addNode(new Node("n" + i, "n" + i, ins.size() == 2 ? "Add" : "Relu", "", ins, List.of("v" + i)));
        }
        g.addOutput(ValueInfo.tensor("v" + n, DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    @Test
    void topologicalOrderOfA100kNodeChainOnTheDefaultStack() {
        Graph g = chainWithSkips(100_000);
        // reverse the file order so the sort has real work to do
        List<Node> nodes = List.copyOf(g.nodes());
        for (Node n : nodes) g.removeNode(n);
        for (int i = nodes.size() - 1; i >= 0; i--) g.addNode(nodes.get(i));
        List<Node> order = g.topologicalOrder();
        assertEquals(100_000, order.size());
        for (int i = 0; i < order.size(); i++) assertEquals("n" + (i + 1), order.get(i).id());
        assertEquals("n6", g.producer("v6").id());
        assertEquals(List.of("n7", "n9"), g.consumers("v6").stream().map(Node::id).sorted().toList());
        assertEquals(100_000, g.totalNodeCount());
    }

    @Test
    void cycleIsReportedWithItsNodes() {
        Graph g = new Graph("cyc");
        g.addNode(new Node("a", "a", "Relu", "", List.of("y"), List.of("x")));
        g.addNode(new Node("b", "b", "Relu", "", List.of("x"), List.of("y")));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::topologicalOrder);
        assertTrue(e.getMessage().contains("cycle") && e.getMessage().contains("a"), e.getMessage());
    }
}
