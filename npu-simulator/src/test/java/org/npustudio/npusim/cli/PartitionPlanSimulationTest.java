package org.npustudio.npusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;

/** The simulator runs the editor's partition plans: devices by name, nodes where the plan puts them. */
class PartitionPlanSimulationTest {
    static final Path ROOT = TestData.root();
    static final Path MODEL = ROOT.resolve("samples/models/lenet5.onnx");
    static final Path NPU = ROOT.resolve("samples/npu/teaching-32x32.yaml");

    private static Plan convsOnNpu(Model m) {
        List<Device> devices = List.of(Device.of("npu0", DeviceKind.NPU, 0), Device.of("cpu", DeviceKind.CPU, 0));
        Plan plan = Plan.empty(ModelRef.UNKNOWN, devices, "cpu");
        List<NodeRef> convs = m.graph().nodes().stream().filter(n -> n.opType().equals("Conv"))
                .map(n -> new NodeRef(n.id(), n.name())).toList();
        return plan.createPartition("convs", "npu0", convs);
    }

    @Test
    void partitionsRunOnTheirDevicesAndTheRestOnTheDefault() throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        NpuConfig npu = SimulateCommandCore.readNpu(NPU);
        SimulationResult r = SimulationService.simulate(m.graph(), npu, convsOnNpu(m), null, SimulationService.Options.DEFAULT);
        Map<String, String> device = r.nodes().stream().collect(Collectors.toMap(NodeResult::id, NodeResult::device));
        for (Node n : m.graph().nodes()) {
            assertEquals(n.opType().equals("Conv") ? "npu0" : "cpu", device.get(n.id()), n.id() + " (" + n.opType() + ")");
        }
        assertTrue(r.nodes().stream().filter(NodeResult::onNpu).allMatch(x -> x.opType().equals("Conv")));
    }

    @Test
    void thePlanFileIsReadByTheCommandLineSimulator(@TempDir Path dir) throws Exception {
        Model m = OnnxReader.read(MODEL);
        Path plan = dir.resolve("plan.yaml");
        PlanYaml.write(convsOnNpu(m).withModel(ModelRef.of(MODEL)), plan);
        SimulationResult r = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, plan, null, OutputFormat.TABLE, null));
        long onNpu = r.nodes().stream().filter(NodeResult::onNpu).count();
        assertEquals(m.graph().nodes().stream().filter(n -> n.opType().equals("Conv")).count(), onNpu);
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("UNKNOWN")), r.warnings().toString());
    }

    @Test
    void aDeviceDescriptionIsReadBesideThePlan(@TempDir Path dir) throws Exception {
        Model m = OnnxReader.read(MODEL);
        Files.copy(ROOT.resolve("samples/npu/tpu-v1-like.yaml"), dir.resolve("big.yaml"));
        Plan p = convsOnNpu(m);
        p = p.withDevices(List.of(p.device("npu0").withDescription("big.yaml"), p.device("cpu")));
        Path plan = dir.resolve("plan.yaml");
        PlanYaml.write(p, plan);
        SimulationResult big = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, plan, null, OutputFormat.TABLE, null));
        PlanYaml.write(convsOnNpu(m), plan);
        SimulationResult small = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, plan, null, OutputFormat.TABLE, null));
        long bigConvCycles = big.nodes().stream().filter(NodeResult::onNpu).mapToLong(NodeResult::cycles).sum();
        long smallConvCycles = small.nodes().stream().filter(NodeResult::onNpu).mapToLong(NodeResult::cycles).sum();
        assertTrue(bigConvCycles != smallConvCycles, "the described 256x256 NPU is used, not the 32x32 --npu");
    }

    @Test
    void anAssignmentPlanRunsExactlyAsTheSamePartitionPlan(@TempDir Path dir) throws Exception {
        Files.copy(ROOT.resolve("samples/npu/host-cpu.yaml"), dir.resolve("host-cpu.yaml"));
        Path assignment = Files.writeString(dir.resolve("assign.yaml"), """
                version: 1
                devices:
                  - {name: cpu, file: host-cpu.yaml}
                assign:
                  cpu: [/fc3/Gemm]
                  teaching-32x32: [/conv1/Conv, /act1/Tanh]
                fusion:
                  - [/conv1/Conv, /act1/Tanh]
                precision: int4w8a
                """);
        Path partitions = Files.writeString(dir.resolve("partitions.yaml"), """
                version: 1
                devices:
                  - {name: teaching-32x32, kind: npu}
                  - {name: cpu, kind: cpu, description: host-cpu.yaml}
                rest: {name: rest, device: teaching-32x32, precision: int4w8a}
                partitions:
                  - {name: p0, device: cpu, nodes: [/fc3/Gemm]}
                  - name: p1
                    device: teaching-32x32
                    precision: int4w8a
                    nodes: [/conv1/Conv, /act1/Tanh]
                    fusion_groups: [[/conv1/Conv, /act1/Tanh]]
                """);
        SimulationResult a = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, assignment, null, OutputFormat.TABLE, null));
        SimulationResult p = SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, partitions, null, OutputFormat.TABLE, null));
        assertEquals(p.nodes(), a.nodes());
        assertEquals(p.schedule(), a.schedule());
        assertEquals("cpu", a.nodes().stream().filter(n -> n.id().equals("/fc3/Gemm")).findFirst().orElseThrow().device());
        assertEquals(0, a.nodes().stream().filter(n -> n.id().equals("/conv1/Conv")).findFirst().orElseThrow().fusionGroup());
    }

    @Test
    void theCatchAllPartitionsPrecisionCountsOnAnNpu() throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        NpuConfig npu = SimulateCommandCore.readNpu(NPU);
        Plan int8 = Plan.empty(ModelRef.UNKNOWN, List.of(Device.of("npu0", DeviceKind.NPU, 0)), "npu0");
        Plan int4 = int8.assignPrecision(int8.rest().name(), "int4");
        double bytes8 = SimulationService.simulate(m.graph(), npu, int8, null, SimulationService.Options.DEFAULT).total().dramBytes();
        double bytes4 = SimulationService.simulate(m.graph(), npu, int4, null, SimulationService.Options.DEFAULT).total().dramBytes();
        assertTrue(bytes4 < bytes8, "int4 reads fewer bytes than the NPU's default int8: " + bytes4 + " vs " + bytes8);
    }
}
