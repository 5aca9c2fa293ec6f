package org.npustudio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeState;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassRecord;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.samples.SyntheticModels;

/**
 * A 10k-node graph through the default pipeline (15 passes) plus legalize: every pass does its job at
 * that size, the snapshots share weights (heap bound), and the diffs match what they should. Times are printed for the log only;
 * `npustudio bench passes` is the measurement.
 */
class LargeGraphPipelineTest {
    /** Built once (with shape inference); each test works on structural copies. */
    private static final Model TEN_THOUSAND = SyntheticModels.residualChain(2000);

    private static long usedHeap() {
        for (int i = 0; i < 2; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void defaultPipelineOnTenThousandNodesKeepsSnapshotsSmallAndDiffRight() {
        Model m = ModelCopy.of(TEN_THOUSAND);
        assertEquals(10_000, m.graph().nodes().size());
        List<String> passes = new ArrayList<>(PassRegistry.DEFAULT_PIPELINE);
        passes.add("legalize");
        assertEquals(16, passes.size());
        long before = usedHeap();
        long t0 = System.nanoTime();
        PipelineResult r = new PassManager().run(m, Pipeline.of("big", passes.toArray(String[]::new)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.succeeded(), () -> r.failure().getMessage());
        double mb = (usedHeap() - before) / 1e6;
        System.out.printf("10k nodes x 16 passes: %d ms, %d snapshots, %.1f MB retained heap (incl. the live graph)%n",
                ms, r.snapshots().size(), mb);
        for (PassRecord p : r.records()) System.out.printf("  %-34s %8.1f ms  %s%n", p.pass(), p.millis(), p.changed() ? "changed" : "-");
        assertTrue(r.snapshots().size() >= 6, "the input and every changing pass: " + r.snapshots().size());
        assertTrue(mb < 400, "snapshots must share weights and stay small: " + mb + " MB");

        Model first = r.input().model(), last = r.lastGoodSnapshot().model();
        ModelDiff byId = ModelDiffer.pipeline(first, last);
        assertEquals(4000, byId.count(NodeState.DELETED), "every BatchNormalization and Identity is gone: " + byId.summary());
        assertEquals(0, byId.count(NodeState.NEW), "legalize gives Conv and Relu their ids back: " + byId.summary());
        ModelDiff same = ModelDiffer.models(first, ModelCopy.of(first));
        assertTrue(same.identical(), same.summary());
    }

    @Test
    void structuralMatchingOfTenThousandUnnamedNodesFindsEveryPair() {
        Model a = ModelCopy.of(TEN_THOUSAND);
        Model b = ModelCopy.of(TEN_THOUSAND);
        // Drop all names: only the anchors and neighbourhoods can match nodes now.
        for (Node n : b.graph().nodes()) n.setName("");
        for (Node n : a.graph().nodes()) n.setName("");
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals(10_000, d.count(NodeState.SAME), d.summary());
    }
}
