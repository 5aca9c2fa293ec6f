package org.npustudio.plan.nestc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.plan.yaml.PlanYamlWriter;
import org.npustudio.testdata.TestData;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;

class NestcFormatTest {
    static Path nestcDir() {
        return TestData.shared("reference/nestc");
    }

    static List<Path> files(String contains) throws Exception {
        try (Stream<Path> s = Files.list(nestcDir())) {
            return s.filter(p -> p.getFileName().toString().contains(contains) && p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyReferencePlanRoundTripsThroughOurPlanAndBack() throws Exception {
        List<Path> plans = files("Plan");
        assertEquals(4, plans.size(), plans.toString());
        for (Path f : plans) {
            NestcPlanFormat.Loaded first = NestcPlanFormat.read(f);
            assertTrue(first.warnings().isEmpty(), f + ": " + first.warnings());
            NestcPlan raw = first.plan();
            assertTrue(raw.nodesOf(raw.numOfPartitions() - 1).isEmpty(), "trailing catch-all");
            NestcConverter.Imported imported = NestcConverter.toPlan(raw, null, null);
            Plan plan = imported.plan();
            assertEquals(raw.numOfPartitions() - 1, plan.partitions().size());
            assertEquals(raw.partitionNames().get(raw.numOfPartitions() - 1), plan.rest().name());
            // import -> export -> import: equal plans and equal NEST-C documents
            String exported = NestcPlanFormat.write(NestcConverter.fromPlan(plan, null));
            NestcPlan again = NestcPlanFormat.parse(exported, f + " (exported)").plan();
            assertEquals(raw, again, f.toString());
            assertEquals(plan, NestcConverter.toPlan(again, null, null).plan(), f.toString());
            // and through our own YAML format
            Plan viaOurs = PlanYaml.parse(PlanYamlWriter.write(plan), "ours.yaml", null).plan();
            assertEquals(raw, NestcConverter.fromPlan(viaOurs, null), f.toString());
        }
    }

    @Test
    void foldedEntriesWithSpacesAndCarriageReturnsAreTrimmed() throws Exception {
        NestcPlan p = NestcPlanFormat.read(nestcDir().resolve("NESTOptimalPlan-Mobilenet-Test.yaml")).plan();
        assertEquals(3, p.numOfPartitions());
        for (NestcPlan.Assignment a : p.nodeToPartition()) {
            assertEquals(a.node().strip(), a.node());
            assertFalse(a.node().contains(":") || a.node().contains("\r"), a.node());
        }
        assertEquals("mobilenetv20_features_linearbottleneck0_conv0_fwd__2", p.nodeToPartition().get(3).node());
        NestcPlan g = NestcPlanFormat.read(nestcDir().resolve("MultiEVTAGoogleNetPartitionPlan.yaml")).plan();
        assertEquals(46, g.numOfPartitions());
        assertEquals("VTA-0", g.backendNames().get(5));
        Plan plan = NestcConverter.toPlan(g, null, null).plan();
        Device vta0 = plan.device("VTA-0");
        assertEquals("VTA", vta0.backend());
        assertEquals(DeviceKind.NPU, vta0.kind());
        assertEquals(DeviceKind.CPU, plan.device("CPU").kind());
    }

    @Test
    void logicalIdRangesAndParallelGroupsAreKept() throws Exception {
        String text = """
                funcName: net.onnx
                numOfPartitions: 4
                backendNames: CPU:VTA-0:VTA-1:CPU
                partitionNames: p0:p1:p2:p3
                nodeToPartition: a-0
                  :b-1
                  :c-2
                logicalIDs: 0:1:2:0-1
                parallelPartitions: (p1||p2):(p0||p3)
                """;
        NestcPlan raw = NestcPlanFormat.parse(text, "par.yaml").plan();
        assertEquals(List.of(List.of("p1", "p2"), List.of("p0", "p3")), raw.parallelPartitions());
        Plan plan = NestcConverter.toPlan(raw, null, null).plan();
        assertEquals(List.of(0, 1), plan.rest().logicalIds());
        assertEquals(2, plan.device("VTA-1").index());
        String out = NestcPlanFormat.write(NestcConverter.fromPlan(plan, null));
        assertTrue(out.contains("logicalIDs: 0:1:2:0-1\n") && out.contains("parallelPartitions: (p1||p2):(p0||p3)\n"), out);
        assertEquals(raw, NestcPlanFormat.parse(out, "again").plan());
    }

    @Test
    void namesNestcCannotHoldAreRefusedByName() {
        Plan p = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("CPU", DeviceKind.CPU, 0)), "CPU")
                .createPartition("p0", "CPU", List.of(NodeRef.named("conv-1")));
        StudioException e = assertThrows(StudioException.class, () -> NestcPlanFormat.write(NestcConverter.fromPlan(p, "m.onnx")));
        assertTrue(e.getMessage().contains("'conv-1'") && e.getMessage().contains("'-'"), e.getMessage());
        Plan q = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("CPU", DeviceKind.CPU, 0)), "CPU")
                .createPartition("p0", "CPU", List.of(NodeRef.named("x:0")));
        e = assertThrows(StudioException.class, () -> NestcPlanFormat.write(NestcConverter.fromPlan(q, "m.onnx")));
        assertTrue(e.getMessage().contains("'x:0'") && e.getMessage().contains("':'"), e.getMessage());
    }

    @Test
    void nodeNamesWithSpacesRoundTrip() throws Exception {
        List<NodeRef> nodes = List.of(NodeRef.named("first conv"), NodeRef.named("my conv 2"), NodeRef.named("relu"));
        Plan p = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("CPU", DeviceKind.CPU, 0)), "CPU").createPartition("p0", "CPU", nodes);
        String text = NestcPlanFormat.write(NestcConverter.fromPlan(p, "m.onnx"));
        assertTrue(text.contains("nodeToPartition: first conv-0\n  :my conv 2-0\n"), text);
        NestcPlan back = NestcPlanFormat.parse(text, "n.yaml").plan();
        assertEquals(List.of("first conv", "my conv 2", "relu"), back.nodeToPartition().stream().map(NestcPlan.Assignment::node).toList());
        assertEquals(text, NestcPlanFormat.write(back));
        for (String bad : List.of(" lead", "trail ", "two  spaces", "tab\there", "x #1")) {
            Plan q = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("CPU", DeviceKind.CPU, 0)), "CPU")
                    .createPartition("p0", "CPU", List.of(NodeRef.named(bad)));
            StudioException e = assertThrows(StudioException.class, () -> NestcPlanFormat.write(NestcConverter.fromPlan(q, "m.onnx")));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void malformedPlansNameTheirLine() {
        YamlException e = assertThrows(YamlException.class, () -> NestcPlanFormat.parse(
                "funcName: m\nnumOfPartitions: 3\nbackendNames: CPU:CPU\npartitionNames: p0:p1:p2\nlogicalIDs: 0:0:0\n", "n.yaml"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("2 entries but numOfPartitions is 3"), e.getMessage());
        e = assertThrows(YamlException.class, () -> NestcPlanFormat.parse(
                "numOfPartitions: 2\nbackendNames: CPU:CPU\npartitionNames: p0:p1\nnodeToPartition: a-0\n  :b-7\nlogicalIDs: 0:0\n", "n.yaml"));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("'b-7' names partition 7 of 2"), e.getMessage());
    }

    @Test
    void glowNamesMapBackToOnnxNodesAndTheRestIsListed() throws Exception {
        Graph g = new Graph("resnet");
        g.addInput(ValueInfo.tensor("data", DataType.FLOAT, Shape.of(1, 3)));
        g.addNode(new Node("resnetv10_conv0_fwd", "resnetv10_conv0_fwd", "Conv", "", List.of("data"), List.of("c0")));
        g.addNode(new Node("resnetv10_stage1__plus0", "resnetv10_stage1__plus0", "Add", "", List.of("c0", "c0"), List.of("s1")));
        g.addNode(new Node("Relu_0", "", "Relu", "", List.of("s1"), List.of("relu_out")));
        String text = """
                funcName: resnet.onnx
                numOfPartitions: 3
                backendNames: CPU:VTA:CPU
                partitionNames: p0:p1:p2
                nodeToPartition: resnetv10_conv0_fwd__1-0
                  :resnetv10_conv0_fwd__2-1
                  :resnetv10_stage1__plus0__1-1
                  :relu_out__1-1
                  :ghost_node__3-1
                logicalIDs: 0:1:0
                """;
        NestcConverter.Imported imp = NestcConverter.toPlan(NestcPlanFormat.parse(text, "g.yaml").plan(), g, ModelRef.UNKNOWN);
        assertEquals(4, imp.matched());
        assertEquals(List.of("ghost_node__3"), imp.unmatched());
        Plan plan = imp.plan();
        assertEquals(List.of(NodeRef.named("resnetv10_conv0_fwd")), plan.partition("p0").nodes());
        assertEquals(List.of("resnetv10_stage1__plus0", "Relu_0", "ghost_node__3"),
                plan.partition("p1").nodes().stream().map(NodeRef::id).toList());
        assertTrue(imp.warnings().stream().anyMatch(w -> w.contains("resnetv10_conv0_fwd__2") && w.contains("stays in p0")), imp.warnings().toString());
        assertTrue(imp.warnings().stream().anyMatch(w -> w.contains("ghost_node__3")), imp.warnings().toString());
        assertEquals(1, PlanBinding.bind(plan, g).unmatched().size(), "listed, not dropped");
    }

    @Test
    void referenceDeviceConfigsBecomeDevices() throws Exception {
        List<Path> configs = files("DeviceConfigs");
        assertEquals(2, configs.size());
        DevicesYaml.Loaded relay = DevicesYaml.read(nestcDir().resolve("RelayCPUEVTATestDeviceConfigs.yaml"));
        assertEquals(List.of("PU1", "PU2", "PU3"), relay.devices().stream().map(Device::name).toList());
        assertEquals("PU1", relay.defaultDevice());
        Device vta = relay.devices().get(1);
        assertEquals(DeviceKind.NPU, vta.kind());
        assertEquals("VTA", vta.backend());
        assertEquals(Set.of("Conv"), vta.supportedOps());
        assertEquals(1, vta.index());
        assertEquals(200_000_000L, vta.memoryBytes());
        Device relayDev = relay.devices().get(2);
        assertEquals(DeviceKind.CPU, relayDev.kind());
        assertEquals(Set.of("Softmax"), relayDev.unsupportedOps());
        assertTrue(relay.warnings().stream().anyMatch(w -> w.contains("Splat")), relay.warnings().toString());
        DevicesYaml.Loaded cpu = DevicesYaml.read(nestcDir().resolve("CPUEVTATestDeviceConfigs.yaml"));
        assertTrue(cpu.devices().get(0).unsupportedOps().isEmpty(), "an empty nonSupportedNodes means none");
        assertTrue(GlowDeviceConfig.looksLikeGlow(SafeYaml.read(configs.get(0))));
    }

    @Test
    void aMalformedParameterLineIsAnErrorAtItsLine() {
        String text = "- name: PU1\n  backendName: CPU\n  parameters: |\n    \"deviceID\" : \"0\"\n    deviceID = 1\n";
        YamlException e = assertThrows(YamlException.class, () -> DevicesYaml.parse(text, "dc.yaml", null));
        assertEquals(5, e.line(), e.getMessage());
    }
}
