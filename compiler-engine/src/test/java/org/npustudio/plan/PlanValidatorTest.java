package org.npustudio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.plan.PlanIssue.Kind;

class PlanValidatorTest {
    private static Plan plan(Device... devices) {
        return Plan.empty(ModelRef.UNKNOWN, List.of(devices), devices[devices.length - 1].name());
    }

    private static List<NodeRef> refs(String... ids) {
        return java.util.Arrays.stream(ids).map(NodeRef::named).toList();
    }

    @Test
    void aPartitionThatALeavingPathReEntersIsRefusedWithThePath() {
        Graph g = PlanGraphs.diamond();
        Plan p = plan(PlanGraphs.cpu()).createPartition("outer", "cpu", refs("a", "d")).createPartition("mid", "cpu", refs("b", "c"));
        ValidationReport r = PlanValidator.validate(p, g);
        assertFalse(r.isLegal());
        List<PlanIssue> nc = r.of(Kind.NON_CONVEX);
        assertEquals(1, nc.size(), r.issues().toString());
        assertEquals("outer", nc.get(0).partition());
        assertEquals(List.of("a", "b", "d"), nc.get(0).nodes());
        assertTrue(nc.get(0).message().contains("a -> b -> d"), nc.get(0).message());
        assertTrue(r.executionOrder().isEmpty());
    }

    @Test
    void convexPartitionsThatDependOnEachOtherFormACycle() {
        // x -> a1 -> b1 ; x -> b2 -> a2 : {a1,a2} and {b1,b2} are each convex, but need each other.
        Graph g = PlanGraphs.withInput("cross");
        PlanGraphs.add(g, "a1", "Relu");
        PlanGraphs.add(g, "b1", "Relu", "a1");
        PlanGraphs.add(g, "b2", "Relu");
        PlanGraphs.add(g, "a2", "Relu", "b2");
        Plan p = plan(PlanGraphs.cpu()).createPartition("A", "cpu", refs("a1", "a2")).createPartition("B", "cpu", refs("b1", "b2"));
        ValidationReport r = PlanValidator.validate(p, g);
        assertTrue(r.of(Kind.NON_CONVEX).isEmpty(), r.issues().toString());
        List<PlanIssue> cyc = r.of(Kind.PARTITION_CYCLE);
        assertEquals(1, cyc.size());
        assertTrue(cyc.get(0).nodes().containsAll(List.of("A", "B")), cyc.get(0).toString());
    }

    @Test
    void legalPlanRunsInDependencyOrderWithTheCatchAllLast() {
        Graph g = PlanGraphs.diamond();
        // listed in reverse: the execution order still follows the data
        Plan p = plan(PlanGraphs.cpu()).createPartition("tail", "cpu", refs("d")).createPartition("head", "cpu", refs("a"));
        ValidationReport r = PlanValidator.validate(p, g);
        assertTrue(r.isLegal(), r.issues().toString());
        assertEquals(List.of("head", "rest", "tail"), r.executionOrder());
    }

    @Test
    void capabilitiesDuplicatesAndUnknownNodesAreReported() {
        Graph g = PlanGraphs.diamond();
        Device npu = PlanGraphs.npu("Conv", "Relu", "Add").withPrecisions(Set.of("int8")).withDataTypes(Set.of(DataType.INT8));
        Plan p = plan(npu, PlanGraphs.cpu()).createPartition("n", "npu", refs("a", "b", "c", "d", "ghost"));
        p = p.withPartitions(List.of(p.partition("n").withPrecision("fp16"), Partition.of("dup", "cpu", refs("a")),
                Partition.of("bad", "gpu", List.of())));
        ValidationReport r = PlanValidator.validate(p, g);
        PlanIssue op = r.of(Kind.UNSUPPORTED_OP).get(0);
        assertEquals(List.of("c"), op.nodes());
        assertTrue(op.message().contains("does not support Softmax"), op.message());
        assertEquals(4, r.of(Kind.UNSUPPORTED_TYPE).get(0).nodes().size());
        assertTrue(r.of(Kind.UNSUPPORTED_TYPE).get(0).message().contains("float32"));
        assertTrue(r.of(Kind.UNSUPPORTED_PRECISION).get(0).message().contains("fp16"));
        assertEquals(List.of("a"), r.of(Kind.DUPLICATE_NODE).get(0).nodes());
        PlanIssue ghost = r.of(Kind.UNKNOWN_NODE).get(0);
        assertFalse(ghost.isError());
        assertEquals(List.of("ghost"), ghost.nodes());
        assertEquals("bad", r.of(Kind.UNKNOWN_DEVICE).get(0).partition());
    }

