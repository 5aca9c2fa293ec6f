package org.npustudio.partition.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.ir.Model;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanIssue;

/** Every edit of the editing model, and undo/redo of each, on the LeNet-5 sample (a 12-node chain). */
class PlanEditorTest {
    private final Model model = Models.sample("lenet5");
    private final List<String> ids = Models.order(model);
    private final PlanEditor editor = new PlanEditor(model.graph(), ModelRef.UNKNOWN, Models.emptyPlan(ModelRef.UNKNOWN));

    private List<NodeRef> refs(int from, int to) {
        return editor.refs(ids.subList(from, to));
    }

    /** Applies an edit, checks undo gives back the plan before and redo the plan after, and leaves it applied. */
    private Plan roundTrip(PlanEdit edit) {
        Plan before = editor.plan();
        editor.apply(edit);
        Plan after = editor.plan();
        assertFalse(before.equals(after), edit.label() + " changed nothing");
        assertEquals(edit.label(), editor.undoLabel());
        editor.undo();
        assertEquals(before, editor.plan(), "undo of " + edit.label());
        assertEquals(edit.label(), editor.redoLabel());
        editor.redo();
        assertEquals(after, editor.plan(), "redo of " + edit.label());
        return after;
    }

    @Test
    void everyEditIsUndoableAndRedoable() {
        Plan p = roundTrip(new PlanEdit.CreatePartition("head", "npu0", refs(0, 4)));
        assertEquals(ids.subList(0, 4), p.partition("head").nodes().stream().map(NodeRef::id).toList());
        p = roundTrip(new PlanEdit.CreatePartition("tail", "cpu", refs(8, 12)));
        p = roundTrip(new PlanEdit.AddNodes("head", refs(4, 6)));
        assertEquals(6, p.partition("head").nodes().size());
        p = roundTrip(new PlanEdit.RemoveNodes(ids.subList(5, 6)));
        assertNull(p.partitionOf(ids.get(5)));
        p = roundTrip(new PlanEdit.Split("head", ids.subList(2, 5), "middle"));
        assertEquals(List.of("head", "middle", "tail"), p.partitions().stream().map(x -> x.name()).toList());
        p = roundTrip(new PlanEdit.Merge("head", "middle"));
        assertEquals(5, p.partition("head").nodes().size());
        p = roundTrip(new PlanEdit.Rename("head", "conv_part"));
        assertEquals("conv_part", p.partitionOf(ids.get(0)));
        p = roundTrip(new PlanEdit.AssignDevice("tail", "npu0"));
        assertEquals("npu0", p.partition("tail").device());
        p = roundTrip(new PlanEdit.AssignPrecision("tail", "int8"));
        assertEquals("int8", p.partition("tail").precision());
        p = roundTrip(new PlanEdit.Delete("tail"));
        assertNull(p.partition("tail"));
        Plan replaced = Models.emptyPlan(ModelRef.UNKNOWN);
        roundTrip(new PlanEdit.ReplacePlan("Apply YAML", replaced));
        assertEquals(replaced, editor.plan());

        assertEquals(11, editor.historySize());
        while (editor.canUndo()) editor.undo();
        assertTrue(editor.plan().partitions().isEmpty(), "undo all the way back to the start");
        assertFalse(editor.isDirty());
        while (editor.canRedo()) editor.redo();
        assertEquals(replaced, editor.plan());
    }

