package org.npustudio.npusim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;

/**
 * Turns a partition plan (docs/partition-format.md, the editor's and {@code partition auto}'s format) into
 * what the simulator runs: one simulator device per plan device, node-id assignments, fusion groups and
 * a precision.
 *
 * <p>Plan devices name their hardware through {@code description} (an NPU or CPU YAML, resolved against
 * the plan's folder, then the working directory). Without one, an {@code npu} device is the NPU the
 * user chose ({@code --npu} or the IDE's NPU panel) and a {@code cpu} device the generic host CPU. The
 * simulator has one precision per run: the NPU partitions' precision when they agree, else the NPU's
 * default, with a warning.
 */
public final class StudioPlanAdapter {
    private StudioPlanAdapter() {}

    /**
     * @param planDir folder the plan was read from, for relative descriptions (null: working directory only)
     */
    public static PlanFile toPlanFile(Plan plan, NpuConfig chosenNpu, Path planDir, List<String> warnings) throws StudioException {
        List<Device> devices = new ArrayList<>();
        Set<String> npuNames = new LinkedHashSet<>();
        for (org.npustudio.plan.Device d : plan.devices()) {
            Device sim = device(d, chosenNpu, planDir, warnings);
            devices.add(sim);
            if (sim.isNpu()) npuNames.add(d.name());
        }
        Map<String, String> assign = new LinkedHashMap<>();
        List<List<String>> fusion = new ArrayList<>();
        Set<String> precisions = new LinkedHashSet<>();
        for (Partition p : plan.partitions()) {
            for (NodeRef n : p.nodes()) assign.put(n.id(), p.device());
            fusion.addAll(p.fusionGroups());
            if (npuNames.contains(p.device()) && p.precision() != null && !p.precision().isBlank()) precisions.add(p.precision());
        }
        Precision precision = null;
        if (precisions.size() == 1) {
            String key = precisions.iterator().next();
            precision = Precision.parse(key);
            if (precision == null) warnings.add("precision '" + key + "' is not one the simulator models (" + Precision.validKeys() + "); using the NPU's default");
        } else if (precisions.size() > 1) {
            warnings.add("NPU partitions ask for different precisions " + precisions + "; the simulator runs one precision per run, the NPU's default");
        }
        String dflt = plan.rest() != null ? plan.rest().device() : null;
        return new PlanFile(devices, dflt, assign, fusion, precision);
    }

    private static Device device(org.npustudio.plan.Device d, NpuConfig chosenNpu, Path planDir, List<String> warnings) throws StudioException {
        String description = d.description();
        if (description != null && !description.isBlank()) {
            Path file = resolve(description, planDir);
            if (file == null) {
                warnings.add("device '" + d.name() + "': description '" + description + "' not found; using "
                        + (d.kind() == DeviceKind.NPU ? "the chosen NPU" : "the generic host CPU"));
            } else {
                return DeviceConfigReader.readAny(file, warnings).named(d.name());
            }
        }
        if (d.kind() == DeviceKind.NPU) return Device.of(chosenNpu).named(d.name());
        return Device.of(DeviceSet.GENERIC_HOST).named(d.name());
    }

    private static Path resolve(String description, Path planDir) {
        Path p = Path.of(description);
        if (!p.isAbsolute() && planDir != null && Files.isRegularFile(planDir.resolve(p))) return planDir.resolve(p);
        return Files.isRegularFile(p) ? p : null;
    }
}
