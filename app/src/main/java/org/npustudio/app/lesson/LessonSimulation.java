package org.npustudio.app.lesson;

import java.nio.file.Path;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.plan.Plan;

/**
 * The lessons' one adapter to the NPU simulator: read an NPU file, simulate an open model with an optional
 * partition plan. Kept to this class so a change of the simulator's entry touches lessons in one place.
 */
final class LessonSimulation {
    private LessonSimulation() {}

    static NpuConfig readNpu(Path file) throws StudioException {
        Device d = new DeviceConfigReader().read(file);
        if (d.npu() == null) throw new StudioException(file.toString(), "", "describes no NPU (a CPU only); the simulator checks need an NPU");
        return d.npu();
    }

    static SimulationResult simulate(Model model, NpuConfig npu, Plan plan, Path planDir, FusionMode fuse) throws StudioException {
        return SimulationService.simulate(model.graph(), npu, plan, planDir, new SimulationService.Options(fuse, Map.of()));
    }
}
