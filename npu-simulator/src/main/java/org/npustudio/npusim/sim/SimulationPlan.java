package org.npustudio.npusim.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;

/**
 * A partition plan (any format {@code PlanFiles} reads) as the simulator runs it: the hardware behind each
 * plan device, which device runs each node, the fusion groups and the precision the plan chose for each
 * node. (Not the plan package's {@code PlanBinding}, which maps plan members to graph nodes.)
 *
 * <p>The NPU the run was given comes first, under its own name. A plan device names its hardware through
 * {@code description} (an NPU or CPU file, resolved against the plan's folder, then the working directory);
 * without one, an {@code npu} device is the given NPU and a {@code cpu} device the generic host CPU, each
 * under the plan's name for it. A partition without a device runs on the given NPU. Each node runs at its own
 * precision (node entry, else partition, else the device's default; {@link NodePrecisions}).
 */
public record SimulationPlan(DeviceSet devices, DeviceAssignment assignment, FusionPlan fusion, NodePrecisions precisions) {

    /**
     * @param plan    the plan, or null: everything on {@code npu}, unsupported ops on the host CPU
     * @param planDir folder the plan was read from, for relative descriptions (null: working directory only)
     * @param source  names the plan in errors
     */
    public static SimulationPlan of(Plan plan, Device npu, Path planDir, String source, List<String> warnings) throws StudioException {
        if (plan == null) return new SimulationPlan(DeviceSet.of(npu), DeviceAssignment.allOn(npu.name()), FusionPlan.NONE, NodePrecisions.NONE);
        List<Device> devices = new ArrayList<>(List.of(npu));
        for (org.npustudio.plan.Device d : plan.devices()) {
            Device hardware = hardware(d, npu, planDir, warnings);
            if (!hardware.name().equals(npu.name())) devices.add(hardware);
        }
        DeviceSet set = new DeviceSet(devices);
        String defaultDevice = deviceOf(plan.rest(), npu);
        if (set.get(defaultDevice) == null) throw new StudioException(source, "default device", "no device is named '" + defaultDevice + "'");
        return new SimulationPlan(set, assignment(plan, npu.name()), fusion(plan), NodePrecisions.of(plan, warnings));
    }

    /** Which device runs each node under the plan; a partition without a device runs on {@code npuName}. */
    public static DeviceAssignment assignment(Plan plan, String npuName) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Partition p : plan.partitions()) {
            String d = p.device().isEmpty() ? npuName : p.device();
            for (NodeRef n : p.nodes()) byNode.put(n.id(), d);
        }
        return new DeviceAssignment(plan.rest().device().isEmpty() ? npuName : plan.rest().device(), byNode);
    }

    /** The plan's fusion groups: the catch-all's (an assignment plan's, which may span devices), then each partition's. */
    public static FusionPlan fusion(Plan plan) {
        List<List<String>> groups = new ArrayList<>(plan.rest().fusionGroups());
        for (Partition p : plan.partitions()) groups.addAll(p.fusionGroups());
        return new FusionPlan(groups);
    }

    private static String deviceOf(Partition p, Device npu) {
        return p.device().isEmpty() ? npu.name() : p.device();
    }

    private static Device hardware(org.npustudio.plan.Device d, Device npu, Path planDir, List<String> warnings) throws StudioException {
        String description = d.description();
        if (!description.isBlank()) {
            Path file = resolve(description, planDir);
            if (file != null) return DeviceConfigReader.readAny(file, warnings).named(d.name());
            warnings.add("device '" + d.name() + "': description '" + description + "' not found; using "
                    + (d.kind() == DeviceKind.NPU ? "the chosen NPU" : "the generic host CPU"));
        }
        return (d.kind() == DeviceKind.NPU ? npu : Device.of(DeviceSet.GENERIC_HOST)).named(d.name());
    }

    private static Path resolve(String description, Path planDir) {
        Path p = Path.of(description);
        if (!p.isAbsolute() && planDir != null && Files.isRegularFile(planDir.resolve(p))) return planDir.resolve(p);
        return Files.isRegularFile(p) ? p : null;
    }
}
