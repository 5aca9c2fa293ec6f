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
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/** Constants and what computes only from them are weights: they stay with their readers and order nothing. */
class WeightNodesTest {
    /** a = Relu(x); c = Constant; cc = Cast(c); s = Add(a, cc); w = Mul(init, init); r = RandomNormal; out = Sigmoid(s) + w + r. */
    private static Graph graph() {
        Graph g = PlanGraphs.withInput("weights");
        g.putInitializer(Tensor.ofFloats("init", new long[] {1, 8}, new float[8]));
        PlanGraphs.add(g, "a", "Relu");
        g.addNode(new Node("c", "c", "Constant", "", List.of(), List.of("c")));
        PlanGraphs.add(g, "cc", "Cast", "c");
        PlanGraphs.add(g, "s", "Add", "a", "cc");
        PlanGraphs.add(g, "w", "Mul", "init", "init");
        g.addNode(new Node("r", "r", "RandomNormal", "", List.of(), List.of("r")));
        PlanGraphs.add(g, "sig", "Sigmoid", "s");
        PlanGraphs.add(g, "out", "Sum", "sig", "w", "r");
        g.addOutput(ValueInfo.tensor("out", DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    @Test
    void constantsAndConstantOnlyChainsAreWeightsRandomOpsAreNot() {
        Graph g = graph();
        WeightNodes w = WeightNodes.of(g);
        List<String> weights = g.index().nodes().stream().filter(n -> w.isWeight(g.index().indexOf(n))).map(Node::id).toList();
        assertEquals(List.of("c", "cc", "w"), weights);
        assertTrue(w.isWeightValue("init") && w.isWeightValue("cc"));
        assertFalse(w.isWeightValue("r") || w.isWeightValue("s"));
    }

    @Test
    void aWeightReadAcrossPartitionsIsCopiedNotSentAndOrdersNothing() {
        Graph g = graph();
        Device npu = Device.of("npu0", DeviceKind.NPU, 0).withSupport(Set.of("Relu", "Add", "Sigmoid"), Set.of());
        Plan plan = Plan.empty(ModelRef.UNKNOWN, List.of(npu, Device.of("cpu", DeviceKind.CPU, 0)), "cpu")
                .createPartition("p0", "npu0", List.of(NodeRef.named("a"), NodeRef.named("s")))
                // the Constant chain sits after p0 yet feeds it: without the weight rule p0 <-> p1 is a cycle
                .createPartition("p1", "npu0", List.of(NodeRef.named("c"), NodeRef.named("cc"), NodeRef.named("sig")));
        PlanBinding b = PlanBinding.bind(plan, g);
        ValidationReport r = PlanValidator.validate(b, null);
        assertTrue(r.isLegal(), r.issues().toString());
        assertTrue(r.issues().stream().noneMatch(i -> i.message().contains("Constant") || i.message().contains("Cast")),
                "weights are not ops the NPU must run: " + r.issues());
        ValidationReport alone = PlanValidator.validate(plan.createPartition("consts", "npu0", List.of(NodeRef.named("w"))), g);
        assertTrue(alone.isLegal() && alone.of(PlanIssue.Kind.EMPTY_PARTITION).stream().anyMatch(i -> i.message().contains("only weights")),
                alone.issues().toString());
        PartitionBoundary p0 = PartitionBoundary.of(b, 0);
        assertEquals(List.of("x"), p0.inputs().stream().map(BoundaryTensor::name).toList());
        assertEquals(List.of("c", "cc"), p0.copiedWeights());
        PartitionBoundary p1 = PartitionBoundary.of(b, 1);
        assertEquals(List.of("s"), p1.inputs().stream().map(BoundaryTensor::name).toList(), "cc is p1's own, not an input");
        assertEquals(List.of("sig"), p1.outputs().stream().map(BoundaryTensor::name).toList(), "cc is copied by p0, not sent");
    }

    @Test
    void convexClosureIgnoresPathsOutOfWeights() {
        Graph g = graph();
        var idx = g.index();
        java.util.BitSet sel = new java.util.BitSet();
        for (String id : List.of("c", "sig")) sel.set(idx.indexOf(g.nodeById(id)));
        WeightNodes w = WeightNodes.of(g);
        assertEquals(sel, ConvexClosure.grow(idx, sel, w), "c -> cc -> s -> sig is a weight's path: nothing to add");
        assertEquals(sel, ConvexClosure.shrink(idx, sel, w));
        assertEquals(4, ConvexClosure.grow(idx, sel).cardinality(), "counting every edge adds cc and s");
    }

    @Test
    void autoPartitionPutsEachWeightWithItsFirstReaderAndNeverAlone() {
        Graph g = graph();
        Device npu = Device.of("npu0", DeviceKind.NPU, 0).withSupport(Set.of("Relu", "Add", "Sigmoid"), Set.of());
        Plan plan = AutoPartitioner.partition(g, ModelRef.UNKNOWN, List.of(npu, Device.of("cpu", DeviceKind.CPU, 0)), "cpu",
                AutoPartitioner.Options.DEFAULT);
        assertEquals(List.of(List.of("a", "c", "cc", "s", "sig"), List.of("w", "r", "out")),
                plan.partitions().stream().map(p -> p.nodes().stream().map(NodeRef::id).toList()).toList());
        assertEquals(List.of("npu0", "cpu"), plan.partitions().stream().map(Partition::device).toList());
        assertTrue(PlanValidator.validate(plan, g).isLegal());
    }
}
