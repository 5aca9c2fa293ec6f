package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupExpansionTest {
    /** 1 top-level node, then 4 stages of 3 blocks of 9 nodes: stage/block paths as a PyTorch export names them. */
    private static GroupTree stagesOfBlocks() {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of());
        for (int s = 0; s < 4; s++) {
            for (int b = 0; b < 3; b++) for (int k = 0; k < 9; k++) paths.add(List.of("layer" + s, "layer" + s + "." + b));
        }
        return GroupTree.build(paths, 400);
    }

    @Test
    void opensWholeLevelsWhileTheDrawingStaysWithinBudget() {
        GroupTree t = stagesOfBlocks();
        // Only the root open: 1 node + 4 stage boxes. Stages open: 1 + 4 x 3 block boxes. Everything: 1 + 108 nodes.
        assertEquals(5, GroupExpansion.visibleBoxes(t, new boolean[t.groupCount()]));
        assertEquals(109, GroupExpansion.visibleBoxes(t, GroupExpansion.all(t)));
        assertArrayEquals(GroupExpansion.all(t), GroupExpansion.initial(t, 109));
        boolean[] stages = GroupExpansion.initial(t, 108);
        assertEquals(13, GroupExpansion.visibleBoxes(t, stages));
        for (int g = 1; g < t.groupCount(); g++) assertEquals(t.depth(g) == 1, stages[g], t.path(g));
        boolean[] none = GroupExpansion.initial(t, 12);
        for (int g = 1; g < t.groupCount(); g++) assertFalse(none[g], t.path(g));
    }

    @Test
    void theCountMatchesWhatTheLayoutDraws() {
        GroupTree t = stagesOfBlocks();
        LayoutGraph g = SyntheticGraphs.residual(t.nodeCount());
        HierarchicalLayout h = new HierarchicalLayout(g, t, LayoutOptions.defaults(), LabelMetrics.standard());
        boolean[] mixed = GroupExpansion.initial(t, 108);
        mixed[t.groupOfPath("layer2/layer2.1")] = true;
        mixed[t.groupOfPath("layer3")] = false;
        mixed[t.groupOfPath("layer3/layer3.0")] = true; // inside a closed stage: stays hidden
        HierarchicalResult r = h.layout(mixed);
        int drawn = 0;
        for (int v = 0; v < g.nodeCount(); v++) if (r.isNodeVisible(v)) drawn++;
        for (int c = 1; c < t.groupCount(); c++) if (r.isGroupVisible(c) && !r.isGroupExpanded(c)) drawn++;
        assertEquals(drawn, GroupExpansion.visibleBoxes(t, mixed));
        assertEquals(1 + 3 + 3 + 9 + 2 + 1, drawn, "the root node, the blocks of layer0 and layer1, layer2.1 open beside 2 blocks, layer3 closed");
        assertTrue(GroupExpansion.open(t, mixed)[t.groupOfPath("layer2/layer2.1")]);
        assertFalse(GroupExpansion.open(t, mixed)[t.groupOfPath("layer3/layer3.0")]);
    }

    @Test
    void pathsNameScopesEvenWhenASingleItemScopeIsDissolved() {
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) paths.add(List.of("encoder", "only", "block" + i));
        paths.add(List.of("encoder", "only", "block0"));
        GroupTree t = GroupTree.build(paths, 400);
        int block0 = t.groupOf(0);
        assertEquals("block0", t.name(block0));
        assertEquals("encoder/only/block0", t.path(block0), "the dissolved scope 'only' stays in the path");
        assertEquals(block0, t.groupOfPath("encoder/only/block0"));
        assertEquals(-1, t.groupOfPath("encoder/block0"));
    }
}
