package org.npustudio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

class AutoPartitionerTest {
    private static final List<Device> DEVICES = List.of(PlanGraphs.npu("Conv", "Relu", "Add", "MaxPool", "Gemm"), PlanGraphs.cpu());

    @Test
    void supportedOpsGoToTheNpuInConvexLegalPartitionsThatCannotGrow() {
        Graph g = PlanGraphs.large(3000, 11);
        Plan plan = AutoPartitioner.partition(g, ModelRef.UNKNOWN, DEVICES, "cpu", AutoPartitioner.Options.DEFAULT);
        ValidationReport r = PlanValidator.validate(plan, g);
        assertTrue(r.isLegal(), r.issues().toString());
        PlanBinding b = PlanBinding.bind(plan, g);
        assertEquals(0, b.members(b.restIndex()).length, "every node is placed explicitly");
        for (int i = 0; i < g.nodes().size(); i++) {
            Node n = b.index().node(i);
            String expected = DEVICES.get(0).runs(n.opType()) ? "npu" : "cpu";
            assertEquals(expected, b.device(b.partitionOf(i)).name(), n.id());
        }
        // Plan order is an execution order, and neighbours differ in device (else they would have been one).
        List<String> names = plan.partitions().stream().map(Partition::name).toList();
        assertEquals(names, r.executionOrder().subList(0, names.size()));
        for (int k = 1; k < plan.partitions().size(); k++) {
            assertNotEquals(plan.partitions().get(k - 1).device(), plan.partitions().get(k).device());
        }
        assertEquals(plan, AutoPartitioner.partition(g, ModelRef.UNKNOWN, DEVICES, "cpu", AutoPartitioner.Options.DEFAULT), "deterministic");
    }

    @Test
    void independentBranchesOfOneDeviceShareAPartition() {
        // x -> conv1 -> soft1 ; x -> conv2 -> soft2 ; both softmaxes are ready together.
        Graph g = PlanGraphs.withInput("branches");
        PlanGraphs.add(g, "conv1", "Conv");
        PlanGraphs.add(g, "conv2", "Conv");
        PlanGraphs.add(g, "soft1", "Softmax", "conv1");
        PlanGraphs.add(g, "soft2", "Softmax", "conv2");
        Plan plan = AutoPartitioner.partition(g, ModelRef.UNKNOWN, DEVICES, "cpu", AutoPartitioner.Options.DEFAULT);
        assertEquals(2, plan.partitions().size());
        assertEquals(List.of("conv1", "conv2"), plan.partitions().get(0).nodes().stream().map(NodeRef::id).toList());
    }

    @Test
    void tinyCpuIslandsMergeWhenThatStaysLegal() {
        // x -> s1 (cpu) ; x -> c1 (npu) -> s2 (cpu): the walk makes {s1}, {c1}, {s2}; s1 does not feed c1,
        // so it can run with s2 after the npu partition.
        Graph g = PlanGraphs.withInput("islands");
        PlanGraphs.add(g, "s1", "Softmax");
        PlanGraphs.add(g, "c1", "Conv");
        PlanGraphs.add(g, "s2", "Softmax", "c1");
        Plan plain = AutoPartitioner.partition(g, ModelRef.UNKNOWN, DEVICES, "cpu", AutoPartitioner.Options.DEFAULT);
        assertEquals(3, plain.partitions().size());
        Plan merged = AutoPartitioner.partition(g, ModelRef.UNKNOWN, DEVICES, "cpu", AutoPartitioner.Options.DEFAULT.withMergeIslandsUpTo(1));
        assertEquals(2, merged.partitions().size(), merged.toString());
        assertTrue(PlanValidator.validate(merged, g).isLegal());
        assertEquals("npu", merged.partitions().get(0).device(), "renumbered in execution order");
        assertEquals(java.util.Set.of("s1", "s2"), merged.partitions().get(1).nodeIds());
        // An island that feeds the npu work cannot move after it: x -> s1 -> c1 -> s2.
        Graph chain = PlanGraphs.withInput("chain");
        PlanGraphs.add(chain, "s1", "Softmax");
        PlanGraphs.add(chain, "c1", "Conv", "s1");
        PlanGraphs.add(chain, "s2", "Softmax", "c1");
        assertEquals(3, AutoPartitioner.partition(chain, ModelRef.UNKNOWN, DEVICES, "cpu",
                AutoPartitioner.Options.DEFAULT.withMergeIslandsUpTo(5)).partitions().size());
    }

    @Test
    void opaqueOpsGoToTheCpuEvenOnAnNpuThatClaimsEveryOp() {
        // An NPU without an op list runs every op it does not refuse; an op without a schema is still kept off it.
        List<Device> devices = List.of(Device.of("npu", DeviceKind.NPU, 0), PlanGraphs.cpu());
        Graph g = PlanGraphs.withInput("opaque");
        PlanGraphs.add(g, "c1", "Conv");
        Node custom = new Node("f", "f", "Frobnicate", "com.example.custom", List.of("c1"), List.of("f"));
        g.addNode(custom);
        Node unknown = new Node("u", "u", "NoSuchOp", "", List.of("f"), List.of("u"));
        g.addNode(unknown);
        PlanGraphs.add(g, "scaler", "ImageScaler", "u");
        Plan plan = AutoPartitioner.partition(g, ModelRef.UNKNOWN, devices, "cpu", AutoPartitioner.Options.DEFAULT);
        PlanBinding b = PlanBinding.bind(plan, g);
        List<String> placed = new java.util.ArrayList<>();
        for (int i = 0; i < g.nodes().size(); i++) placed.add(b.index().node(i).id() + "@" + b.device(b.partitionOf(i)).name());
        assertEquals(List.of("c1@npu", "f@cpu", "u@cpu", "scaler@npu"), placed, "a known legacy op (ImageScaler) is not opaque");
    }
}
