package org.npustudio.graphview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.LaidOutScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.scene.StableSceneBuilder;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;

class MergedGraphTest {
    private static final String BN = "/block/bn/BatchNormalization", CONV = "/block/conv/Conv", RELU = "/block/relu/Relu";

    /** The model before and after fold-batchnorm, and their diff. */
    private record Folded(Model before, Model after, ModelDiff diff) {
        static Folded run() {
            PipelineResult r = new PassManager().run(DiffGraphs.convBnRelu(), Pipeline.of("t", "fold-batchnorm"));
            Model before = r.input().model(), after = r.lastGoodSnapshot().model();
            return new Folded(before, after, ModelDiffer.pipeline(before, after));
        }

        MergedGraph merged() { return MergedGraph.of(before.graph(), after.graph(), diff); }
    }

    @Test
    void aFoldedBatchNormIsAGhostHangingOffItsConvWhereItWas() {
        Folded f = Folded.run();
        ModelDiff d = f.diff();
        assertEquals("2 same, 1 changed, 0 new, 1 deleted", d.summary());

        MergedGraph merged = f.merged();
        assertEquals(4, merged.graph().nodes().size(), "the three nodes of the new graph and one ghost");
        assertEquals(BN, merged.ghostIdOf(BN), "the ghost keeps the id the old graph had");
        Node ghost = merged.graph().nodeById(BN);
        // The folded Conv took over BN's output "n"; the ghost reads it and writes a renamed value.
        assertEquals("n", ghost.input(0));
        assertEquals(List.of("n~deleted"), ghost.outputs());
        assertEquals(merged.graph().nodeById(CONV), merged.graph().producer("n"));
        assertEquals(List.of(merged.graph().nodeById(RELU)), merged.graph().consumers("n").stream()
                .filter(n -> !merged.isGhost(n.id())).toList(), "survivors never read ghosts");
        assertTrue(merged.ghostValues().contains("n~deleted"));
        assertEquals(BN, merged.oldIdOf(BN));

        Overlay o = DiffOverlays.merged(d, merged);
        assertEquals(DiffPalette.GHOST_FILL, o.nodes().get(BN).fill());
        assertEquals(DiffPalette.CHANGED, o.nodes().get(CONV).fill());
        assertEquals(DiffPalette.SAME, o.nodes().get(RELU).fill());
        assertEquals(List.of("same (2)", "changed (1)", "new (0)", "deleted (1)"),
                o.legend().entries().stream().map(Overlay.LegendEntry::label).toList());
        assertEquals(DiffPalette.DELETED, DiffOverlays.before(d).nodes().get(BN).fill());
        assertEquals(null, DiffOverlays.after(d).nodes().get(BN), "the new graph has no BN to colour");
    }

    @Test
    void laidOutAgainstTheOldGraphEveryNodeKeepsItsPlace() {
        Folded f = Folded.run();
        Model before = f.before(), after = f.after();
        ModelDiff d = f.diff();
        MergedGraph merged = f.merged();
        LaidOutScene old = StableSceneBuilder.build(before.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none(), null, null);
        LaidOutScene mergedScene = StableSceneBuilder.build(merged.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none(), old, null);
        LaidOutScene next = StableSceneBuilder.build(after.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none(), old, null);
        for (String id : List.of(CONV, RELU, "/pool/MaxPool")) assertSamePlace(old.scene(), mergedScene.scene(), id);
        // The ghost keeps its row; it may step aside for the edge that now bypasses it (and its group widens).
        int bnOld = old.scene().indexOf(BN), bnMerged = mergedScene.scene().indexOf(BN);
        assertEquals(old.scene().centerY(bnOld), mergedScene.scene().centerY(bnMerged), 1.0);
        for (String id : List.of(CONV, "/pool/MaxPool")) assertSamePlace(old.scene(), next.scene(), id);
        assertNotNull(d.forOld(BN));
        assertEquals(NodeState.DELETED, d.forOld(BN).state());
    }

    /**
     * Same row, and across the flow within half a typical node width: a group that loses or gains a node
     * changes width and its members move by half the difference; nothing is re-ordered or re-layered.
     */
    private static void assertSamePlace(GraphScene a, GraphScene b, String id) {
        int i = a.indexOf(id), j = b.indexOf(id);
        assertTrue(i >= 0 && j >= 0, id + " in both scenes");
        assertEquals(a.centerX(i), b.centerX(j), 40.0, id + " x");
        assertEquals(a.centerY(i), b.centerY(j), 1.0, id + " y");
    }
}
