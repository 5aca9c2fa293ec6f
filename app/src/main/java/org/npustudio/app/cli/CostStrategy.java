package org.npustudio.app.cli;

import org.npustudio.host.HostProfile;
import org.npustudio.npusim.optimise.AsCompiledOptimiser;
import org.npustudio.passes.Pipeline;
import org.npustudio.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.optimise.Optimised;
import org.npustudio.npusim.optimise.PlanOptimiser;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.yaml.DevicesYaml;

/** {@code partition auto --strategy cost}: the NPU behind the devices file, then the plan optimiser. */
final class CostStrategy {
    private CostStrategy() {}

    /**
     * @param npuFile {@code --npu}, or null: the first NPU device's description in the devices file
     */
    /** The plan written, the table of choices printed, and whether the device cover is proven optimal. */
    record Outcome(Plan plan, String table, boolean exactCover) {}

    static Outcome run(Model model, ModelRef ref, DevicesYaml.Loaded devices, Path devicesFile, String npuFile, Objective objective,
                       HostProfile hostProfile, Pipeline pipeline, CliContext ctx) throws StudioException {
        Path dir = devicesFile.toAbsolutePath().getParent();
        List<String> warnings = new ArrayList<>();
        Path npuPath = npuPath(devices, devicesFile, dir, npuFile);
        Device npu = DeviceConfigReader.readAny(npuPath, warnings);
        PlanArgs.warn(warnings, ctx.err());
        var request = new PlanOptimiser.Request(model.graph(), ref, devices.devices(), devices.defaultDevice(), npu, dir, objective, null, null)
                .withHostProfile(hostProfile);
        try {
            if (pipeline != null) {
                AsCompiledOptimiser.Result c = AsCompiledOptimiser.optimise(model, request, pipeline, PlanOptimiser.Listener.NONE);
                return new Outcome(c.plan(), c.table() + "as compiled on the model's nodes: " + objective.key() + " " + objective.format(c.cost())
                        + ", capability plan " + objective.format(c.capabilityCost()) + System.lineSeparator(), c.exactCover());
            }
            Optimised o = PlanOptimiser.optimise(request, PlanOptimiser.Listener.NONE);
            return new Outcome(o.plan(), o.table(), o.exactCover());
        } catch (StudioException e) {
            // The optimiser names the devices only; the file the user can fix is the NPU description.
            if (e.source().equals(PlanOptimiser.DEVICES_SOURCE)) throw new StudioException(npuPath.toString(), e.place(), e.problem());
            throw e;
        }
    }

    private static Path npuPath(DevicesYaml.Loaded devices, Path devicesFile, Path dir, String npuFile) throws StudioException {
        if (npuFile != null) return Path.of(npuFile);
        for (var d : devices.devices()) {
            if (d.kind() != DeviceKind.NPU || d.description().isBlank()) continue;
            Path p = dir.resolve(d.description());
            if (Files.isRegularFile(p)) return p;
        }
        throw new StudioException(devicesFile.toString(), "devices", "--strategy cost needs an NPU description to cost by: give an NPU device"
                + " a description: NPU.yaml, or pass --npu NPU.yaml");
    }
}
