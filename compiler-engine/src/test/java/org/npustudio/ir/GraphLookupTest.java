package org.npustudio.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incrementally kept producer/consumer/id maps must answer what a graph rebuilt from scratch in the
 * same file order answers, after any sequence of edits (consumers compared as multisets: after edits
 * they are listed in wiring order; a value several nodes write is answered by one of them).
 */
class GraphLookupTest {
    private static void assertMatchesRebuilt(Graph g) {
        Graph fresh = new Graph("fresh");
        List<Node> copies = new ArrayList<>();
        for (Node n : g.nodes()) {
            Node c = new Node(n.id(), n.name(), n.opType(), n.domain(), n.inputs(), n.outputs());
            copies.add(c);
            fresh.addNode(c);
        }
        List<String> values = new ArrayList<>();
        for (int v = 0; v < 40; v++) values.add("v" + v);
        for (String v : values) {
            List<String> writers = g.nodes().stream().filter(n -> n.outputs().contains(v)).map(Node::id).toList();
            Node p = g.producer(v);
            if (writers.size() <= 1) assertEquals(writers.isEmpty() ? null : writers.get(0), p == null ? null : p.id(), "producer of " + v);
            else assertTrue(writers.contains(p.id()), "one of the writers of " + v + " answers");
            assertEquals(fresh.consumers(v).stream().map(Node::id).sorted().toList(),
                    g.consumers(v).stream().map(Node::id).sorted().toList(), "consumers of " + v);
        }
        for (Node c : copies) assertEquals(c.id(), g.nodeById(c.id()).id());
    }

    @Test
    void randomEditsKeepTheMapsExact() {
        Random r = new Random(7);
        Graph g = new Graph("g");
        int next = 0;
        for (int i = 0; i < 20; i++) g.addNode(new Node("n" + next, "", "Add", "", List.of("v" + r.nextInt(40), "v" + r.nextInt(40)), List.of("v" + (next++))));
        g.producer("v0"); // build the maps, so every edit below goes through the incremental path
        for (int step = 0; step < 2000; step++) {
            List<Node> nodes = g.nodes();
            Node some = nodes.isEmpty() ? null : nodes.get(r.nextInt(nodes.size()));
            switch (r.nextInt(6)) {
                case 0 -> g.addNode(r.nextInt(nodes.size() + 1),
                        new Node("n" + next++, "", "Relu", "", List.of("v" + r.nextInt(40)), List.of("v" + r.nextInt(40))));
                case 1 -> { if (some != null) g.removeNode(some); }
                case 2 -> { if (some != null) some.setInput(r.nextInt(3), "v" + r.nextInt(40)); }
                case 3 -> { if (some != null) some.setOutput(0, "v" + r.nextInt(40)); }
                case 4 -> { if (some != null) some.setInputs(List.of("v" + r.nextInt(40), "", "v" + r.nextInt(40))); }
                default -> {
                    // A rewrite that adds the replacement (same output) before removing the original.
                    if (some == null) break;
                    Node fused = new Node("n" + next++, "", "Fused", "", some.inputs(), some.outputs());
                    g.addNode(g.nodes().indexOf(some), fused);
                    g.removeNode(some);
                }
            }
            assertMatchesRebuilt(g);
        }
    }

    @Test
    void theReplacementTakesOverWhenTheOriginalGoes() {
        Graph g = new Graph("g");
        Node conv = new Node("conv", "conv", "Conv", "", List.of("x", "w"), List.of("c"));
        Node relu = new Node("relu", "relu", "Relu", "", List.of("c"), List.of("y"));
        g.addNode(conv);
        g.addNode(relu);
        assertSame(conv, g.producer("c"));
        Node fused = new Node("fused", "fused", "FusedConv", "", List.of("x", "w"), List.of("y"));
        g.addNode(0, fused);
        assertSame(relu, g.producer("y"), "while both write y the one tracked first answers");
        g.removeNode(conv);
        g.removeNode(relu);
        assertSame(fused, g.producer("y"));
        assertEquals(List.of(fused), g.consumers("x"));
        assertEquals(List.of(), g.consumers("c"));
        assertSame(fused, g.nodeById("fused"));
        assertEquals(null, g.nodeById("conv"));
    }
}
