package org.npustudio.plan.yaml;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.npustudio.ir.DataType;
import org.npustudio.plan.Device;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a plan in NPU Studio's format (docs/partition-format.md): fixed field order, empty fields
 * left out, short lists in flow style, one node per line, and the comments the plan was read with put
 * back where they were. The text is built as a SnakeYAML node tree and serialized, so quoting is
 * always right (a node named {@code yes} or {@code 1e5} stays a string).
 */
public final class PlanYamlWriter {
    private PlanYamlWriter() {}

    public static String write(Plan plan) {
        List<NodeTuple> root = new ArrayList<>();
        root.add(entry("version", integer(PlanYaml.VERSION)));
        List<NodeTuple> model = new ArrayList<>();
        model.add(entry("file", str(plan.model().file())));
        model.add(entry("sha256", str(plan.model().sha256())));
        root.add(entry("model", map(model)));
        List<Node> devices = new ArrayList<>();
        for (Device d : plan.devices()) devices.add(device(d));
        root.add(entry("devices", seq(devices, false)));
        root.add(entry("rest", partition(plan.rest(), false)));
        List<Node> parts = new ArrayList<>();
        for (Partition p : plan.partitions()) parts.add(partition(p, true));
        root.add(entry("partitions", seq(parts, false)));
        if (!plan.parallel().isEmpty()) {
            List<Node> groups = new ArrayList<>();
            for (List<String> g : plan.parallel()) groups.add(strings(g));
            root.add(entry("parallel", seq(groups, false)));
        }
        Node doc = map(root);
        CommentPaths.attach(doc, plan.comments());
        DumperOptions o = dumperOptions();
        StringWriter w = new StringWriter();
        new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new LoaderOptions()),
                new org.yaml.snakeyaml.representer.Representer(o), o).serialize(doc, w);
        return w.toString();
    }

    static DumperOptions dumperOptions() {
        DumperOptions o = new DumperOptions();
        o.setProcessComments(true);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(120);
        o.setSplitLines(false);
        o.setExplicitStart(false);
        return o;
    }

    private static Node device(Device d) {
        List<NodeTuple> t = new ArrayList<>();
        t.add(entry("name", str(d.name())));
        t.add(entry("kind", str(d.kind().yamlName())));
        if (!d.description().isEmpty()) t.add(entry("description", str(d.description())));
        t.add(entry("index", integer(d.index())));
        if (!d.backend().isEmpty()) t.add(entry("backend", str(d.backend())));
        if (d.memoryBytes() > 0) t.add(entry("memory_bytes", integer(d.memoryBytes())));
        if (!d.supportedOps().isEmpty()) t.add(entry("supported_ops", strings(d.supportedOps())));
        if (!d.unsupportedOps().isEmpty()) t.add(entry("unsupported_ops", strings(d.unsupportedOps())));
        if (!d.precisions().isEmpty()) t.add(entry("precisions", strings(d.precisions())));
        if (!d.dataTypes().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (DataType dt : d.dataTypes()) names.add(dt.displayName());
            t.add(entry("dtypes", strings(names)));
        }
        return map(t);
    }

    private static Node partition(Partition p, boolean withNodes) {
        List<NodeTuple> t = new ArrayList<>();
        t.add(entry("name", str(p.name())));
        t.add(entry("device", str(p.device())));
        if (!p.precision().isEmpty()) t.add(entry("precision", str(p.precision())));
        if (withNodes) {
            List<Node> nodes = new ArrayList<>();
            for (NodeRef r : p.nodes()) nodes.add(nodeRef(r));
            t.add(entry("nodes", seq(nodes, nodes.isEmpty())));
            precisions(p, t);
            if (!p.fusionGroups().isEmpty()) {
                List<Node> groups = new ArrayList<>();
                for (List<String> g : p.fusionGroups()) groups.add(strings(g));
                t.add(entry("fusion_groups", seq(groups, false)));
            }
        }
        if (!withNodes) precisions(p, t);
        if (!p.logicalIds().isEmpty()) {
            List<Node> ids = new ArrayList<>();
            for (int i : p.logicalIds()) ids.add(integer(i));
            t.add(entry("logical_ids", seq(ids, true)));
        }
        if (!p.notes().isEmpty()) {
            ScalarNode notes = p.notes().contains("\n")
                    ? new ScalarNode(Tag.STR, p.notes(), null, null, DumperOptions.ScalarStyle.LITERAL)
                    : str(p.notes());
            t.add(entry("notes", notes));
        }
        return map(t);
    }

    /** Per-node precisions, one {@code node: key} per line after the members (the catch-all has no members). */
    private static void precisions(Partition p, List<NodeTuple> t) {
        if (p.precisions().isEmpty()) return;
        List<NodeTuple> entries = new ArrayList<>();
        for (var e : p.precisions().entrySet()) entries.add(entry(e.getKey(), str(e.getValue())));
        t.add(entry("precisions", map(entries)));
    }

    /** A node whose id is its name is written as the name; otherwise as {@code {id: …, name: …}}. */
    private static Node nodeRef(NodeRef r) {
        if (r.id().equals(r.name())) return str(r.id());
        List<NodeTuple> t = new ArrayList<>();
        t.add(entry("id", str(r.id())));
        if (!r.name().isEmpty()) t.add(entry("name", str(r.name())));
        MappingNode m = new MappingNode(Tag.MAP, t, DumperOptions.FlowStyle.FLOW);
        return m;
    }

    private static NodeTuple entry(String key, Node value) {
        return new NodeTuple(str(key), value);
    }

    private static ScalarNode str(String s) {
        return new ScalarNode(Tag.STR, s, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode integer(long v) {
        return new ScalarNode(Tag.INT, Long.toString(v), null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node strings(Collection<String> items) {
        List<Node> nodes = new ArrayList<>();
        for (String s : items) nodes.add(str(s));
        return seq(nodes, true);
    }

    private static MappingNode map(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }

    private static SequenceNode seq(List<Node> items, boolean flow) {
        return new SequenceNode(Tag.SEQ, items, flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
}
