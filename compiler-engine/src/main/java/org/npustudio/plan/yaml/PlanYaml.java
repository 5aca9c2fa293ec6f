package org.npustudio.plan.yaml;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.io.AtomicFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.Precision;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads NPU Studio plan files (docs/partition-format.md). Mistakes are errors naming file, line and
 * column; unknown keys, a plan made for another model file and fusion groups naming non-members are
 * warnings. Comments are kept in the plan so {@link PlanYamlWriter} writes them back.
 */
public final class PlanYaml {
    public static final int VERSION = 1;

    /** A plan and what the reader wants the user to know about it. */
    public record Loaded(Plan plan, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private static final Set<String> ROOT_KEYS = Set.of("version", "model", "devices", "rest", "partitions", "parallel");
    private static final Set<String> MODEL_KEYS = Set.of("file", "sha256");
    private static final Set<String> DEVICE_KEYS = Set.of("name", "kind", "description", "index", "backend", "memory_bytes",
            "supported_ops", "unsupported_ops", "precisions", "dtypes");
    private static final Set<String> REST_KEYS = Set.of("name", "device", "precision", "precisions", "logical_ids", "notes");
    private static final Set<String> PARTITION_KEYS = Set.of("name", "device", "precision", "precisions", "nodes", "fusion_groups",
            "logical_ids", "notes");

    private PlanYaml() {}

    public static Loaded read(Path file, ModelRef actualModel) throws StudioException {
        YamlNode doc = SafeYaml.read(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new StudioException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        return load(doc, text, actualModel);
    }

    public static Loaded parse(String text, String source, ModelRef actualModel) throws YamlException {
        return load(SafeYaml.parse(text, source), text, actualModel);
    }

    /** Writes atomically: a temporary sibling file renamed over the target. */
    public static void write(Plan plan, Path file) throws StudioException {
        AtomicFiles.writeString(file, PlanYamlWriter.write(plan));
    }

    private static Loaded load(YamlNode doc, String text, ModelRef actualModel) throws YamlException {
        List<String> warnings = new ArrayList<>(doc.unknownKeys(ROOT_KEYS));
        YamlNode version = doc.require("version");
        if (version.longValue() != VERSION) {
            throw version.error("unsupported plan version " + version.text() + " (this NPU Studio reads version " + VERSION + ")");
        }
        ModelRef model = ModelRef.UNKNOWN;
        YamlNode m = doc.get("model");
        if (m != null) {
            warnings.addAll(m.unknownKeys(MODEL_KEYS));
            String sha = optText(m, "sha256");
            if (!sha.isEmpty() && !sha.matches("[0-9a-fA-F]{64}")) throw m.require("sha256").error("sha256 must be 64 hex digits");
            model = new ModelRef(optText(m, "file"), sha);
        }
        if (actualModel != null && model.conflictsWith(actualModel)) {
            warnings.add(doc.source() + ": the plan was made for " + (model.file().isEmpty() ? "another model" : model.file())
                    + " (sha256 " + model.sha256() + "), not " + actualModel.file() + " (sha256 " + actualModel.sha256()
                    + "); nodes are matched by id and name");
        }
        List<Device> devices = new ArrayList<>();
        YamlNode devs = doc.require("devices");
        for (YamlNode d : devs.items()) devices.add(device(d, warnings, devices.size()));
        if (devices.isEmpty()) throw devs.error("a plan needs at least one device");
        Set<String> deviceNames = new LinkedHashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            if (!deviceNames.add(devices.get(i).name())) throw devs.items().get(i).require("name").error("device '" + devices.get(i).name() + "' is defined twice");
        }
        Partition rest = rest(doc.get("rest"), devices, deviceNames, warnings);
        List<Partition> partitions = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(List.of(rest.name()));
        YamlNode ps = doc.get("partitions");
        if (ps != null) {
            for (YamlNode p : ps.items()) {
                Partition part = partition(p, deviceNames, warnings);
                if (!names.add(part.name())) throw p.require("name").error("partition '" + part.name() + "' is defined twice");
                partitions.add(part);
            }
        }
        List<List<String>> parallel = new ArrayList<>();
        YamlNode par = doc.get("parallel");
        if (par != null) {
            for (YamlNode g : par.items()) {
                List<String> group = g.textList();
                for (String n : group) {
                    if (!names.contains(n)) warnings.add(g.source() + ": line " + g.line() + ": parallel group names unknown partition '" + n + "'");
                }
                parallel.add(group);
            }
        }
        PlanComments comments = CommentPaths.capture(rawTree(text));
        return new Loaded(new Plan(model, devices, rest, partitions, parallel, comments), warnings);
    }

    private static org.yaml.snakeyaml.nodes.Node rawTree(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(SafeYaml.options()), new org.yaml.snakeyaml.representer.Representer(
                PlanYamlWriter.dumperOptions()), PlanYamlWriter.dumperOptions(), SafeYaml.options());
        return yaml.compose(new StringReader(text));
    }

    static Device device(YamlNode d, List<String> warnings, int position) throws YamlException {
        warnings.addAll(d.unknownKeys(DEVICE_KEYS));
        String name = d.require("name").text().trim();
        if (name.isEmpty()) throw d.require("name").error("a device needs a name");
        YamlNode kindNode = d.require("kind");
        DeviceKind kind = DeviceKind.parse(kindNode.text());
        if (kind == null) throw kindNode.error("kind must be npu or cpu, not '" + kindNode.text() + "'");
        int index = d.has("index") ? (int) nonNegative(d.require("index")) : position;
        long memory = d.has("memory_bytes") ? nonNegative(d.require("memory_bytes")) : 0;
        Set<DataType> types = new LinkedHashSet<>();
        if (d.has("dtypes")) for (YamlNode t : d.require("dtypes").items()) types.add(dataType(t));
        return new Device(name, kind, optText(d, "description"), index, optText(d, "backend"), memory,
                textSet(d, "supported_ops"), textSet(d, "unsupported_ops"), textSet(d, "precisions"), types);
    }

