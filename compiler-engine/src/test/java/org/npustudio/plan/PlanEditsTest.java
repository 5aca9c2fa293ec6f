package org.npustudio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanEditsTest {
    private static final NodeRef A = NodeRef.named("a");
    private static final NodeRef B = NodeRef.named("b");
    private static final NodeRef C = NodeRef.named("c");
    private static final NodeRef D = new NodeRef("Relu_3", "");

    private static Plan base() {
        return Plan.empty(ModelRef.UNKNOWN, List.of(PlanGraphs.npu("Conv"), PlanGraphs.cpu()), "cpu");
    }

    @Test
    void everyEditReturnsANewPlanAndLeavesTheOldOneAlone() {
        Plan p0 = base();
        Plan p1 = p0.createPartition("first", "npu", List.of(A, B));
        Plan p2 = p1.createPartition("second", "cpu", List.of(B, C));   // b moves
        assertTrue(p0.partitions().isEmpty());
        assertEquals(List.of(A, B), p1.partition("first").nodes());
        assertEquals(List.of(A), p2.partition("first").nodes());
        assertEquals("second", p2.partitionOf("b"));
        assertNull(p2.partitionOf("Relu_3"));

        Plan p3 = p2.addNodes("first", List.of(D, C));
        assertEquals(List.of(A, D, C), p3.partition("first").nodes());
        assertEquals(List.of(B), p3.partition("second").nodes());

        Plan p4 = p3.removeNodes(List.of("a"));
        assertNull(p4.partitionOf("a"));
        Plan merged = p3.merge("first", "second");
        assertEquals(List.of(A, D, C, B), merged.partition("first").nodes());
        assertNull(merged.partition("second"));

        Plan split = merged.split("first", Set.of("c", "b"), "tail");
        assertEquals(List.of("first", "tail"), split.partitions().stream().map(Partition::name).toList());
        assertEquals(List.of(C, B), split.partition("tail").nodes());
        assertEquals("npu", split.partition("tail").device());

        Plan renamed = split.rename("tail", "t2").assignDevice("t2", "cpu").assignPrecision("t2", "fp32").setNotes("t2", "hand-made");
        Partition t2 = renamed.partition("t2");
        assertEquals("cpu", t2.device());
        assertEquals("fp32", t2.precision());
        assertEquals("hand-made", t2.notes());
        assertEquals(List.of("first"), renamed.delete("t2").partitions().stream().map(Partition::name).toList());
        assertEquals("cpu", renamed.rest().device());
    }

    @Test
    void mistakesAreRefused() {
        Plan p = base().createPartition("first", "npu", List.of(A, B));
        assertThrows(IllegalArgumentException.class, () -> p.createPartition("first", "cpu", List.of(C)));
        assertThrows(IllegalArgumentException.class, () -> p.createPartition("rest", "cpu", List.of(C)));
        assertThrows(IllegalArgumentException.class, () -> p.assignDevice("first", "gpu"));
        assertThrows(IllegalArgumentException.class, () -> p.merge("first", "first"));
        assertThrows(IllegalArgumentException.class, () -> p.split("first", Set.of("a", "b"), "x"));
        assertThrows(IllegalArgumentException.class, () -> p.split("first", Set.of("c"), "x"));
        assertThrows(IllegalArgumentException.class, () -> p.delete("nope"));
    }

    @Test
    void fusionGroupsAndParallelGroupsFollowEdits() {
        Plan p = base().createPartition("p0", "npu", List.of(A, B, C)).createPartition("p1", "cpu", List.of(D))
                .createPartition("p2", "cpu", List.of());
        p = p.withPartitions(List.of(p.partition("p0").withFusionGroups(List.of(List.of("a", "b"))), p.partition("p1"), p.partition("p2")))
                .withParallel(List.of(List.of("p1", "p2")));
        Plan moved = p.addNodes("p1", List.of(B));
        assertTrue(moved.partition("p0").fusionGroups().isEmpty(), "a group left with one member goes");
        assertEquals(List.of(List.of("q1", "p2")), p.rename("p1", "q1").parallel());
        assertTrue(p.delete("p2").parallel().isEmpty());
    }
}
