package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.cost.Bound;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;

/**
 * An op's bound agrees with where the roofline puts it: right of the ridge (MAC per DRAM byte at least peak /
 * bandwidth) it is compute-bound; left of it it is never called compute-bound — memory-bound, or
 * latency-bound when the array's fill and drain, not the peak, make its compute outlast its transfers.
 */
class BoundAgreesWithRooflineTest {

    @ParameterizedTest
    @ValueSource(strings = {"edge-npu-8tops", "teaching-32x32"})
    void boundFollowsTheSideOfTheRidge(String npuName) throws Exception {
        NpuConfig npu = DeviceConfigReader.readAny(TestData.inCheckout("samples/npu/" + npuName + ".yaml"), new ArrayList<>()).npu();
        double ridge = npu.peakMacsPerSecond() / npu.dramBytesPerSecond();
        int left = 0, latency = 0;
        for (String model : new String[] {"lenet5", "mlp", "transformer-encoder"}) {
            Model m = SampleLibrary.build(model);
            ShapeInference.infer(m);
            SimulationResult r = SimulationService.simulate(m.graph(), npu, null, null, SimulationService.Options.DEFAULT);
            for (NodeResult n : r.nodes()) {
                double bytes = n.readBytes() + n.writeBytes();
                if (!n.onNpu() || !n.costed() || n.macs() == 0 || bytes == 0) continue;
                double intensity = n.macs() / bytes;
                String what = model + " " + n.id() + " at " + intensity + " MAC/B, ridge " + ridge;
                if (intensity >= ridge) {
                    assertEquals(Bound.COMPUTE, n.bound(), what);
                } else {
                    left++;
                    assertNotEquals(Bound.COMPUTE, n.bound(), what);
                    if (n.bound() == Bound.LATENCY) latency++;
                }
            }
        }
        assertTrue(left > 0 && latency > 0, "ops left of the ridge (" + left + "), some latency-bound (" + latency + ")");
    }
}