    private static Partition rest(YamlNode r, List<Device> devices, Set<String> deviceNames, List<String> warnings) throws YamlException {
        if (r == null) {
            Device host = devices.stream().filter(d -> d.kind() == DeviceKind.CPU).findFirst().orElse(devices.get(0));
            return Partition.of(Plan.DEFAULT_REST, host.name(), List.of());
        }
        warnings.addAll(r.unknownKeys(REST_KEYS));
        String name = r.has("name") ? r.require("name").text().trim() : Plan.DEFAULT_REST;
        return new Partition(name, deviceOf(r, deviceNames), optText(r, "precision"), List.of(), List.of(),
                logicalIds(r), optText(r, "notes"), nodePrecisions(r, null, name, warnings));
    }

    private static Partition partition(YamlNode p, Set<String> deviceNames, List<String> warnings) throws YamlException {
        warnings.addAll(p.unknownKeys(PARTITION_KEYS));
        String name = p.require("name").text().trim();
        if (name.isEmpty()) throw p.require("name").error("a partition needs a name");
        List<NodeRef> nodes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        if (p.has("nodes")) {
            for (YamlNode n : p.require("nodes").items()) {
                NodeRef r = nodeRef(n);
                if (!ids.add(r.id())) {
                    warnings.add(n.source() + ": line " + n.line() + ": node '" + r.id() + "' is listed twice in partition " + name);
                    continue;
                }
                nodes.add(r);
            }
        }
        List<List<String>> groups = new ArrayList<>();
        if (p.has("fusion_groups")) {
            for (YamlNode g : p.require("fusion_groups").items()) {
                List<String> members = g.textList();
                for (String id : members) {
                    if (!ids.contains(id)) warnings.add(g.source() + ": line " + g.line() + ": fusion group names '" + id + "', which is not in partition " + name);
                }
                groups.add(members);
            }
        }
        return new Partition(name, deviceOf(p, deviceNames), optText(p, "precision"), nodes, groups, logicalIds(p), optText(p, "notes"),
                nodePrecisions(p, ids, name, warnings));
    }

    /**
     * {@code precisions:} node id -> precision key. A key the simulator and quantizer do not know is an error at
     * its line; a node that is not a member ({@code members} null for the catch-all, which lists none) a warning.
     */
    private static Map<String, String> nodePrecisions(YamlNode p, Set<String> members, String partition, List<String> warnings)
            throws YamlException {
        Map<String, String> out = new LinkedHashMap<>();
        YamlNode m = p.get("precisions");
        if (m == null) return out;
        if (!m.isMapping()) throw m.error("precisions must map node ids to precisions, e.g. {conv1: int4w8a}");
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String key = e.getValue().text().trim();
            if (Precision.parse(key) == null) {
                throw e.getValue().error("node '" + e.getKey() + "' of partition " + partition + ": unknown precision '" + key
                        + "' (use " + Precision.validKeys() + ")");
            }
            if (members != null && !members.contains(e.getKey())) {
                warnings.add(m.source() + ": line " + e.getValue().line() + ": precisions names '" + e.getKey()
                        + "', which is not in partition " + partition + " (ignored)");
            }
            out.put(e.getKey(), key);
        }
        return out;
    }

    private static NodeRef nodeRef(YamlNode n) throws YamlException {
        if (n.isScalar()) {
            String id = n.text();
            if (id.isEmpty()) throw n.error("empty node name");
            return NodeRef.named(id);
        }
        Set<String> known = Set.of("id", "name");
        for (String k : n.entries().keySet()) if (!known.contains(k)) throw n.error("a node entry has only 'id' and 'name', not '" + k + "'");
        String id = n.require("id").text();
        if (id.isEmpty()) throw n.require("id").error("empty node id");
        return new NodeRef(id, optText(n, "name"));
    }

    private static String deviceOf(YamlNode p, Set<String> deviceNames) throws YamlException {
        YamlNode d = p.require("device");
        String name = d.text().trim();
        if (!deviceNames.contains(name)) throw d.error("device '" + name + "' is not defined (devices: " + String.join(", ", deviceNames) + ")");
        return name;
    }

    private static List<Integer> logicalIds(YamlNode p) throws YamlException {
        List<Integer> out = new ArrayList<>();
        if (p.has("logical_ids")) for (YamlNode i : p.require("logical_ids").items()) out.add((int) nonNegative(i));
        return out;
    }

    static DataType dataType(YamlNode t) throws YamlException {
        String s = t.text().trim();
        for (DataType dt : DataType.values()) {
            if (dt != DataType.UNDEFINED && (dt.displayName().equalsIgnoreCase(s) || dt.name().equalsIgnoreCase(s))) return dt;
        }
        throw t.error("unknown element type '" + s + "' (e.g. float32, float16, int8, int64)");
    }

    static long nonNegative(YamlNode n) throws YamlException {
        long v = n.longValue();
        if (v < 0 || v > Integer.MAX_VALUE && !n.path().endsWith("memory_bytes")) throw n.error("must be a whole number from 0, got " + n.text());
        return v;
    }

    static String optText(YamlNode n, String key) throws YamlException {
        YamlNode v = n.get(key);
        return v == null ? "" : v.text();
    }

    static Set<String> textSet(YamlNode n, String key) throws YamlException {
        YamlNode v = n.get(key);
        return v == null ? Set.of() : new LinkedHashSet<>(v.textList());
    }
}
