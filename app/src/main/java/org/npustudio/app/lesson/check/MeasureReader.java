package org.npustudio.app.lesson.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.npustudio.app.lesson.Measure;
import org.npustudio.plan.DeviceKind;
import org.npustudio.app.lesson.MeasureType;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Place;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/** Reads a measure written as {@code {type: cycles, node: conv1, on: start}} (docs/lessons.md "Measures"). */
public final class MeasureReader {
    private MeasureReader() {}

    public static Measure read(YamlNode n) throws YamlException {
        if (!n.isMapping()) throw n.error("a measure is a mapping such as {type: node_count, op: Conv}");
        CheckParams p = new CheckParams(n, Set.of());
        String typeName = p.text("type");
        MeasureType type = MeasureType.parse(typeName);
        if (type == null) {
            throw p.place("type").error("unknown measure '" + typeName + "' (known: "
                    + java.util.Arrays.stream(MeasureType.values()).map(MeasureType::yamlName).collect(Collectors.joining(", ")) + ")");
        }
        Measure.On on = Measure.On.WORKSPACE;
        String onText = p.optText("on");
        if (onText != null) {
            if (onText.equals("start")) on = Measure.On.START;
            else if (!onText.equals("workspace")) throw p.place("on").error("'on' is workspace or start, not '" + onText + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : type.params()) {
            String v = p.optText(key);
            if (v != null) params.put(key, v);
        }
        if (params.containsKey("fuse") && Measures.fuse(params.get("fuse")) == null) {
            throw p.place("fuse").error("unknown fuse '" + params.get("fuse") + "'; use none, auto or plan");
        }
        String device = params.get("device");
        if (device != null && DeviceKind.parse(device) == null) throw p.place("device").error("device is npu or cpu, not '" + device + "'");
        String legalize = params.get("legalize");
        if (legalize != null && !legalize.equals("true") && !legalize.equals("false")) throw p.place("legalize").error("legalize is true or false");
        if (legalize != null && !params.containsKey("pipeline")) throw p.place("legalize").error("legalize applies with a pipeline");
        List<String> nodes = nodes(type, p);
        p.finish("measure " + typeName);
        return new Measure(type, params, nodes, on, Place.of(n));
    }

    /**
     * A simulator measure's {@code nodes}: a block whose values are summed (empty when absent). Not with
     * {@code node}, not empty, no name twice.
     */
    static List<String> nodes(MeasureType type, CheckParams p) throws YamlException {
        if (!type.takesNodes()) return List.of();
        YamlNode list = p.child("nodes");
        if (list == null) return List.of();
        if (p.has("node")) throw p.place("nodes").error("give either node or nodes, not both");
        if (!list.isSequence()) throw list.error("nodes is a list of node names, such as [conv1, relu1]");
        List<String> names = list.textList();
        if (names.isEmpty()) throw list.error("nodes lists no node");
        if (new java.util.HashSet<>(names).size() != names.size()) throw list.error("nodes names a node twice");
        return names;
    }
}
