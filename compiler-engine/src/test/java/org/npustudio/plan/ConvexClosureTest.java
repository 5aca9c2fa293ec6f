package org.npustudio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;

class ConvexClosureTest {
    private static BitSet of(GraphIndex idx, String... ids) {
        BitSet b = new BitSet();
        for (String id : ids) {
            for (int i = 0; i < idx.size(); i++) if (idx.node(i).id().equals(id)) b.set(i);
        }
        return b;
    }

    private static List<String> ids(GraphIndex idx, BitSet b) {
        List<String> out = new ArrayList<>();
        b.stream().forEach(i -> out.add(idx.node(i).id()));
        return out;
    }

    @Test
    void growAddsTheNodesOnPathsBetweenMembersAndShrinkKeepsTheUpstreamPart() {
        Graph g = PlanGraphs.diamond();   // a -> b -> d, a -> c -> d
        GraphIndex idx = g.index();
        BitSet ad = of(idx, "a", "d");
        assertFalse(ConvexClosure.isConvex(idx, ad));
        assertEquals(List.of("a", "b", "c", "d"), ids(idx, ConvexClosure.grow(idx, ad)));
        assertEquals(List.of("a"), ids(idx, ConvexClosure.shrink(idx, ad)));

        BitSet abd = of(idx, "a", "b", "d");
        assertEquals(List.of("a", "b", "c", "d"), ids(idx, ConvexClosure.grow(idx, abd)));
        assertEquals(List.of("a", "b"), ids(idx, ConvexClosure.shrink(idx, abd)));

        BitSet bc = of(idx, "b", "c");   // parallel branches: already convex
        assertTrue(ConvexClosure.isConvex(idx, bc));
        assertEquals(bc, ConvexClosure.grow(idx, bc));
        assertEquals(bc, ConvexClosure.shrink(idx, bc));
    }

    @Test
    void bothDirectionsAlwaysGiveSetsTheValidatorAccepts() {
        Graph g = PlanGraphs.large(400, 3);
        GraphIndex idx = g.index();
        Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            BitSet s = new BitSet();
            int start = r.nextInt(380);
            for (int k = 0; k < 6; k++) s.set(start + r.nextInt(20));
            BitSet grown = ConvexClosure.grow(idx, s);
            BitSet shrunk = ConvexClosure.shrink(idx, s);
            BitSet check = (BitSet) grown.clone();
            check.and(s);
            assertEquals(s, check, "grow keeps every member");
            check = (BitSet) shrunk.clone();
            check.andNot(s);
            assertTrue(check.isEmpty(), "shrink only drops members");
            assertFalse(shrunk.isEmpty(), "the first member always stays");
            for (BitSet set : List.of(grown, shrunk)) {
                assertTrue(convexByValidator(g, idx, set), "trial " + trial + ": " + ids(idx, set));
                assertTrue(ConvexClosure.isConvex(idx, set));
            }
        }
    }

    private static boolean convexByValidator(Graph g, GraphIndex idx, BitSet set) {
        List<NodeRef> refs = new ArrayList<>();
        set.stream().forEach(i -> refs.add(NodeRef.of(idx.node(i))));
        Plan p = Plan.empty(ModelRef.UNKNOWN, List.of(PlanGraphs.cpu()), "cpu").createPartition("s", "cpu", refs);
        PartitionGraph pg = PartitionGraph.of(PlanBinding.bind(p, g));
        return pg.nonConvexPath(0) == null;
    }
}
