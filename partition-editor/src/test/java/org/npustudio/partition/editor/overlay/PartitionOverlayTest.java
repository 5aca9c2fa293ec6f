package org.npustudio.partition.editor.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.partition.editor.model.Models;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.partition.editor.model.PlanEditor;
import org.npustudio.plan.ModelRef;

class PartitionOverlayTest {
    private final Model model = Models.sample("lenet5");
    private final List<String> ids = Models.order(model);
    private final PlanEditor editor = new PlanEditor(model.graph(), ModelRef.UNKNOWN, Models.emptyPlan(ModelRef.UNKNOWN));

    @Test
    void legalPartitionsAreFilledAndOutlinedInTheirColours() {
        editor.apply(new PlanEdit.CreatePartition("head", "cpu", editor.refs(ids.subList(0, 4))));
        Overlay o = PartitionOverlay.build(editor.binding(), editor.report());
        assertEquals(PartitionColors.of(0), o.nodes().get(ids.get(0)).fill());
        assertEquals(PartitionColors.REST, o.nodes().get(ids.get(7)).fill());
        assertEquals(1, o.outlines().size());
        Overlay.Outline head = o.outlines().get(0);
        assertEquals("head · cpu", head.label());
        assertEquals(ids.subList(0, 4), head.nodeKeys());
        assertEquals(PartitionColors.outline(0), head.color());
        assertTrue(o.edges().isEmpty());
        assertEquals("Partitions", o.legend().title());
        assertEquals(List.of("head · cpu (4)", "rest · cpu (8)"), o.legend().entries().stream().map(Overlay.LegendEntry::label).toList());
    }

    @Test
    void aNonConvexPartitionIsRedWithItsOffendingPathDrawn() {
        editor.apply(new PlanEdit.CreatePartition("gap", "cpu", editor.refs(List.of(ids.get(2), ids.get(4)))));
        Overlay o = PartitionOverlay.build(editor.binding(), editor.report());
        Overlay.Outline gap = o.outlines().stream().filter(x -> x.label().startsWith("gap")).findFirst().orElseThrow();
        assertEquals(PartitionColors.ERROR, gap.color());
        assertTrue(gap.label().contains("illegal"), gap.label());
        Node leave = model.graph().nodeById(ids.get(2));
        Node outside = model.graph().nodeById(ids.get(3));
        assertEquals(PartitionColors.ERROR, o.edges().get(leave.outputs().get(0)).color(), "member -> outside edge");
        assertEquals(PartitionColors.ERROR, o.edges().get(outside.outputs().get(0)).color(), "outside -> member edge");
        assertEquals(PartitionColors.ERROR, o.nodes().get(outside.id()).border());
        assertEquals("leaves gap", o.nodes().get(leave.id()).badge());
        assertEquals("re-enters gap", o.nodes().get(ids.get(4)).badge());
    }

    @Test
    void opsADeviceCannotRunCarryABadge() {
        // LeNet-5 uses Tanh, which the built-in NPU does not list.
        String tanh = model.graph().nodes().stream().filter(n -> n.opType().equals("Tanh")).findFirst().orElseThrow().id();
        editor.apply(new PlanEdit.CreatePartition("all", "npu0", editor.refs(ids)));
        Overlay o = PartitionOverlay.build(editor.binding(), editor.report());
        assertEquals("✗ device", o.nodes().get(tanh).badge());
        assertEquals(PartitionColors.ERROR, o.outlines().get(0).color());
    }
}