    @Test
    void aRefusedEditLeavesPlanAndHistoryAlone() {
        editor.apply(new PlanEdit.CreatePartition("a", "npu0", refs(0, 2)));
        Plan before = editor.plan();
        var e = assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.CreatePartition("a", "cpu", refs(3, 4))));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.CreatePartition("b", "gpu", refs(3, 4))));
        assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.CreatePartition("b", "cpu", List.of())));
        assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.Delete("rest")));
        assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.Rename("a", " ")));
        assertThrows(IllegalArgumentException.class, () -> editor.apply(new PlanEdit.Split("a", ids.subList(0, 2), "c")));
        assertEquals(before, editor.plan());
        assertEquals(1, editor.historySize());
        editor.apply(new PlanEdit.AssignDevice("a", "npu0"));   // no change: not recorded
        assertEquals(1, editor.historySize());
    }

    @Test
    void theDirtyFlagFollowsTheSavedPointThroughUndoAndRedo() {
        AtomicInteger changes = new AtomicInteger();
        editor.addListener(changes::incrementAndGet);
        assertFalse(editor.isDirty());
        editor.apply(new PlanEdit.CreatePartition("a", "npu0", refs(0, 2)));
        assertTrue(editor.isDirty());
        editor.markSaved();
        assertFalse(editor.isDirty());
        editor.apply(new PlanEdit.Rename("a", "b"));
        assertTrue(editor.isDirty());
        editor.undo();
        assertFalse(editor.isDirty(), "back at the saved plan");
        editor.undo();
        assertTrue(editor.isDirty());
        editor.apply(new PlanEdit.CreatePartition("c", "cpu", refs(5, 6)));   // drops the redo tail with the saved point
        assertFalse(editor.canRedo());
        while (editor.canUndo()) {
            editor.undo();
            assertTrue(editor.isDirty(), "the saved plan is unreachable now");
        }
        assertTrue(changes.get() >= 6);
        long r = editor.revision();
        editor.reset(Models.emptyPlan(ModelRef.UNKNOWN), false);
        assertTrue(editor.isDirty() && !editor.canUndo() && editor.revision() > r, "a recovered or new plan is unsaved");
    }

    @Test
    void constantWeightsCountWhereTheyAreRead() throws Exception {
        org.npustudio.ir.Graph g = new org.npustudio.ir.Graph("c");
        g.addInput(org.npustudio.ir.ValueInfo.tensor("x", org.npustudio.ir.DataType.FLOAT, org.npustudio.ir.Shape.of(4)));
        org.npustudio.ir.Node c = new org.npustudio.ir.Node("c", "c", "Constant", "", List.of(), List.of("c"));
        c.setAttribute(org.npustudio.ir.Attribute.of("value", org.npustudio.ir.Tensor.ofFloats("c", new long[] {4}, new float[4])));
        g.addNode(c);
        g.addNode(new org.npustudio.ir.Node("add", "add", "Add", "", List.of("x", "c"), List.of("y")));
        g.addNode(new org.npustudio.ir.Node("mul", "mul", "Mul", "", List.of("y", "c"), List.of("z")));
        g.addOutput(org.npustudio.ir.ValueInfo.tensor("z", org.npustudio.ir.DataType.FLOAT, org.npustudio.ir.Shape.of(4)));
        PlanEditor e = new PlanEditor(g, ModelRef.UNKNOWN, Models.emptyPlan(ModelRef.UNKNOWN));
        e.apply(new PlanEdit.CreatePartition("a", "cpu", e.refs(List.of("c", "add"))));
        e.apply(new PlanEdit.CreatePartition("m", "cpu", e.refs(List.of("mul"))));
        assertEquals(List.of(16L, 16L, 0L), e.stats().stream().map(PartitionStats::paramBytes).toList(), "own Constant, copied Constant, empty rest");
        assertEquals(1, e.stats().get(1).inputs(), "the Constant is copied into m, not sent: only y enters");
    }

    @Test
    void everyChangeIsValidatedAndCounted() {
        editor.apply(new PlanEdit.CreatePartition("head", "cpu", refs(0, 6)));   // LeNet-5's Tanh is not an NPU op
        assertTrue(editor.report().isLegal(), editor.report().issues().toString());
        // Nodes 0 and 2 of a chain without node 1: the path 0 -> 1 -> 2 leaves and re-enters.
        editor.apply(new PlanEdit.CreatePartition("gap", "cpu", editor.refs(List.of(ids.get(8), ids.get(10)))));
        List<PlanIssue> nc = editor.report().of(PlanIssue.Kind.NON_CONVEX);
        assertFalse(nc.isEmpty(), editor.report().issues().toString());
        assertTrue(nc.stream().anyMatch(i -> i.partition().equals("gap") && i.nodes().equals(ids.subList(8, 11))), nc.toString());
        PartitionStats gap = editor.stats().stream().filter(s -> s.name().equals("gap")).findFirst().orElseThrow();
        assertTrue(gap.errors() > 0 && gap.firstError().contains("not convex"), gap.toString());
        editor.undo();
        assertTrue(editor.report().isLegal());

        List<PartitionStats> rows = editor.stats();
        assertEquals(List.of("head", "rest"), rows.stream().map(PartitionStats::name).toList());
        assertTrue(rows.get(1).catchAll());
        assertEquals(12, rows.stream().mapToInt(PartitionStats::nodes).sum());
        ModelSummary summary = ModelSummary.of(model);
        assertEquals(summary.macs().getAsLong(), rows.stream().mapToLong(PartitionStats::macs).sum(), "MACs add up to the model's");
        assertTrue(rows.get(0).paramBytes() > 0 && rows.get(0).macs() > 0);
        // head ends after the second pooling: one tensor 1x16x5x5 float32 leaves it, the graph input enters.
        assertEquals(1, rows.get(0).outputs());
        assertEquals(16 * 5 * 5 * 4, rows.get(0).outputBytes());
        assertEquals(1, rows.get(0).inputs());
        assertEquals(32 * 32 * 4, rows.get(0).inputBytes());
        assertEquals(1, rows.get(1).inputs(), "the catch-all reads what head produces");
    }
}
