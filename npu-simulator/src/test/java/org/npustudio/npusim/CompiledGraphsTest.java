package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.sim.CompiledGraphs;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;

/** The compiled graph is reused across NPU edits and recompiled when the model, the targeted pipeline or the plan's regions change. */
class CompiledGraphsTest {
    private static final SramConfig SRAM = SramConfig.separate(256 << 10, 256 << 10, 64 << 10);
    private static final NpuConfig SMALL = TestGraphs.npu("npu", 16, 16, Dataflow.WS, SRAM, Precision.INT8, 10);
    private static final NpuConfig LARGE = TestGraphs.npu("npu", 64, 32, Dataflow.OS, SramConfig.separate(1 << 20, 1 << 20, 256 << 10), Precision.INT8, 25);

    private static SimulationResult run(Model m, NpuConfig npu, Plan plan, CompiledGraphs cache) throws Exception {
        return SimulationService.simulateCompiled(m, "cbr", Pipeline.defaultPipeline(), Device.of(npu), plan, null, null, "plan", List.of(), Map.of(), cache);
    }

    @Test
    void anotherNpuReusesTheCompiledGraphAndCostsAsAFreshCompilationWould() throws Exception {
        Model m = AsCompiledSimulationTest.convBnRelu();
        CompiledGraphs cache = new CompiledGraphs();
        SimulationResult first = run(m, SMALL, null, cache);
        SimulationResult second = run(m, LARGE, null, cache);
        assertEquals(1, cache.compilations(), "an array, dataflow, SRAM or clock edit does not recompile");
        assertEquals(1, cache.hits());
        SimulationResult fresh = run(m, LARGE, null, null);
        assertEquals(rows(fresh), rows(second), "a cached compilation costs exactly as a fresh one");
        assertEquals(fresh.total().makespanSeconds(), second.total().makespanSeconds());
        assertEquals(first.node("conv1").compiled(), second.node("conv1").compiled());
    }

    @Test
    void aPlanRegionChangeAnotherModelOrAnNpuThatCannotRunTheActivationRecompiles() throws Exception {
        Model m = AsCompiledSimulationTest.convBnRelu();
        CompiledGraphs cache = new CompiledGraphs();
        run(m, SMALL, null, cache);
        Plan plan = Plan.empty(null, List.of(org.npustudio.plan.Device.of("npu", DeviceKind.NPU, 0),
                org.npustudio.plan.Device.of("host", DeviceKind.CPU, 0)), "npu")
                .withPartitions(List.of(Partition.of("p-host", "host", List.of(NodeRef.named("bn1")))));
        SimulationResult planned = run(m, SMALL, plan, cache);
        assertEquals(2, cache.compilations(), "bn1 moved to the host: the regions differ");
        assertEquals("unchanged", planned.node("bn1").compiled());
        run(m, LARGE, plan, cache);
        assertEquals(2, cache.compilations(), "same plan, other NPU: reused");

        run(ModelCopy.of(m), SMALL, null, cache);
        assertEquals(3, cache.compilations(), "another model object (another open model) is compiled on its own");

        NpuConfig noRelu = new NpuConfig("npu", 1000, 16, 16, Dataflow.WS, 16, Map.of(), SRAM, 10e9, 100e-9,
                List.of(Precision.INT8), Precision.INT8, java.util.Set.of("Conv", "BatchNormalization", "Identity"), 8e9, 10e-6);
        SimulationResult unfused = run(m, noRelu, null, cache);
        assertEquals(4, cache.compilations(), "an NPU without Relu changes what fuse-activation may fuse");
        assertEquals("Conv + folded BatchNormalization 'bn1'", unfused.node("conv1").compiled());
    }

    private static List<String> rows(SimulationResult r) {
        return r.nodes().stream().map(CompiledGraphsTest::row).toList();
    }

    private static String row(NodeResult n) {
        return n.id() + " " + n.device() + " " + n.cycles() + " " + n.latencySeconds() + " " + n.dramBytes() + " " + n.compiled();
    }
}
