package org.npustudio.plan.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Device;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.YamlNode;

/**
 * Converts the simulator's first plan format, the device-assignment YAML (docs/npu-simulator.md), into a
 * {@link Plan}, so it is read like every other plan:
 * <ul>
 *   <li>each {@code devices} entry ({@code name}, {@code file}) is a device whose description is that file;
 *       name and kind not given come from the file ({@link HardwareFiles});</li>
 *   <li>each {@code assign} entry (device: node ids) is a partition named after its device;</li>
 *   <li>{@code default_device} is the catch-all partition's device; without it the device is empty, which
 *       the simulator reads as "the NPU the run was given";</li>
 *   <li>{@code fusion} groups go to the catch-all partition (they may span devices), {@code precision} to
 *       every partition.</li>
 * </ul>
 * Mistakes are errors naming file, line and key; unknown keys are warnings.
 */
public final class AssignmentPlanYaml {
    private static final Set<String> ROOT_KEYS = Set.of("version", "devices", "default_device", "assign", "fusion", "precision", "description");

    private AssignmentPlanYaml() {}

    /**
     * True for a document that is not one of our plans: none of their {@code partitions}, {@code rest} or
     * {@code model} keys, and devices that name files rather than kinds. (NEST-C plans are told apart first.)
     */
    public static boolean looksLikeAssignment(YamlNode doc) throws StudioException {
        if (!doc.isMapping() || doc.has("partitions") || doc.has("rest") || doc.has("model")) return false;
        YamlNode devices = doc.get("devices");
        if (devices == null || !devices.isSequence()) return true;
        for (YamlNode d : devices.items()) if (d.isMapping() && d.has("kind")) return false;
        return true;
    }

    /** @param baseDir folder of the plan file: device files are relative to it */
    public static PlanYaml.Loaded read(YamlNode doc, Path baseDir) throws StudioException {
        List<String> warnings = new ArrayList<>(doc.unknownKeys(ROOT_KEYS));
        if (doc.has("version") && doc.require("version").longValue() != 1) throw doc.require("version").error("unsupported plan version; use 1");
        List<Device> devices = new ArrayList<>();
        if (doc.has("devices")) {
            Set<String> names = new LinkedHashSet<>();
            for (YamlNode d : doc.require("devices").items()) {
                Device device = device(d, baseDir, devices.size(), warnings);
                if (!names.add(device.name())) throw d.error("device '" + device.name() + "' is defined twice");
                devices.add(device);
            }
        }
        String defaultDevice = doc.has("default_device") ? doc.require("default_device").text() : "";
        Map<String, List<NodeRef>> assigned = assignments(doc);
        List<List<String>> fusion = new ArrayList<>();
        if (doc.has("fusion")) {
            for (YamlNode g : doc.require("fusion").items()) {
                List<String> ids = g.textList();
                if (ids.isEmpty()) throw g.error("a fusion group lists no nodes");
                fusion.add(ids);
            }
        }
        String precision = "";
        if (doc.has("precision")) {
            YamlNode p = doc.require("precision");
            Precision parsed = Precision.parse(p.text());
            if (parsed == null) throw p.error("unknown precision '" + p.text() + "'; use " + Precision.validKeys());
            precision = parsed.key();
        }
        List<Partition> partitions = new ArrayList<>();
        for (Map.Entry<String, List<NodeRef>> e : assigned.entrySet()) {
            partitions.add(new Partition(e.getKey(), e.getKey(), precision, e.getValue(), List.of(), List.of(), ""));
        }
        String restName = Plan.DEFAULT_REST;
        for (int k = 2; assigned.containsKey(restName); k++) restName = Plan.DEFAULT_REST + "_" + k;
        Partition rest = new Partition(restName, defaultDevice, precision, List.of(), fusion, List.of(), "");
        return new PlanYaml.Loaded(new Plan(ModelRef.UNKNOWN, devices, rest, partitions, List.of(), PlanComments.NONE), warnings);
    }

    private static Device device(YamlNode entry, Path baseDir, int index, List<String> warnings) throws StudioException {
        warnings.addAll(entry.unknownKeys(Set.of("name", "file")));
        YamlNode file = entry.require("file");
        HardwareFiles.Identity hw = HardwareFiles.identity(baseDir.resolve(file.text()), !entry.has("name"));
        String name = entry.has("name") ? entry.require("name").text() : hw.name();
        return new Device(name, hw.kind(), file.text(), index, "", 0, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Node ids by device, in file order; a node under two devices is an error at the second. */
    private static Map<String, List<NodeRef>> assignments(YamlNode doc) throws StudioException {
        Map<String, List<NodeRef>> byDevice = new LinkedHashMap<>();
        if (!doc.has("assign")) return byDevice;
        Map<String, String> deviceOf = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : doc.require("assign").entries().entrySet()) {
            String device = e.getKey();
            if (device.isBlank()) throw e.getValue().error("a device name cannot be empty");
            List<NodeRef> nodes = new ArrayList<>();
            for (String id : e.getValue().textList()) {
                if (id.isEmpty()) throw e.getValue().error("empty node id");
                String previous = deviceOf.put(id, device);
                if (previous != null && !previous.equals(device)) {
                    throw e.getValue().error("node '" + id + "' is assigned to both '" + previous + "' and '" + device + "'");
                }
                if (previous == null) nodes.add(new NodeRef(id, ""));
            }
            byDevice.put(device, nodes);
        }
        return byDevice;
    }
}
