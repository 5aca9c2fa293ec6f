package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.ir.Model;
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
import org.npustudio.shape.ShapeInference;

/** Every sample maps without unknown shapes, and the same with compiler-engine's shape inference as without. */
class SampleModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"resnet50", "mobilenetv2", "lenet5", "mlp", "transformer-encoder"})
    void samplesMapAndSimulate(String name) throws Exception {
        Model plain = SampleLibrary.build(name);
        WorkGraph own = OnnxWorkMapper.map(plain.graph());
        Model inferred = SampleLibrary.build(name);
        ShapeInference.infer(inferred);
        WorkGraph viaInference = OnnxWorkMapper.map(inferred.graph());
        assertTrue(viaInference.warnings().isEmpty(), viaInference.warnings().toString());
        assertEquals(viaInference.size(), own.size());
        for (int i = 0; i < own.size(); i++) {
            assertEquals(viaInference.node(i).work(), own.node(i).work(), name + " node " + own.node(i).id());
        }
        SimulationResult r = new Simulator(viaInference, DeviceSet.of(Device.of(HeterogeneousScheduleTest.NPU),
                Device.of(HeterogeneousScheduleTest.CPU)), null).simulate(DeviceAssignment.allOn("npu"), FusionMode.AUTO, FusionPlan.NONE);
        PropertyTest.assertSane(r);
        assertTrue(r.total().macs() > 0 && r.total().makespanSeconds() > 0);
        assertTrue(r.total().dramBytes() <= r.total().unfusedDramBytes());
    }
}
