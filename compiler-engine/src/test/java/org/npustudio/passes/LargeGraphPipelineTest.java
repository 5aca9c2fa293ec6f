package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeState;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;

/** A 10k-node graph through 15 passes: snapshot memory, pipeline time and diff time, printed and bounded. */
class LargeGraphPipelineTest {
    /** 2000 residual blocks of Conv, BatchNormalization, Relu, Identity, Add: 10 000 nodes. */
    static Model tenThousandNodes() {
        G g = new G(17).input("x", 1, 4, 4, 4).output("y");
        String cur = "x";
        for (int i = 0; i < 2000; i++) {
            String p = "b" + i + "_";
            g.weight(p + "w", -0.3, 0.3, 4, 4, 1, 1).weight(p + "g", 0.9, 1.1, 4).weight(p + "be", -0.1, 0.1, 4);
            g.weight(p + "m", -0.1, 0.1, 4).weight(p + "v", 0.9, 1.1, 4);
            g.node(p + "conv", "Conv", cur + "," + p + "w", p + "c");
            g.node(p + "bn", "BatchNormalization", p + "c," + p + "g," + p + "be," + p + "m," + p + "v", p + "n");
            g.node(p + "relu", "Relu", p + "n", p + "r");
            g.node(p + "id", "Identity", p + "r", p + "i");
            g.node(p + "add", "Add", p + "i," + cur, i == 1999 ? "y" : p + "s");
            cur = p + "s";
        }
        return g.build();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void fifteenPassesOnTenThousandNodesKeepSnapshotsCheapAndDiffFast() {
        Model m = tenThousandNodes();
        assertEquals(10_000, m.graph().nodes().size());
        List<String> passes = new ArrayList<>(PassRegistry.DEFAULT_PIPELINE);
        passes.add("legalize");
        assertEquals(15, passes.size());
        long before = usedHeap();
        long t0 = System.nanoTime();
        PipelineResult r = new PassManager().run(m, Pipeline.of("big", passes.toArray(String[]::new)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        long after = usedHeap();
        double mb = (after - before) / 1e6;
        System.out.printf("10k nodes x 15 passes: %d ms, %d snapshots, %.1f MB retained heap (incl. the live graph)%n",
                ms, r.snapshots().size(), mb);
        for (PassRecord p : r.records()) System.out.printf("  %-34s %8.1f ms  %s%n", p.pass(), p.millis(), p.changed() ? "changed" : "-");
        assertTrue(r.snapshots().size() >= 6, "the input and every changing pass: " + r.snapshots().size());
        assertTrue(mb < 400, "snapshots must share weights and stay small: " + mb + " MB");

        Model first = r.input().model(), last = r.lastGoodSnapshot().model();
        ModelDiff warm = ModelDiffer.pipeline(first, last);
        long d0 = System.nanoTime();
        ModelDiff byId = ModelDiffer.pipeline(first, last);
        long idMs = (System.nanoTime() - d0) / 1_000_000;
        d0 = System.nanoTime();
        ModelDiff structural = ModelDiffer.models(first, ModelCopy.of(first));
        long structMs = (System.nanoTime() - d0) / 1_000_000;
        System.out.printf("diff 10k: by id %d ms (%s); structural, unchanged copy %d ms (%s)%n", idMs, byId.summary(), structMs,
                structural.summary());
        assertEquals(warm.summary(), byId.summary());
        assertTrue(byId.count(NodeState.DELETED) >= 4000, "BN and Identity are gone: " + byId.summary());
        assertTrue(structural.identical());
        assertTrue(idMs < 1000 && structMs < 1000, "diffs of 10k nodes take under a second");
    }

    @Test
    void structuralMatchingOfTenThousandUnnamedNodesFindsEveryPair() {
        Model a = tenThousandNodes();
        Model b = ModelCopy.of(a);
        // Drop all names: only the anchors and neighbourhoods can match nodes now.
        List<Node> nodes = new ArrayList<>(b.graph().nodes());
        for (Node n : nodes) n.setName("");
        for (Node n : a.graph().nodes()) n.setName("");
        ModelDiffer.models(a, b);
        long t0 = System.nanoTime();
        ModelDiff d = ModelDiffer.models(a, b);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("structural diff of 10k unnamed nodes: %d ms, %s%n", ms, d.summary());
        assertEquals(10_000, d.count(NodeState.SAME));
        assertTrue(ms < 1000, ms + " ms");
    }
}
