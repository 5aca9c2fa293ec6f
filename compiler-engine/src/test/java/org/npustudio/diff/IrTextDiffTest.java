package org.npustudio.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.passes.PipelineResult;

class IrTextDiffTest {
    private static List<String> kinds(List<IrTextDiff.Line> lines, IrTextDiff.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(l -> l.newId() != null ? l.newId() : String.valueOf(l.oldId())).toList();
    }

    @Test
    void anUnchangedModelIsAllContextLines() {
        Model m = ModelDifferTest.convBnRelu();
        Model copy = ModelCopy.of(m);
        List<IrTextDiff.Line> d = IrTextDiff.of(m, copy, ModelDiffer.pipeline(m, copy));
        assertEquals(6, d.size(), "inputs, four nodes, outputs");
        assertTrue(d.stream().allMatch(l -> l.kind() == IrTextDiff.Kind.SAME), IrTextDiff.unified(d));
    }

    @Test
    void foldAndFuseShowRemovedNodesAndTheFusedOneInPlace() {
        Model m = ModelDifferTest.convBnRelu();
        PipelineResult r = PassCheck.run(m, "fold-batchnorm", "fuse-activation");
        Model before = r.input().model();
        List<IrTextDiff.Line> d = IrTextDiff.of(before, m, ModelDiffer.pipeline(before, m));
        String text = IrTextDiff.unified(d);
        assertEquals(List.of("conv", "bn", "relu"), kinds(d, IrTextDiff.Kind.REMOVED), text);
        assertEquals(1, kinds(d, IrTextDiff.Kind.ADDED).size(), text);
        assertTrue(text.contains("+ %r = org.npustudio.FusedConv(%x, "), text);
        // The fused node sits where conv/bn/relu were, before the unchanged pool.
        List<String> order = d.stream().map(l -> l.kind() + ":" + (l.newId() != null ? l.newId() : l.oldId())).toList();
        assertEquals("SAME:pool", order.get(order.size() - 2), text);
        IrTextDiff.Line pool = d.get(d.size() - 2);
        assertEquals("pool", pool.oldId());
    }

    @Test
    void reorderedMatchesBecomeRemovedAndAddedAroundTheLongestKeptRun() {
        assertArrayEquals(new boolean[] {true, false, true, true, false}, IrTextDiff.longestIncreasing(new int[] {0, 5, 1, 2, -1}));
        assertArrayEquals(new boolean[] {}, IrTextDiff.longestIncreasing(new int[] {}));
    }
}
