package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.samples.SampleLibrary;

/** Re-simulating after an edit recomputes only the edited node and equals a simulation from scratch. */
class IncrementalSimulationTest {

    @Test
    void movingOneNodeRecomputesOnlyItAndMatchesAFullRun() throws Exception {
        WorkGraph wg = OnnxWorkMapper.map(SampleLibrary.build("resnet50").graph());
        assertTrue(wg.warnings().isEmpty(), wg.warnings().toString());
        DeviceSet devices = DeviceSet.of(Device.of(HeterogeneousScheduleTest.NPU), Device.of(HeterogeneousScheduleTest.CPU));
        Simulator incremental = new Simulator(wg, devices, null);
        DeviceAssignment before = DeviceAssignment.allOn("npu");
        SimulationResult first = incremental.simulate(before, FusionMode.AUTO, FusionPlan.NONE);
        assertEquals(wg.size(), incremental.lastCostEvaluations());

        String moved = wg.node(wg.size() / 2).id();
        DeviceAssignment after = before.with(moved, "cpu");
        SimulationResult edited = incremental.simulate(after, FusionMode.AUTO, FusionPlan.NONE);
        assertEquals(1, incremental.lastCostEvaluations(), "only the moved node is re-costed");
        SimulationResult full = new Simulator(wg, devices, null).simulate(after, FusionMode.AUTO, FusionPlan.NONE);
        assertEquals(full, edited);
        assertNotEquals(first.total(), edited.total());

        // changing the fusion groups re-costs nothing and still equals a full run
        List<List<String>> plan = List.of(List.of(wg.node(0).id(), wg.node(1).id(), wg.node(2).id()));
        SimulationResult planned = incremental.simulate(after, FusionMode.PLAN, new FusionPlan(plan));
        assertEquals(0, incremental.lastCostEvaluations());
        assertEquals(new Simulator(wg, devices, null).simulate(after, FusionMode.PLAN, new FusionPlan(plan)), planned);

        SimulationResult back = incremental.simulate(before, FusionMode.AUTO, FusionPlan.NONE);
        assertEquals(0, incremental.lastCostEvaluations());
        assertEquals(first, back);
    }
}
