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
        SimulationResult r = SimulateCommandCore.simulate(m.graph(), npu, convsOnNpu(m), null, null);
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
}