    @Test
    void unnamedNodesBindByIdAndNamedOnesAlsoByName() {
        Graph g = PlanGraphs.withInput("ids");
        g.addNode(new Node("Relu_0", "", "Relu", "", List.of("x"), List.of("y")));
        g.addNode(new Node("conv", "conv", "Conv", "", List.of("y"), List.of("z")));
        Plan p = plan(PlanGraphs.cpu()).createPartition("p", "cpu", List.of(new NodeRef("Relu_0", ""), new NodeRef("old_id", "conv")));
        PlanBinding b = PlanBinding.bind(p, g);
        assertTrue(b.unmatched().isEmpty());
        assertEquals(2, b.members(0).length);
    }

    @Test
    void boundariesListTensorsWithShapesTypesAndBytes() {
        Graph g = PlanGraphs.diamond();
        Plan p = plan(PlanGraphs.cpu()).createPartition("front", "cpu", refs("a", "b"));
        PlanBinding b = PlanBinding.bind(p, g);
        PartitionBoundary front = PartitionBoundary.of(b, 0);
        assertEquals(List.of("x"), front.inputs().stream().map(BoundaryTensor::name).toList());
        assertEquals(List.of("a", "b"), front.outputs().stream().map(BoundaryTensor::name).toList(), "a also feeds c in rest");
        assertEquals(32, front.outputs().get(0).bytes());
        assertEquals(DataType.FLOAT, front.outputs().get(0).dataType());
        assertEquals(64, front.outputBytes());
        PartitionBoundary rest = PartitionBoundary.of(b, b.restIndex());
        assertEquals(List.of("a", "b"), rest.inputs().stream().map(BoundaryTensor::name).toList());
        assertEquals(List.of("d"), rest.outputs().stream().map(BoundaryTensor::name).toList());
    }

    /** The figure the issue asks for: validation time on 10k-node graphs (printed, not asserted). */
    @Test
    void tenThousandNodeGraphsValidateQuickly() {
        Graph g = PlanGraphs.large(10_000, 7);
        Plan legal = PlanGraphs.chunks(g, 200, PlanGraphs.npu(), PlanGraphs.cpu());
        // Non-convex: swap one node between two neighbouring chunks far enough apart to create a detour.
        Plan bad = legal.addNodes("p10", List.of(NodeRef.named("n" + (12 * 50 + 25))));
        for (int i = 0; i < 20; i++) {   // warm-up
            PlanValidator.validate(legal, g);
            PlanValidator.validate(bad, g);
        }
        long bestLegal = Long.MAX_VALUE;
        long bestBad = Long.MAX_VALUE;
        ValidationReport r = null;
        ValidationReport rb = null;
        long t;
        for (int i = 0; i < 20; i++) {
            t = System.nanoTime();
            r = PlanValidator.validate(legal, g);
            bestLegal = Math.min(bestLegal, System.nanoTime() - t);
            t = System.nanoTime();
            rb = PlanValidator.validate(bad, g);
            bestBad = Math.min(bestBad, System.nanoTime() - t);
        }
        assertTrue(r.isLegal(), r.issues().toString());
        assertEquals(201, r.executionOrder().size());
        assertFalse(rb.of(Kind.NON_CONVEX).isEmpty(), rb.issues().toString());
        System.out.printf("[figure] PlanValidator on 10,000 nodes / 200 partitions: legal plan %.2f ms, non-convex plan %.2f ms (best of 20, incl. binding)%n",
                bestLegal / 1e6, bestBad / 1e6);
    }
}
